import { describe, expect, it } from 'vitest';
import {
  groupedThousands,
  parseNumber,
  samePrediction,
  withinTolerance,
} from '../../../src/exercises/answer';

describe('parseNumber (a calculo answer)', () => {
  it('takes a decimal comma or point, signs, spaces and exponents', () => {
    expect(parseNumber('0,7')).toEqual({ ok: true, value: 0.7 });
    expect(parseNumber('0.7')).toEqual({ ok: true, value: 0.7 });
    expect(parseNumber(' -0,523 ')).toEqual({ ok: true, value: -0.523 });
    expect(parseNumber('\u22120,5')).toEqual({ ok: true, value: -0.5 });
    expect(parseNumber('37 632')).toEqual({ ok: true, value: 37632 });
    expect(parseNumber('1.200,5')).toEqual({ ok: true, value: 1200.5 });
    expect(parseNumber('1,200.5')).toEqual({ ok: true, value: 1200.5 });
    expect(parseNumber('1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(parseNumber(',5')).toEqual({ ok: true, value: 0.5 });
  });
  it('an empty answer and text that is not a number are told apart', () => {
    expect(parseNumber('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseNumber('   ')).toEqual({ ok: false, reason: 'empty' });
    for (const text of ['abc', '1,2,3', '2x', 'NaN', 'Infinity', '--1', '.'])
      expect(parseNumber(text), text).toEqual({ ok: false, reason: 'not-a-number' });
  });
});

describe('withinTolerance', () => {
  it('is absolute, inclusive, and never true for NaN', () => {
    expect(withinTolerance(-0.52, -0.523, 0.005)).toBe(true);
    expect(withinTolerance(-0.53, -0.523, 0.005)).toBe(false);
    expect(withinTolerance(25, 25, 1e-9)).toBe(true);
    expect(withinTolerance(NaN, 25, 1)).toBe(false);
  });
});

describe('samePrediction (a previsao)', () => {
  it('ignores whitespace only', () => {
    expect(samePrediction('[2; 3; 4]', '[2;3;4]')).toBe(true);
    expect(samePrediction(' [ 2; 3; 4 ]\n', '[2; 3; 4]')).toBe(true);
    expect(samePrediction('[2, 3, 4]', '[2; 3; 4]')).toBe(false);
    expect(samePrediction('0,5', '0.5')).toBe(false);
  });
});

describe('groupedThousands (points as thousands separators)', () => {
  it('reads points that group thousands as a Brazilian writes big numbers', () => {
    expect(groupedThousands('50.240')).toBe(50240);
    expect(groupedThousands(' 1.297.500 ')).toBe(1297500);
    expect(groupedThousands('-4.640')).toBe(-4640);
  });
  it('leaves everything else to parseNumber', () => {
    expect(groupedThousands('0.316')).toBeNull(); // a leading zero is never a thousands group
    expect(groupedThousands('1.91')).toBeNull();
    expect(groupedThousands('50240')).toBeNull();
    expect(groupedThousands('1.297,5')).toBeNull();
    expect(groupedThousands('')).toBeNull();
  });
});
