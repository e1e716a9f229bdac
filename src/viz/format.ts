// pt-BR number and shape formatting for everything the charts display: decimal comma,
// "." as thousands separator, shapes written like Keras tuples with the batch axis named.

import { viz } from './labels';

const LOCALE = 'pt-BR';

export interface NumberFormatOptions {
  /** Most digits after the comma (default 3). */
  maximumFractionDigits?: number;
  /** Fewest digits after the comma (default 0). */
  minimumFractionDigits?: number;
  /** When set, rounds to this many significant digits instead of fraction digits. */
  maximumSignificantDigits?: number;
  /** Thousands separator (default true: 12.345). */
  useGrouping?: boolean;
}

/** Builds a reusable pt-BR formatter; build it once per render, not once per number. */
export function createNumberFormat(options: NumberFormatOptions = {}): (value: number) => string {
  const {
    maximumFractionDigits = 3,
    minimumFractionDigits = 0,
    maximumSignificantDigits,
    useGrouping = true,
  } = options;
  const format =
    maximumSignificantDigits === undefined
      ? new Intl.NumberFormat(LOCALE, {
          maximumFractionDigits,
          minimumFractionDigits: Math.min(minimumFractionDigits, maximumFractionDigits),
          useGrouping,
        })
      : new Intl.NumberFormat(LOCALE, { maximumSignificantDigits, useGrouping });
  // Intl renders -0 as "-0"; a weight that rounds to zero should read "0".
  return (value) => format.format(value === 0 ? 0 : value).replace(/^-(0(,0*)?)$/, '$1');
}

const defaultFormat = createNumberFormat();
const tickFormat = createNumberFormat({ maximumSignificantDigits: 6 });
const integerFormat = createNumberFormat({ maximumFractionDigits: 0 });
const shapeFormat = createNumberFormat({ maximumFractionDigits: 0, useGrouping: false });

/** 0.5 → "0,5", 1234.5678 → "1.234,568", -0.0001 → "0". */
export function formatNumber(value: number, options?: NumberFormatOptions): string {
  return options === undefined ? defaultFormat(value) : createNumberFormat(options)(value);
}

/** Axis and legend ticks: up to six significant digits, so 0.30000000000000004 reads "0,3". */
export function formatTick(value: number): string {
  return tickFormat(value);
}

/** Whole numbers such as step counts: 12345 → "12.345". */
export function formatInteger(value: number): string {
  return integerFormat(value);
}

/** A probability or accuracy in [0, 1]: 0.853 → "85%", with `digits` decimals after the comma. */
export function formatPercent(value: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

export interface ShapeFormatOptions {
  /** How a null (batch) dimension is written; default viz['viz.batch'] ("amostras"). */
  batchLabel?: string;
}

/**
 * Writes a tensor shape as a tuple: [null, 2] → "(amostras, 2)", [28, 28, 1] → "(28, 28, 1)",
 * [] → "()" (a scalar). Dimensions are not grouped: 60000 stays "60000", as in code.
 */
export function formatShape(
  shape: readonly (number | null)[],
  options: ShapeFormatOptions = {},
): string {
  const { batchLabel = viz['viz.batch'] } = options;
  return `(${shape.map((d) => (d === null ? batchLabel : shapeFormat(d))).join(', ')})`;
}
