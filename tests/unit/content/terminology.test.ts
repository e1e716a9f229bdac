import { describe, expect, test } from 'vitest';
import { errors } from '../../../src/i18n/strings/errors';
import { labs } from '../../../src/i18n/strings/labs';
import { notebook } from '../../../src/i18n/strings/notebook';
import { offline } from '../../../src/i18n/strings/offline';
import { site } from '../../../src/i18n/strings/site';
import { viz } from '../../../src/viz/labels';
import { loadLessons } from './mdx';
import {
  describeViolations,
  findStringViolations,
  findViolations,
  readableCode,
} from './terminology';

const found = (file: string, source: string) => findViolations(file, source).map((v) => v.found);

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

  test('passo is the stride: with a value, the word stride or padding next to it', () => {
    const stride = [
      'Com passo 2, a saída encolhe; com passo $S$ e filtro $K$, também.',
      'O [passo](../glossario/#passo) (*stride*) diz de quantos pixels o filtro pula.',
      'Mude o passo e o preenchimento; ## Passo, preenchimento e o tamanho da saída.',
      'Depende da largura, do passo e do preenchimento. Com passo maior que 1, ou passo > 1.',
      'Cada passo de tempo, e os 12 passos de tempo da janela.',
    ].join('\n\n');
    expect(found('06-x.mdx', stride)).toEqual([]);
  });

  test('passo for an optimizer step or a time step is flagged, in prose and in code comments', () => {
    const sample = [
      'Aperte **Passo**: a cada passo, o peso dá um passo na direção contrária.',
      'A LSTM percorre a sequência passo a passo.',
      '```ts cell',
      'const passos = 12; // janelas de 12 passos',
      "console.log(`passo ${passos}`, 'passo do otimizador');",
      '```',
    ].join('\n');
    expect(describeViolations(findViolations('05-x.mdx', sample)).map((l) => l.split('  ')[0])).toEqual([
      '05-x.mdx:1',
      '05-x.mdx:1',
      '05-x.mdx:1',
      '05-x.mdx:2',
      '05-x.mdx:2',
      '05-x.mdx:4',
      '05-x.mdx:5',
      '05-x.mdx:5',
    ]);
  });

  test('code identifiers are not prose: only comments and strings of a code block are read', () => {
    expect(readableCode('const passos = 1; // dois\nf(`a ${passos} b`, "c");', 'ts')).toBe(
      '                  // dois\n  `a           b`  "c"  ',
    );
    expect(readableCode("x = 'passo'  # passos", 'python')).toBe("    'passo'  # passos");
  });

  test('conta for a computation is cálculo; the idioms and the verb are fine', () => {
    expect(found('03-x.mdx', 'A camada faz a conta. Refaça as contas e a mesma conta.')).toEqual([
      'conta',
      'contas',
      'conta',
    ]);
    expect(found('03-x.mdx', 'Leve em conta o viés; o build() dá conta; a célula conta as iterações.')).toEqual(
      [],
    );
  });

  test('treino, not treinamento; filtro, not kernel, for the explorer and the Conv1D width', () => {
    expect(found('09-x.mdx', '## Treinamento\nExplorador de kernel; largura do kernel.')).toEqual([
      'Treinamento',
      'Explorador de kernel',
      'largura do kernel',
    ]);
  });

  for (const lesson of loadLessons()) {
    test(`${lesson.file} uses the project's terminology`, () => {
      expect(describeViolations(findViolations(lesson.file, lesson.source)).join('\n')).toBe('');
    });
  }

  test('the UI strings use the same terms as the lessons', () => {
    const tables = { ...site, ...errors, ...labs, ...notebook, ...offline, ...viz };
    const violations = Object.entries(tables).flatMap(([key, value]) => findStringViolations(key, value));
    expect(describeViolations(violations).join('\n')).toBe('');
  });
});
