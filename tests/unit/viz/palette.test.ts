// Dark page colours, computed: the strongest weights and the class points stay visible.
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import {
  CATEGORICAL_COLORS,
  classScale,
  DARK_BACKGROUND,
  DIVERGING_SCHEMES,
  divergingScale,
  lighten,
} from '../../../src/viz/palette';

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
function rgbOf(color: string): [number, number, number] {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(color);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = parseInt(color.slice(1), 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}
const luminance = (color: string) => {
  const [r, g, b] = rgbOf(color);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('dark theme palette', () => {
  it.each(DIVERGING_SCHEMES)(
    '%s: both extremes are at least 3:1 against the dark page',
    (scheme) => {
      const dark = Plot.scale({ color: divergingScale([-1, 1], scheme, 'dark') });
      const light = Plot.scale({ color: divergingScale([-1, 1], scheme, 'light') });
      for (const end of [-1, 1]) {
        expect(contrast(String(dark.apply(end)), DARK_BACKGROUND)).toBeGreaterThanOrEqual(3);
        // The light page keeps the full scheme (its extremes were the ones lost in the dark).
        expect(contrast(String(light.apply(end)), DARK_BACKGROUND)).toBeLessThan(3);
      }
      // Zero stays the scheme's neutral middle.
      expect(dark.apply(0)).toBe(light.apply(0));
    },
  );

  it('class points are lighter on a dark page and at least 3:1 against it', () => {
    const range = classScale(2, ['0', '1'], 'dark').range as string[];
    expect(range[0]).toBe(lighten(CATEGORICAL_COLORS[0] as string, 0.4));
    for (const c of range) expect(contrast(c, DARK_BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(classScale(2, ['0', '1']).range).toEqual(CATEGORICAL_COLORS.slice(0, 2));
  });
});
