// Colour decisions in one place. Every scheme here is colour-blind safe: the ColorBrewer
// diverging schemes keep their two hues apart for deuteranopes and protanopes, and class/series
// colours are Okabe–Ito (black dropped so marks stay visible in dark mode).
import type { ColorScheme, ScaleOptions } from '@observablehq/plot';
import { formatTick } from './format';

/** Diverging schemes for signed values; the first hue is negative, the second positive. */
export type DivergingScheme = 'RdBu' | 'PuOr' | 'BrBG';

export const DIVERGING_SCHEMES: readonly DivergingScheme[] = ['RdBu', 'PuOr', 'BrBG'];

/** Okabe–Ito: blue, vermilion, bluish green, reddish purple, orange, sky blue, yellow. */
export const CATEGORICAL_COLORS: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
];

/** The largest |v| over finite values, or 0 when there is none. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i] as number);
    if (v > m && v !== Infinity) m = v;
  }
  return m;
}

/**
 * The colour domain [-m, m] that puts zero at the neutral middle of a diverging scheme.
 * `fixedMax` pins m (so colours stay comparable across training steps); all-zero data, such
 * as a freshly initialized bias, gets m = 1 so it reads as "zero", not as "extreme".
 */
export function symmetricDomain(values: ArrayLike<number>, fixedMax?: number): [number, number] {
  const m = fixedMax !== undefined && fixedMax > 0 ? fixedMax : maxAbs(values) || 1;
  return [-m, m];
}

/** Plot colour scale for signed values, centred on zero. */
export function divergingScale(domain: [number, number], scheme: DivergingScheme): ScaleOptions {
  return {
    type: 'diverging',
    scheme,
    domain,
    pivot: 0,
    clamp: true,
    tickFormat: formatTick,
  };
}

/** Plot colour scale for values in a known range, e.g. gate activations in [0, 1]. */
export function sequentialScale(
  domain: [number, number],
  scheme: ColorScheme = 'viridis',
): ScaleOptions {
  return { type: 'linear', scheme, domain, clamp: true, tickFormat: formatTick };
}

/** Grayscale for images: low values light, high values dark (ink on paper). */
export function grayScale(domain: [number, number]): ScaleOptions {
  return { type: 'linear', scheme: 'greys', domain, clamp: true, tickFormat: formatTick };
}

/** Categorical colours for class indices 0 … count-1. */
export function classScale(count: number, names: readonly string[]): ScaleOptions {
  const domain = Array.from({ length: count }, (_, i) => i);
  const range = domain.map((i) => CATEGORICAL_COLORS[i % CATEGORICAL_COLORS.length] as string);
  return {
    type: 'ordinal',
    domain,
    range,
    tickFormat: (i: number) => names[i] ?? String(i),
  };
}
