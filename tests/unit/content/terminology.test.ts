import { describe, expect, test } from 'vitest';
import { loadLessons } from './mdx';
import { describeViolations, findViolations } from './terminology';

describe('terminology (one term per concept, PRODUCT.md)', () => {
  test('a forbidden variant is reported with its file and line', () => {
    const sample = '---\ntitle: x\n---\n\nAjuste a taxa de aprendizagem.\nO feature map mostra o rank.\n';
    expect(describeViolations(findViolations('01-x.mdx', sample))).toEqual([
      '01-x.mdx:5  "taxa de aprendizagem" → use "taxa de aprendizado"',
      '01-x.mdx:6  "rank" → use "posto"',
      '01-x.mdx:6  "feature map" → use "mapa de características"',
    ]);
  });

  test('English words are fine in code and in the glossary, pt-BR variants never', () => {
    const sample = 'Use `tensor.rank` e `batchSize`.\n\n```ts cell\nconst rank = 2;\n```\n';
    expect(findViolations('02-x.mdx', sample)).toEqual([]);
    expect(findViolations('09-glossario.mdx', 'posto (*rank*)')).toEqual([]);
    expect(findViolations('09-glossario.mdx', 'o portão')).toHaveLength(1);
  });

  for (const lesson of loadLessons()) {
    test(`${lesson.file} uses the project's terminology`, () => {
      expect(describeViolations(findViolations(lesson.file, lesson.source)).join('\n')).toBe('');
    });
  }
});
