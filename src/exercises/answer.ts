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

/**
 * "50.240" and "1.297.500": points that group thousands, as Brazilians write big numbers. Read as a
 * decimal point they are 50,24 and an error; a calculo tries this reading too, so a student who
 * typed 50.240 for 50240 passes, while 1.911 for 1,911 still reads as a decimal. Null otherwise.
 */
export function groupedThousands(text: string): number | null {
  const s = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-');
  return /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(s) ? Number(s.split('.').join('')) : null;
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
