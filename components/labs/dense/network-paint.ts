// The network view's colours and pixel writers. Thumbnails use the site's palette: hidden units and
// inputs RdBu over [-1, 1] (negative red, zero near white, positive blue), output units the
// probability of their class in its Okabe–Ito colour. Everything here writes into buffers it is
// given and builds its colour strings once, so a redraw allocates nothing.
import { CATEGORICAL_COLORS, divergingScale } from '../../../src/viz/palette';
import { continuousLookup, indexLookup, type ColorLookup } from '../../../src/viz/raster';

export const VALUES: ColorLookup = continuousLookup(divergingScale([-1, 1], 'RdBu'));
const CLASSES = indexLookup(CATEGORICAL_COLORS);

function rgbAt(lookup: ColorLookup, at: number): string {
  const { rgb } = lookup;
  return `rgb(${rgb[at]}, ${rgb[at + 1]}, ${rgb[at + 2]})`;
}

/** Edges take the palette's colours at ∓0.6: strong enough on a white page and on a dark one. */
export const EDGE_COLORS = {
  negative: rgbAt(VALUES, VALUES(-0.6)),
  positive: rgbAt(VALUES, VALUES(0.6)),
};

/** One fill per lookup entry, so a bias square's colour is picked, never formatted. */
const FILLS = Array.from({ length: VALUES.rgb.length / 3 }, (_, k) => rgbAt(VALUES, k * 3));

/** The lookup entry of a signed value (compare it to skip unchanged squares). */
export function valueEntry(value: number): number {
  return VALUES(value) / 3;
}

export function entryFill(entry: number): string {
  return FILLS[entry] ?? 'none';
}

/**
 * Edge stroke width in user units: thin near zero, capped for large weights, times `scale` (the
 * node size against the largest), in quarter steps, never under a quarter.
 */
export function edgeWidth(weight: number, scale = 1): number {
  const width = Math.min(6, 0.6 + 2.2 * Math.abs(weight)) * scale;
  return Math.max(0.25, Math.round(width * 4) / 4);
}

/**
 * Writes column `offset` of `values` [n, stride] as RdBu pixels into `rgba` [n, 4]; alpha is left
 * as it is (the view keeps it opaque).
 */
export function paintSigned(
  rgba: Uint8ClampedArray,
  values: ArrayLike<number>,
  n: number,
  stride: number,
  offset: number,
): void {
  const { rgb } = VALUES;
  for (let p = 0; p < n; p++) {
    const at = VALUES(values[p * stride + offset] as number);
    rgba[p * 4] = rgb[at] as number;
    rgba[p * 4 + 1] = rgb[at + 1] as number;
    rgba[p * 4 + 2] = rgb[at + 2] as number;
  }
}

/** Probabilities of class `offset` from `values` [n, stride]: white at 0, the class colour at 1. */
export function paintProbability(
  rgba: Uint8ClampedArray,
  values: ArrayLike<number>,
  n: number,
  stride: number,
  offset: number,
): void {
  const base = VALUES.rgb;
  const zero = VALUES(0);
  const c = CLASSES(offset % CATEGORICAL_COLORS.length);
  const top = CLASSES.rgb;
  for (let p = 0; p < n; p++) {
    const v = values[p * stride + offset] as number;
    const q = v < 0 ? 0 : v > 1 ? 1 : v;
    for (let ch = 0; ch < 3; ch++) {
      const from = base[zero + ch] as number;
      rgba[p * 4 + ch] = from + q * ((top[c + ch] as number) - from);
    }
  }
}
