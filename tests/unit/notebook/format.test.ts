import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue } from '../../../src/notebook/runtime/format';
import { previewTensor } from '../../../src/notebook/runtime/tensor-preview';

describe('formatNumber', () => {
  it('writes decimals with a comma, without thousands dots, and tiny or huge values in e-notation', () => {
    expect(
      [0.1 + 0.2, 1234.5, -0.00001234, 1e20, 60000, -0, NaN, -Infinity].map((n) => formatNumber(n)),
    ).toEqual(['0,3', '1234,5', '-1,234e-5', '1e20', '60000', '0', 'NaN', '-Infinity']);
  });
});

describe('formatValue', () => {
  it('separates items with "; " so decimal commas stay unambiguous', () => {
    expect(formatValue([0.5, 1, 'a'])).toBe('[0,5; 1; "a"]');
    expect(formatValue({ taxa: 0.01, nome: 'sgd' })).toBe('{ taxa: 0,01; nome: "sgd" }');
  });

  it('breaks long values over lines, and marks cycles and depth', () => {
    const wide = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`chave${i}`, i * 1.5]));
    expect(formatValue(wide).split('\n')).toHaveLength(14);
    const loop: { self?: unknown } = {};
    loop.self = loop;
    expect(formatValue(loop)).toBe('{ self: [referência circular] }');
    expect(formatValue({ a: { b: { c: { d: 1 } } } })).toBe('{ a: { b: { c: {…} } } }');
  });

  it('names typed arrays, maps, sets and functions', () => {
    expect(formatValue(new Float32Array([0.5, 2]))).toBe('Float32Array(2) [0,5; 2]');
    expect(formatValue(new Map([['k', 1]]))).toBe('Map(1) {"k" => 1}');
    expect(formatValue(new Set([1]))).toBe('Set(1) {1}');
    expect(formatValue(function treinar() {})).toBe('ƒ treinar()');
  });

  it('shortens long arrays and says how many items were left out', () => {
    expect(formatValue(Array.from({ length: 60 }, () => 0))).toContain('… mais 10');
  });
});

describe('previewTensor', () => {
  it('aligns columns numpy-style with pt-BR decimals', () => {
    expect(previewTensor([2, 2], 'float32', [1, 2.5, 3, -4])).toBe('[[  1 2,5]\n [  3  -4]]');
  });

  it('separates 2-D blocks of a rank-3 tensor with a blank line', () => {
    expect(previewTensor([2, 1, 2], 'int32', [1, 2, 3, 4])).toBe('[[[1 2]]\n\n [[3 4]]]');
  });

  it('elides the middle of long axes once a tensor has more than 1000 values', () => {
    const values = Array.from({ length: 40 * 40 }, (_, i) => i);
    const lines = previewTensor([40, 40], 'int32', values).split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[3]).toBe(' …');
    expect(lines[0]).toMatch(/^\[\[ *0 +1 +2 +… +37 +38 +39\]$/);
  });

  it('prints a scalar as a bare value, booleans as words', () => {
    expect(previewTensor([], 'float32', [3.25])).toBe('3,25');
    expect(previewTensor([2], 'bool', [1, 0])).toBe('[ true false]');
  });
});
