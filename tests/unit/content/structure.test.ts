import { describe, expect, test } from 'vitest';
import { codeBlocks, loadLessons, stripCode } from './mdx';

const lessons = loadLessons();
/** Pages that are not lessons with code: the start page and the glossary. */
const NO_CELLS = new Set(['index', 'glossario']);

describe('lesson structure', () => {
  test('the course has its ten pages, numbered 00 to 09', () => {
    expect(lessons.map((l) => l.file.slice(0, 2))).toEqual([
      '00', '01', '02', '03', '04', '05', '06', '07', '08', '09',
    ]);
  });

  for (const lesson of lessons) {
    const { file, frontmatter } = lesson;
    const slug = frontmatter.slug ?? '';

    test(`${file}: frontmatter has title, description, slug and sidebar.order`, () => {
      expect(frontmatter.title, 'title').toMatch(/\S/);
      expect(frontmatter.description, 'description').toMatch(/\S/);
      expect(slug, 'slug is the file name without NN- (00 is the index)').toBe(
        file.startsWith('00-') ? 'index' : file.slice(3, -'.mdx'.length),
      );
      expect(frontmatter['sidebar.order'], 'sidebar.order is the NN prefix').toBe(
        String(Number(file.slice(0, 2))),
      );
    });

    if (NO_CELLS.has(slug)) continue;

    test(`${file}: at least three non-empty \`ts cell\` blocks`, () => {
      const cells = codeBlocks(lesson.source).filter((b) => b.lang === 'ts' && /\bcell\b/.test(b.meta));
      expect(cells.length).toBeGreaterThanOrEqual(3);
      for (const cell of cells) expect(cell.code.trim(), `cell at line ${cell.line}`).not.toBe('');
    });

    test(`${file}: shows the Keras (Python) spelling, an exercise with a hidden solution, and glossary links`, () => {
      expect(codeBlocks(lesson.source).some((b) => b.lang === 'python')).toBe(true);
      const text = stripCode(lesson.source);
      expect(text).toMatch(/<details>\s*<summary>Solução<\/summary>/);
      expect(text.match(/\]\(\.\.\/glossario\/#[\w-]+\)/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    });
  }
});
