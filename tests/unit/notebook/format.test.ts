import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue } from '../../../src/notebook/runtime/format';
import { previewTensor } from '../../../src/notebook/runtime/tensor-preview';

describe('formatNumber', () => {
  it('writes numbers as code: decimal point, no thousands separator, tiny or huge values in e-notation', () => {
    expect(
      [0.1 + 0.2, 1234.5, -0.00001234, 1e20, 60000, -0, -1e-9 * 1e-3, NaN, -Infinity].map((n) =>
        formatNumber(n),
      ),
    ).toEqual(['0.3', '1234.5', '-1.234e-5', '1e20', '60000', '0', '-1e-12', 'NaN', '-Infinity']);
  });

  it('rounds away digits beyond the fraction digits, and a value rounding to zero reads "0"', () => {
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(1.60312, 3)).toBe('1.603');
    expect(formatNumber(-0.00012, 3)).toBe('0');
  });
});

describe('formatValue', () => {
  it('prints shapes and lists as code: [4, 3], [1.603, 0]', () => {
    expect(formatValue([4, 3])).toBe('[4, 3]');
    expect(formatValue([1.603, 0])).toBe('[1.603, 0]');
    expect(formatValue([0.5, 1, 'a'])).toBe('[0.5, 1, "a"]');
    expect(formatValue({ taxa: 0.01, nome: 'sgd' })).toBe('{ taxa: 0.01, nome: "sgd" }');
  });

  it('breaks long objects over lines, one key per line, and marks cycles and depth', () => {
    const wide = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`chave${i}`, i * 1.5]));
    expect(formatValue(wide).split('\n')).toHaveLength(14);
    const loop: { self?: unknown } = {};
    loop.self = loop;
    expect(formatValue(loop)).toBe('{ self: [referência circular] }');
    expect(formatValue({ a: { b: { c: { d: 1 } } } })).toBe('{ a: { b: { c: {…} } } }');
  });

  it('keeps a list of numbers on one line while it fits, else fills lines up to the width', () => {
    const path = Array.from({ length: 31 }, (_, i) => Math.round(Math.sin(i) * 1000) / 1000);
    const lines = formatValue({ caminho: path }).split('\n');
    // Not one number per line (31 + 4 lines): 31 values fill 4 lines of at most 72 characters.
    expect(lines.length).toBeLessThanOrEqual(8);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(72);
    expect(lines[1]).toMatch(/^ {2}caminho: \[$/);
    expect(lines[2]).toMatch(/^ {4}0, 0.841, 0.909, 0.141, -0.757, /);
    expect(formatValue(Array.from({ length: 10 }, (_, i) => i))).toBe(
      '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]',
    );
  });

  it('prints nested arrays one row per line when they do not fit', () => {
    const rows = Array.from({ length: 4 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => r + c / 8),
    );
    expect(formatValue(rows).split('\n')).toEqual([
      '[',
      '  [0, 0.125, 0.25, 0.375, 0.5, 0.625],',
      '  [1, 1.125, 1.25, 1.375, 1.5, 1.625],',
      '  [2, 2.125, 2.25, 2.375, 2.5, 2.625],',
      '  [3, 3.125, 3.25, 3.375, 3.5, 3.625]',
      ']',
    ]);
  });

  it('names typed arrays, maps, sets and functions', () => {
    expect(formatValue(new Float32Array([0.5, 2]))).toBe('Float32Array(2) [0.5, 2]');
    expect(formatValue(new Map([['k', 1]]))).toBe('Map(1) {"k" => 1}');
    expect(formatValue(new Set([1]))).toBe('Set(1) {1}');
    expect(formatValue(function treinar() {})).toBe('ƒ treinar()');
  });

  it('elides the middle of long lists and says how many items were left out', () => {
    const text = formatValue(Array.from({ length: 60 }, (_, i) => i));
    expect(text).toContain('24, … mais 10 …, 35');
    expect(text.startsWith('[\n  0, 1, 2,')).toBe(true);
    expect(text.endsWith('58, 59\n]')).toBe(true);
    expect(formatValue(new Int32Array(1000))).toMatch(/^Int32Array\(1000\) \[\n[^]*… mais 950 …/);
  });
});

describe('previewTensor', () => {
  it('aligns columns as tfjs prints them, with a decimal point and commas', () => {
    expect(previewTensor([2, 2], 'float32', [1, 2.5, 3, -4])).toBe('[[  1, 2.5],\n [  3,  -4]]');
  });

  it('separates 2-D blocks of a rank-3 tensor with a blank line', () => {
    expect(previewTensor([2, 1, 2], 'int32', [1, 2, 3, 4])).toBe('[[[1, 2]],\n\n [[3, 4]]]');
  });

  it('elides the middle of long axes once a tensor has more than 1000 values', () => {
    const values = Array.from({ length: 40 * 40 }, (_, i) => i);
    const lines = previewTensor([40, 40], 'int32', values).split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[3]).toBe(' …,');
    expect(lines[0]).toMatch(/^\[\[ *0, +1, +2, +…, +37, +38, +39\],$/);
  });

  it('prints a scalar as a bare value, booleans as words', () => {
    expect(previewTensor([], 'float32', [3.25])).toBe('3.25');
    expect(previewTensor([2], 'bool', [1, 0])).toBe('[ true, false]');
  });
});
