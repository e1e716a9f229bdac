// Every lesson cell type-checks in its lesson's shared scope, with the setup the editor's language
// service uses (src/notebook/types): no reader meets a type error in shipped code.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../../src/notebook/types/check';
import { buildEnvironment } from '../../../src/notebook/types/environment';
import { GLOBALS_PATH, TF_PATH } from '../../../src/notebook/types/options';
import { createTypeService, type TypeService } from '../../../src/notebook/types/service';
import { CONTENT_DIR } from '../content/mdx';
import { lessonCells } from './lesson-cells';

const lessons = readdirSync(CONTENT_DIR).filter((file) => file.endsWith('.mdx'));
let checker: Checker;
let service: TypeService;

beforeAll(() => {
  const environment = buildEnvironment(process.cwd());
  checker = createChecker(environment, [TF_PATH, GLOBALS_PATH]);
  service = createTypeService(environment);
});

describe('the language service the editor asks', () => {
  const cells = ['const t = tf.tensor1d([1, 2]);', 't.squ', 'tf.tens', 'tf.tensor2d([[1]], '];

  it('completes tf.* from where the word starts, and methods of a tensor from an earlier cell', () => {
    const tf = service.completions(cells, 2, 'tf.tens'.length);
    expect(tf?.from).toBe(3);
    expect(tf?.items.map((item) => item.label)).toContain('tensor2d');
    const methods = service.completions(cells, 1, 't.squ'.length);
    expect(methods?.items.map((item) => item.label)).toEqual(
      expect.arrayContaining(['square', 'squeeze']),
    );
  });

  it('gives the signature with the argument being typed, and hover with type and doc', () => {
    const help = service.signature(cells, 3, (cells[3] ?? '').length);
    expect(help?.label).toMatch(/^tensor2d\(values: TensorLike2D, shape\?: \[number, number\]/);
    const [from, to] = help?.active ?? [0, 0];
    expect(help?.label.slice(from, to)).toBe('shape?: [number, number]');
    const hover = service.hover(cells, 0, 'const t = tf.tens'.length);
    expect(hover?.display).toContain('tensor1d(values: TensorLike1D');
    expect(hover?.documentation).toContain('Creates rank-1');
  });

  it('checks a cell with the same result as the build-time check', () => {
    const code = ['let k = 1', "k = 'dois'"];
    expect(service.diagnostics(code, 1)).toEqual(checker.check(code));
  });
});

describe('the cell type checker', () => {
  it('reports a type error at its line and column in the cell', () => {
    const [error, ...rest] = checker.check(['const ok = 1;\nconst n: number = "três";']);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ cell: 0, line: 2, column: 7, code: 2322, severity: 'error' });
  });

  it("sees earlier cells' declarations with their types, and only earlier ones", () => {
    const diagnostics = checker.check([
      'let k = 1;\nfunction twice(a: number) { return a * 2; }',
      'k = twice(k);\nconst t = tf.tensor2d([[1, 2]]);\nlater;',
      "k = 'texto';\nt.square().shape;",
      'const later = 1;',
    ]);
    expect(diagnostics.map((d) => [d.cell, d.line, d.code])).toEqual([
      [1, 3, 2304], // `later`: declared by a later cell, so not found
      [2, 1, 2322],
    ]);
  });

  it('knows tf (core, layers, chained ops), anatomia and display, and not the DOM-only extras', () => {
    const diagnostics = checker.check([
      [
        'const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });',
        'const y = m.predict(tf.tensor2d([[1]])) as tf.Tensor;',
        'display(y.square().mean());',
        'anatomia.image(y);',
        'await anatomia.mnist();',
        'tf.nope();',
      ].join('\n'),
    ]);
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[6, 2339]]);
  });
});

describe('lesson cells type-check', () => {
  it('finds the lessons and their cells', () => {
    const cells = lessons.flatMap((lesson) => lessonCells(join(CONTENT_DIR, lesson)));
    expect(cells.length).toBeGreaterThan(50);
  });

  it.each(lessons)('%s has no type error', (lesson) => {
    const cells = lessonCells(join(CONTENT_DIR, lesson));
    const errors = checker
      .check(cells.map((cell) => cell.code))
      .map((d) => `cell ${cells[d.cell]?.id} ${d.line}:${d.column} TS${d.code} ${d.message}`);
    expect(errors).toEqual([]);
  });
});
