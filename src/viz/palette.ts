// Colour decisions in one place. Every scheme here is colour-blind safe: the ColorBrewer
// diverging schemes keep their two hues apart for deuteranopes and protanopes, and class/series
// colours are Okabe–Ito (black dropped so marks stay visible in dark mode).
import type { ColorScheme, ScaleOptions } from '@observablehq/plot';
import { formatTick } from './format';
import type { Theme } from './options';

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

/**
 * The part of each diverging scheme used on a dark page. The schemes end in near-black navy,
 * wine or brown, which vanish on Starlight's dark background (#17181c, 1.0–1.5 : 1); cutting the
 * ends symmetrically (zero stays in the middle) leaves the strongest weights at ≥ 3 : 1 against
 * it (tests/unit/viz/palette.test.ts computes it).
 */
export const DARK_RANGES: Readonly<Record<DivergingScheme, [number, number]>> = {
  RdBu: [0.14, 0.86],
  PuOr: [0.18, 0.82],
  BrBG: [0.13, 0.87],
};

/** Starlight's dark page background, the one the dark ranges are measured against. */
export const DARK_BACKGROUND = '#17181c';

/** Plot colour scale for signed values, centred on zero; on a dark page, without the darkest ends. */
export function divergingScale(
  domain: [number, number],
  scheme: DivergingScheme,
  theme: Theme = 'light',
): ScaleOptions {
  return {
    type: 'diverging',
    scheme,
    domain,
    pivot: 0,
    clamp: true,
    tickFormat: formatTick,
    ...(theme === 'dark' ? { range: DARK_RANGES[scheme] } : {}),
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

/**
 * A class colour mixed with white by `amount` (0–1): on a dark page, points drawn over their own
 * class's tinted region need to be lighter than it (#0072B2 on its dark teal region was lost).
 */
export function lighten(color: string, amount: number): string {
  const n = parseInt(color.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const hex = [n >> 16, (n >> 8) & 255, n & 255].map((c) => mix(c).toString(16).padStart(2, '0'));
  return `#${hex.join('')}`;
}

/** How much lighter class points are on a dark page. */
export const DARK_POINT_LIGHTEN = 0.4;

/** Categorical colours for class indices 0 … count-1 (lighter on a dark page: see lighten). */
export function classScale(
  count: number,
  names: readonly string[],
  theme: Theme = 'light',
): ScaleOptions {
  const domain = Array.from({ length: count }, (_, i) => i);
  const range = domain.map((i) => {
    const base = CATEGORICAL_COLORS[i % CATEGORICAL_COLORS.length] as string;
    return theme === 'dark' ? lighten(base, DARK_POINT_LIGHTEN) : base;
  });
  return {
    type: 'ordinal',
    domain,
    range,
    tickFormat: (i: number) => names[i] ?? String(i),
  };
}
