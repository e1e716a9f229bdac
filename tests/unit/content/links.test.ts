import { describe, expect, test } from 'vitest';
import { brokenReason, linksOf } from './links';
import { type Lesson, loadLessons } from './mdx';

const lessons = loadLessons();

function fake(file: string, slug: string, body: string): Lesson {
  return { file, source: body, frontmatter: { slug } };
}

describe('internal links and glossary anchors', () => {
  test('links are resolved against each page URL under a base path', () => {
    const glossary = fake('09-glossario.mdx', 'glossario', '<span id="tensor"></span>\n## Perda');
    const start = fake('00-inicio.mdx', 'index', '[a](glossario/#tensor) [b](../glossario/#tensor)');
    const lesson = fake('02-t.mdx', 'tensores', '[c](../glossario/#perda) [d](../glossario/#posto) [e](/glossario/)');
    const all = [glossary, start, lesson];
    const reasons = [...linksOf(start), ...linksOf(lesson)].map((l) => brokenReason(l, all));
    expect(reasons).toEqual([
      null,
      'leaves the site (too many ../)',
      null,
      'no anchor #posto in 09-glossario.mdx',
      'absolute path: breaks under a base path, use a relative link',
    ]);
  });

  for (const lesson of lessons) {
    test(`${lesson.file}: every internal link resolves`, () => {
      const broken = linksOf(lesson)
        .map((link) => ({ link, reason: brokenReason(link, lessons) }))
        .filter(({ reason }) => reason !== null)
        .map(({ link, reason }) => `${link.file}:${link.line} ${link.href} — ${reason}`);
      expect(broken.join('\n')).toBe('');
    });
  }
});
