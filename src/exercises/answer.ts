// Reading what a student typed: a number with a decimal comma or point (calculo), and a prediction
// compared with the cell's output ignoring whitespace (previsao). Pure, for unit tests.

export type ParsedNumber =
  { ok: true; value: number } | { ok: false; reason: 'empty' | 'not-a-number' };

/**
 * "0,7", "0.7", " -3 ", "1e-3", "1 200" and "1.200,5" are numbers; "", "abc" and "1,2,3" are not.
 * One separator is decimal; with both, the last one is, and the other groups thousands.
 */
export function parseNumber(text: string): ParsedNumber {
  let s = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-');
  if (s === '') return { ok: false, reason: 'empty' };
  const comma = s.lastIndexOf(',');
  const point = s.lastIndexOf('.');
  if (comma >= 0 && point >= 0) {
    const [thousands, decimal] = comma > point ? ['.', ','] : [',', '.'];
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (comma >= 0) {
    if (s.indexOf(',') !== comma) return { ok: false, reason: 'not-a-number' };
    s = s.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s))
    return { ok: false, reason: 'not-a-number' };
  const value = Number(s);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'not-a-number' };
}

/** calculo: within the absolute tolerance. */
export function withinTolerance(value: number, answer: number, tolerance: number): boolean {
  return Math.abs(value - answer) <= tolerance;
}

/** previsao: the same text once all whitespace is gone (`[ 5, 12 ]` is `[5,12]`). */
export function samePrediction(a: string, b: string): boolean {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return squeeze(a) === squeeze(b);
}
