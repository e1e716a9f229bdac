// Option checks at the core's boundary. Each failure names the field and what was received, so the UI
// can word it in pt-BR ("camadas[2].units: recebido -3").
import { InvalidConfigError } from './errors.ts';

export function checkInteger(field: string, value: unknown, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `in ${min}…${max}`;
    throw new InvalidConfigError(field, value, `must be an integer ${range}`);
  }
  return value;
}

export function checkNumber(field: string, value: unknown, min: number, max = Infinity): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `in ${min}…${max}`;
    throw new InvalidConfigError(field, value, `must be a number ${range}`);
  }
  return value;
}

/** Like checkNumber, but the bound is exclusive: value > min. */
export function checkPositive(field: string, value: unknown, max = Infinity): number {
  if (typeof value !== 'number' || !(value > 0) || value > max) {
    throw new InvalidConfigError(
      field,
      value,
      `must be a number > 0${max < Infinity ? ` and ≤ ${max}` : ''}`,
    );
  }
  return value;
}

export function checkOneOf<T extends string>(
  field: string,
  value: unknown,
  options: readonly T[],
): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new InvalidConfigError(field, value, `must be one of ${options.join(', ')}`);
  }
  return value as T;
}

/** A shape of positive integers, e.g. [28, 28, 1]. */
export function checkShape(field: string, value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidConfigError(field, value, 'must be a non-empty array of positive integers');
  }
  value.forEach((dim, i) => checkInteger(`${field}[${i}]`, dim, 1));
  return value as number[];
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
