import { describe, expect, it } from 'vitest';
import { compileCell, type CompileResult, type CompiledCell } from '../../../src/notebook/compile';
import { createCellScope, type CellScope } from '../../../src/notebook/runtime/scope';

function compiled(source: string, sourceUrl = 'cell-test.js'): CompiledCell {
  const result: CompileResult = compileCell(source, { sourceUrl });
  if (!result.ok) throw new Error(`expected to compile: ${result.error.message}`);
  return result;
}

type CellFunction = (cell: { scope: object; seal: CellScope['seal'] }) => Promise<unknown>;

/** Runs a compiled cell in `scope` as the kernel does (declare, run, seal its consts). */
async function runIn(scope: CellScope, cell: CompiledCell): Promise<unknown> {
  scope.declare(cell.declarations);
  const run = (0, eval)(cell.code) as CellFunction;
  try {
    return await run({ scope: scope.object, seal: scope.seal });
  } finally {
    scope.seal(cell.constants);
  }
}

/** Runs cells in order in one scope, as the kernel does; returns each cell's value. */
async function runCells(...sources: string[]): Promise<unknown[]> {
  const scope = createCellScope({});
  const values: unknown[] = [];
  for (const [i, source] of sources.entries()) {
    values.push(await runIn(scope, compiled(source, `cell-${i}.js`)));
  }
  return values;
}

/** Runs cells in order, on through failures; returns what the last one threw. */
async function lastThrows(...sources: string[]): Promise<Error> {
  const scope = createCellScope({});
  let thrown: Error | undefined;
  for (const [i, source] of sources.entries()) {
    thrown = await runIn(scope, compiled(source, `cell-${i}.js`)).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
  }
  return thrown ?? new Error('did not throw');
}

/** Runs one cell that throws and maps the top frame in the cell's code back to the source. */
async function thrownAt(source: string): Promise<{ line: number; column: number }> {
  const cell = compiled(source, 'cell-throws.js');
  const error = await runIn(createCellScope({}), cell).then(
    () => new Error('did not throw'),
    (e: unknown) => e as Error,
  );
  const frame = /cell-throws\.js:(\d+):(\d+)/.exec(error.stack ?? '');
  if (frame === null) throw new Error(`no frame in the cell: ${error.stack}`);
  return cell.mapPosition(Number(frame[1]), Number(frame[2]));
}

describe('declarations', () => {
  it('lists the names a cell declares at top level, destructuring included', () => {
    const cell = compiled(
      'const a = 1, b: number = 2;\nlet { c, d: [e, ...f] } = { c: 3, d: [4] };\n' +
        'var g;\nclass H {}\nfunction k(): void {}\nfor (const inLoop of [1]) {}\n{ const inBlock = 1 }',
    );
    expect(cell.declarations).toEqual(['a', 'b', 'c', 'e', 'f', 'g', 'H']);
  });

  it('makes top-level declarations visible to cells run after it', async () => {
    const values = await runCells(
      'const x: number = 20\nfunction twice(n: number): number { return 2 * n }\nclass Box { v = 1 }',
      'twice(x) + new Box().v',
    );
    expect(values).toEqual([undefined, 41]);
  });

  it('lets a rerun redeclare a const, and a later cell reassign a let', async () => {
    const values = await runCells('let n = 1', 'const k = 2', 'const k = 3\nn = n + k', 'n');
    expect(values[3]).toBe(4);
  });

  it('keeps a const a const across cells: reassigning it throws a TypeError naming it', async () => {
    const error = await lastThrows('const taxa = 0.1', 'taxa = 0.5');
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/constant variable 'taxa'/);
    expect(await lastThrows('const { a, b: [c] } = { a: 1, b: [2] }', 'c++')).toBeInstanceOf(
      TypeError,
    );
    // In its own cell too, as JS would.
    expect((await lastThrows('const k = 1\nk = 2')).message).toMatch(/'k'/);
  });

  it('still lets a const be redeclared by a rerun or another cell, and its object be changed', async () => {
    const values = await runCells(
      'const pesos = { w: 1 }',
      'pesos.w = 2\npesos.w',
      'const pesos = { w: 3 }\npesos.w',
      'let pesos = 4\npesos = 5\npesos',
    );
    expect(values.slice(1)).toEqual([2, 3, 5]);
  });

  it('keeps a const sealed when its cell fails before redeclaring it', async () => {
    const error = await lastThrows('const n = 1', 'throw new Error("antes")\nconst n = 2', 'n = 3');
    expect(error).toBeInstanceOf(TypeError);
  });

  it('ends a declaration before a next line that starts with a parenthesis', async () => {
    const values = await runCells('const f = () => 1\n;[1].length\nconst g = () => {}\n(1, 2)');
    expect(values[0]).toBe(2);
  });

  it('resets `let x;` to undefined on a rerun, as a fresh declaration would', async () => {
    const values = await runCells('let x = 5', 'let x;\nx');
    expect(values[1]).toBeUndefined();
  });

  it('keeps functions that read a shared variable in step with later assignments', async () => {
    const values = await runCells(
      'let rate = 1\nconst scaled = (v: number) => v * rate',
      'rate = 10',
      'scaled(2)',
    );
    expect(values[2]).toBe(20);
  });
});

