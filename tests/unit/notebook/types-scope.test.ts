import { describe, expect, it } from 'vitest';
import { cellPath, scopeFiles, topLevelBindings } from '../../../src/notebook/types/scope';

describe('topLevelBindings', () => {
  it('names what a cell declares at top level, with how later cells may use it', () => {
    const code = [
      'const a = 1, { b, c: [d, ...e] } = o;',
      'let f; var g = 2;',
      'function h() { const inner = 1; }',
      'class K {}',
      'interface I { x: number }',
      'type T = number;',
      'enum E { A }',
      'if (a) { const blockScoped = 1; }',
      'a + 1;',
    ].join('\n');
    expect(topLevelBindings(code)).toEqual([
      { name: 'a', kind: 'const' },
      { name: 'b', kind: 'const' },
      { name: 'd', kind: 'const' },
      { name: 'e', kind: 'const' },
      { name: 'f', kind: 'let' },
      { name: 'g', kind: 'let' },
      { name: 'h', kind: 'import' },
      { name: 'K', kind: 'import' },
      { name: 'I', kind: 'import' },
      { name: 'T', kind: 'import' },
      { name: 'E', kind: 'import' },
    ]);
  });

  it('keeps the last kind of a name declared twice', () => {
    expect(topLevelBindings('var x = 1;\nfunction x() {}')).toEqual([
      { name: 'x', kind: 'import' },
    ]);
  });
});

describe('scopeFiles', () => {
  it("keeps each cell's code at the top of its file, so positions are the reader's", () => {
    const files = scopeFiles(['const a = 1', 'a + 1 // end']);
    expect(files.map((f) => f.path)).toEqual([cellPath(0), cellPath(1)]);
    for (const [i, code] of ['const a = 1', 'a + 1 // end'].entries()) {
      expect(files[i]?.text.startsWith(`${code}\n`)).toBe(true);
      expect(files[i]?.codeLength).toBe(code.length);
    }
  });

  it('exports what a cell declares and declares it, by kind, in the cells after it', () => {
    const [first, second] = scopeFiles([
      'const a = 1;\nlet b = 2;\nfunction f() {}\nclass K {}',
      'b = a;',
    ]);
    expect(first?.text).toContain('export { a, b, f, K };');
    const generated = second?.text.slice('b = a;'.length) ?? '';
    expect(generated).toContain('declare const a: typeof import("./cell-0.ts").a;');
    expect(generated).toContain('declare let b: typeof import("./cell-0.ts").b;');
    expect(generated).toContain('import { f, K } from "./cell-0.ts";');
    expect(generated).toContain('export {  };');
  });

  it('takes each name from the latest earlier cell that declared it, in page order', () => {
    const files = scopeFiles(['const x = 1', 'const x = "dois"', 'x']);
    expect(files[2]?.text).toContain('declare const x: typeof import("./cell-1.ts").x;');
    expect(files[2]?.text).not.toContain('cell-0');
  });

  it('does not redeclare a name the cell declares itself, nor show later cells to earlier ones', () => {
    const files = scopeFiles(['let y = 1', 'const y = 2; const z = 3', 'y + z']);
    expect(files[0]?.text).not.toContain('declare');
    expect(files[1]?.text).not.toContain('declare');
    expect(files[2]?.text).toContain('typeof import("./cell-1.ts").y');
    expect(files[2]?.text).toContain('typeof import("./cell-1.ts").z');
  });

  it('accepts cells added at run time: the list is whatever the page holds, in order', () => {
    const built = ['const a = 1', 'a'];
    const withScratch = [built[0] as string, 'const extra = a * 2', built[1] as string, 'extra'];
    const files = scopeFiles(withScratch);
    expect(files).toHaveLength(4);
    expect(files[3]?.text).toContain('declare const extra: typeof import("./cell-1.ts").extra;');
    expect(files[3]?.text).toContain('declare const a: typeof import("./cell-0.ts").a;');
  });
});
