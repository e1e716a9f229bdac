// How a check message names a value in pt-BR: what it is and, briefly, what it holds. Used by the
// confere.* helpers so every failure says what was received, whatever its type. Values read as the
// notebook prints them (runtime/format.ts): as code, decimal point, ", " between items.
import { formatNumber, formatValue } from '../notebook/runtime/format';

/** A number as the notebook prints it (as code); NaN and infinities spelled as in code. */
export function num(value: number): string {
  return formatNumber(value);
}

/** A shape as the notebook prints it: [null, 12, 2]. */
export function dims(shape: readonly (number | null | undefined)[]): string {
  return `[${shape.map((d) => (d === null || d === undefined ? 'null' : String(d))).join(', ')}]`;
}

/** A plain value as the notebook prints it, on one line and shortened: [1, 2.5], { a: 1 }, "texto". */
export function literal(value: unknown, max = 80): string {
  const text = formatValue(value, { depth: 3, maxItems: 12, width: Infinity }).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface TensorLike {
  shape: number[];
  dtype?: string;
  isDisposed?: boolean;
  dataSync(): ArrayLike<number>;
}

export function isTensor(value: unknown): value is TensorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { shape?: unknown }).shape) &&
    typeof (value as { dataSync?: unknown }).dataSync === 'function'
  );
}

/** A tfjs SymbolicTensor (what a layer's apply() returns without data): a shape, no values. */
export function isSymbolic(value: unknown): value is { shape: (number | null)[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { shape?: unknown }).shape) &&
    !isTensor(value) &&
    typeof (value as { sourceLayer?: unknown }).sourceLayer === 'object'
  );
}

/** "o número 3", "o texto \"abc\"", "um tensor de formato [2, 3]", "undefined (nada)"… */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined (nenhum valor)';
  if (value === null) return 'null';
  if (typeof value === 'number') {
    return Number.isNaN(value) ? 'NaN (não é um número)' : `o número ${num(value)}`;
  }
  if (typeof value === 'string') return `o texto ${literal(value, 40)}`;
  if (typeof value === 'boolean') return `o valor lógico ${String(value)}`;
  if (typeof value === 'function') return 'uma função';
  if (isTensor(value)) {
    if (value.isDisposed === true) return 'um tensor já liberado (dispose)';
    return `um tensor de formato ${dims(value.shape)}`;
  }
  if (isSymbolic(value)) return `um tensor simbólico de formato ${dims(value.shape)}`;
  if (Array.isArray(value)) return `a lista ${literal(value)}`;
  if (typeof value === 'object') {
    const name = (value as { getClassName?: () => string }).getClassName?.();
    if (typeof name === 'string') return `um objeto ${name}`;
    const ctor = (value as object).constructor?.name;
    return ctor && ctor !== 'Object' ? `um objeto ${ctor}` : `o objeto ${literal(value)}`;
  }
  return String(value);
}
