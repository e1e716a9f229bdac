import { describe, expect, test } from 'vitest';
import { assertDictionaryWorks, unknownWords } from './hunspell';
import { CONTENT_DIR, loadLessons, spellableText } from './mdx';

const WORD_LIST = CONTENT_DIR + '_wordlist.txt';

describe('spelling (hunspell pt_BR + content/_wordlist.txt)', () => {
  test('hunspell and the pt_BR dictionary are installed and working', () => {
    assertDictionaryWorks(WORD_LIST);
  });

  test('a misspelled word in prose is reported; code, math and italic foreign words are not', () => {
    const sample =
      'Uma camada recebe **tensoris** e o *bias* [vai](../xpto/).\n\n```ts cell\nconst xyzw = 1;\n```\n$qwzx$';
    expect(unknownWords(spellableText(sample), WORD_LIST)).toEqual(['tensoris']);
  });

  for (const lesson of loadLessons()) {
    test(`${lesson.file} has no unknown words`, () => {
      const prose = spellableText(lesson.source);
      const lines = prose.split('\n');
      const report = unknownWords(prose, WORD_LIST).map((word) => {
        const pattern = new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
        const line = lines.findIndex((l) => pattern.test(l)) + 1;
        return `${word} (line ${line})`;
      });
      expect(
        report.join('\n'),
        `${lesson.file}: unknown words — fix the spelling or, for a technical term, add it to content/_wordlist.txt`,
      ).toBe('');
    });
  }
});
