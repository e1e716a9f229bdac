import { describe, expect, test } from 'vitest';
import { codeBlocks, loadLessons, stripCode } from './mdx';

const lessons = loadLessons();
/** Pages that are not lessons with code: the start page, the glossary and the teachers' pages. */
const NO_CELLS = new Set(['index', 'glossario', 'guia-do-professor', 'gabarito']);
/** The answer key: only the teacher's guide links to it, and neither the sidebar nor search shows it. */
const ANSWER_KEY = 'gabarito';
const TEACHERS_GUIDE = 'guia-do-professor';

describe('lesson structure', () => {
  test('the course has its pages, numbered 00 to 12', () => {
    expect(lessons.map((l) => l.file.slice(0, 2))).toEqual([
      '00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12',
    ]);
  });

  test('the answer key is hidden from the sidebar and search, and only the teacher’s guide links to it', () => {
    const key = lessons.find((l) => l.frontmatter.slug === ANSWER_KEY);
    expect(key?.frontmatter['sidebar.hidden']).toBe('true');
    expect(key?.frontmatter.pagefind).toBe('false');
    const linkers = lessons
      .filter((l) => /\]\((\.\.\/)?gabarito\/|href=["'](\.\.\/)?gabarito\//.test(stripCode(l.source)))
      .map((l) => l.frontmatter.slug);
    expect(linkers.filter((slug) => slug !== ANSWER_KEY)).toEqual([TEACHERS_GUIDE]);
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
