// The network view's colours and pixel writers. Thumbnails use the site's palette: hidden units and
// inputs RdBu over [-1, 1] (negative red, zero near white, positive blue), output units the
// probability of their class in its Okabe–Ito colour. On a dark page the scale loses its darkest
// ends (as every weight view's does, palette.ts) and an output's zero is the page's dark grey.
// Everything here writes into buffers it is given and builds its colour strings once per theme,
// so a redraw allocates nothing.
import type { Theme } from '../../../src/viz/options';
import { CATEGORICAL_COLORS, DARK_BACKGROUND, divergingScale } from '../../../src/viz/palette';
import { continuousLookup, indexLookup, type ColorLookup } from '../../../src/viz/raster';

const CLASSES = indexLookup(CATEGORICAL_COLORS);

function rgbAt(lookup: ColorLookup, at: number): string {
  const { rgb } = lookup;
  return `rgb(${rgb[at]}, ${rgb[at + 1]}, ${rgb[at + 2]})`;
}

export interface NetworkPalette {
  theme: Theme;
  /** Edges take the palette's colours at ∓0.6: strong enough on the page's background. */
  edges: { negative: string; positive: string };
  /** The lookup entry of a signed value (compare it to skip unchanged squares). */
  valueEntry(value: number): number;
  entryFill(entry: number): string;
  /** Writes column `offset` of `values` [n, stride] as signed pixels into `rgba` [n, 4]. */
  paintSigned(
    rgba: Uint8ClampedArray,
    values: ArrayLike<number>,
    n: number,
    stride: number,
    offset: number,
  ): void;
  /** Probabilities of class `offset` from `values` [n, stride]: zero colour at 0, the class at 1. */
  paintProbability(
    rgba: Uint8ClampedArray,
    values: ArrayLike<number>,
    n: number,
    stride: number,
    offset: number,
  ): void;
}

function makePalette(theme: Theme): NetworkPalette {
  const values = continuousLookup(divergingScale([-1, 1], 'RdBu', theme));
  const fills = Array.from({ length: values.rgb.length / 3 }, (_, k) => rgbAt(values, k * 3));
  const hex = parseInt(DARK_BACKGROUND.slice(1), 16);
  const zero =
    theme === 'dark'
      ? [hex >> 16, (hex >> 8) & 255, hex & 255]
      : Array.from(values.rgb.subarray(values(0), values(0) + 3));
  return {
    theme,
    edges: {
      negative: rgbAt(values, values(-0.6)),
      positive: rgbAt(values, values(0.6)),
    },
    valueEntry: (value) => values(value) / 3,
    entryFill: (entry) => fills[entry] ?? 'none',
    paintSigned(rgba, data, n, stride, offset) {
      const { rgb } = values;
      for (let p = 0; p < n; p++) {
        const at = values(data[p * stride + offset] as number);
        rgba[p * 4] = rgb[at] as number;
        rgba[p * 4 + 1] = rgb[at + 1] as number;
        rgba[p * 4 + 2] = rgb[at + 2] as number;
      }
    },
    paintProbability(rgba, data, n, stride, offset) {
      const c = CLASSES(offset % CATEGORICAL_COLORS.length);
      const top = CLASSES.rgb;
      for (let p = 0; p < n; p++) {
        const v = data[p * stride + offset] as number;
        const q = v < 0 ? 0 : v > 1 ? 1 : v;
        for (let ch = 0; ch < 3; ch++) {
          const from = zero[ch] as number;
          rgba[p * 4 + ch] = from + q * ((top[c + ch] as number) - from);
        }
      }
    },
  };
}

const palettes: Record<Theme, NetworkPalette> = {
  light: makePalette('light'),
  dark: makePalette('dark'),
};

export function networkPalette(theme: Theme): NetworkPalette {
  return palettes[theme];
}

/**
 * Edge stroke width in user units: thin near zero, capped for large weights, times `scale` (the
 * node size against the largest), in quarter steps, never under a quarter.
 */
export function edgeWidth(weight: number, scale = 1): number {
  const width = Math.min(6, 0.6 + 2.2 * Math.abs(weight)) * scale;
  return Math.max(0.25, Math.round(width * 4) / 4);
}
