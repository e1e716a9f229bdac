// One diverging palette for every weight view, named right in the prose: ColorBrewer's RdBu draws
// negative values red and positive ones blue, and a lesson that names the colours must say so.
import { describe, expect, test } from 'vitest';
import { signedFill } from '../../../components/labs/kernel/grid';
import { divergingScale } from '../../../src/viz/palette';
import { continuousLookup } from '../../../src/viz/raster';
import { loadLessons, stripCode } from './mdx';

/** A sentence that names a colour together with a sign. */
const SIGNED_COLOUR = /[^.]*\b(azul|vermelh\w*|laranja)\b[^.]*\b(positiv|negativ)\w*[^.]*/gi;

describe('the weight palette', () => {
  test('the heatmaps draw negative values red and positive ones blue', () => {
    const lookup = continuousLookup(divergingScale([-1, 1], 'RdBu'));
    const at = (v: number) => Array.from(lookup.rgb.subarray(lookup(v), lookup(v) + 3));
    const [r0, , b0] = at(-1);
    const [r1, , b1] = at(1);
    expect(r0).toBeGreaterThan(b0 as number);
    expect(b1).toBeGreaterThan(r1 as number);
  });

  test('the kernel explorer uses the same two hues', () => {
    expect(signedFill(1)(-1)).toContain('#B2182B');
    expect(signedFill(1)(1)).toContain('#2166AC');
  });

  for (const lesson of loadLessons()) {
    test(`${lesson.file}: names the palette's colours right`, () => {
      const prose = stripCode(lesson.source);
      for (const sentence of prose.match(SIGNED_COLOUR) ?? []) {
        expect(sentence, 'orange is not in the palette').not.toMatch(/laranja/i);
        if (/negativ/i.test(sentence)) expect(sentence, 'negative is red').toMatch(/vermelh/i);
      }
    });
  }
});