describe('auto-display', () => {
  it('returns a bare final expression, awaited and TypeScript-stripped', async () => {
    expect(compiled('1 + 1').autodisplay).toBe(true);
    const values = await runCells('const p = Promise.resolve(2);\n(await p) as number * 3 // six');
    expect(values[0]).toBe(6);
  });

  it('keeps the parentheses of a final object literal, with or without a semicolon', async () => {
    const values = await runCells('({ a: 1 })', '({ b: 2 });', '(1, 2) // comma');
    expect(values).toEqual([{ a: 1 }, { b: 2 }, 2]);
  });

  it('displays nothing after a declaration, an assignment or a statement', () => {
    expect(compiled('const a = 1').autodisplay).toBe(false);
    expect(compiled('let a = 1\na = 2').autodisplay).toBe(false);
    expect(compiled('if (true) { 1 }').autodisplay).toBe(false);
    expect(compiled('"use strict"').autodisplay).toBe(false);
  });
});

describe('errors', () => {
  it('turns a TypeScript syntax error into a result with the reader’s line and column', () => {
    const result = compileCell('const ok = 1\nconst x: = 2', { sourceUrl: 'c.js' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'syntax', position: { line: 2, column: 10 } });
    expect(result.error.message).not.toMatch(/\(\d+:\d+\)|cell\.ts/);
  });

  it('maps JavaScript-level syntax errors through the stripped types', () => {
    const result = compileCell('const a: Array<number> = []; let a = 2', { sourceUrl: 'c.js' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/already been declared/);
    // Column of the second `a` in the TypeScript, not in the shorter JavaScript.
    expect(result.error.position).toEqual({ line: 1, column: 34 });
  });

  it('rejects import and export with their position', () => {
    const result = compileCell('const a = 1\nimport x from "y"', { sourceUrl: 'c.js' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      kind: 'module',
      subject: 'import',
      position: { line: 2, column: 1 },
    });
  });

  it('maps a runtime error to the reader’s line and column despite stripped types', async () => {
    const source =
      'type P = { a: number }\nconst p: P = { a: 1 }; const q = (p as any).missing.deep';
    // `.deep` is read from undefined: V8 points at "deep".
    expect(await thrownAt(source)).toEqual({
      line: 2,
      column: source.split('\n')[1]!.indexOf('deep') + 1,
    });
  });

  it('maps an error inside a function declared in the cell to its line', async () => {
    const source =
      'function boom(n: number): never {\n  throw new RangeError(`n = ${n}`)\n}\nboom(1)';
    expect(await thrownAt(source)).toEqual({ line: 2, column: 9 });
  });

  it('maps an error in the final displayed expression (shifted by the return)', async () => {
    const source = 'const o = { f: 1 }\no.f()';
    expect(await thrownAt(source)).toEqual({ line: 2, column: 3 });
  });
});
