// The pure index work under the charts: slicing kernels, tiling, sampling grids.
import { describe, expect, it } from 'vitest';
import { argmaxField } from '../../../src/viz/decisionBoundary';
import { gridPoints } from '../../../src/viz/grid';
import { indexTicks } from '../../../src/viz/heatmap';
import { layoutMosaic } from '../../../src/viz/mosaic';
import { symmetricDomain } from '../../../src/viz/palette';
import { meanSquaredError } from '../../../src/viz/sequenceChart';
import {
  channelImages,
  checkTensor,
  conv1dFilters,
  conv2dFilters,
  normalize,
  squeezeLeading,
} from '../../../src/viz/tensor';
import { truncatedIndices } from '../../../src/viz/tensorTable';
import { resolveLayout } from '../../../src/viz/weightHeatmap';

/** Kernel [kh, kw, inC, outC] whose value encodes its own index: 1000r + 100c + 10i + o. */
function indexedConv2d(kh: number, kw: number, inC: number, outC: number) {
  const values = new Float32Array(kh * kw * inC * outC);
  for (let r = 0; r < kh; r++)
    for (let c = 0; c < kw; c++)
      for (let i = 0; i < inC; i++)
        for (let o = 0; o < outC; o++)
          values[((r * kw + c) * inC + i) * outC + o] = 1000 * r + 100 * c + 10 * i + o;
  return { shape: [kh, kw, inC, outC], values };
}

describe('conv2dFilters', () => {
  it('cuts a [3, 3, 1, 8] kernel into eight 3×3 filters in row-major order', () => {
    const filters = conv2dFilters(indexedConv2d(3, 3, 1, 8), 0);
    expect(filters).toHaveLength(8);
    expect(filters[5]).toMatchObject({ rows: 3, cols: 3 });
    expect(Array.from(filters[5]!.values)).toEqual([
      5, 105, 205, 1005, 1105, 1205, 2005, 2105, 2205,
    ]);
  });

  it('shows one input channel, or the mean over all of them', () => {
    const kernel = indexedConv2d(2, 2, 3, 2);
    expect(Array.from(conv2dFilters(kernel, 2)[1]!.values)).toEqual([21, 121, 1021, 1121]);
    // mean over i of (10i + o) = 10 + o for i in 0..2
    expect(Array.from(conv2dFilters(kernel, 'mean')[1]!.values)).toEqual([11, 111, 1011, 1111]);
    expect(() => conv2dFilters(kernel, 3)).toThrow(RangeError);
  });
});

describe('conv1dFilters and channelImages', () => {
  it('puts time across and input channels down for a [k, inC, outC] kernel', () => {
    // value = 100t + 10i + o
    const values = Float32Array.from({ length: 3 * 2 * 2 }, (_, n) => {
      const o = n % 2;
      const i = Math.floor(n / 2) % 2;
      const t = Math.floor(n / 4);
      return 100 * t + 10 * i + o;
    });
    const [, second] = conv1dFilters({ shape: [3, 2, 2], values });
    expect(second).toMatchObject({ rows: 2, cols: 3 });
    expect(Array.from(second!.values)).toEqual([1, 101, 201, 11, 111, 211]);
  });

  it('splits [h, w, c] activations into c images', () => {
    const values = Float32Array.from({ length: 2 * 2 * 3 }, (_, n) => n);
    const images = channelImages({ shape: [2, 2, 3], values });
    expect(images.map((m) => Array.from(m.values))).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7, 10],
      [2, 5, 8, 11],
    ]);
  });
});

describe('tensor checks', () => {
  it('refuses values that do not fill the shape', () => {
    expect(() => checkTensor({ shape: [2, 3], values: new Float32Array(5) }, 'x')).toThrow(
      /needs 6 values, got 5/,
    );
  });

  it('drops a leading batch of one', () => {
    expect(squeezeLeading([1, 26, 26, 8], 3)).toEqual([26, 26, 8]);
    expect(squeezeLeading([1, 1, 20, 32], 2)).toEqual([20, 32]);
  });

  it('normalizes to [0, 1] and maps a constant image to zeros', () => {
    expect(Array.from(normalize([2, 4, 6]))).toEqual([0, 0.5, 1]);
    expect(Array.from(normalize([3, 3]))).toEqual([0, 0]);
  });
});

describe('symmetricDomain', () => {
  it('centres the colour domain on zero from the largest |w|', () => {
    expect(symmetricDomain([-0.1, 0.3, 0.25])).toEqual([-0.3, 0.3]);
    expect(symmetricDomain([-2, 0.5])).toEqual([-2, 2]);
  });

  it('can be pinned, and reads all-zero weights as zero rather than as extremes', () => {
    expect(symmetricDomain([0.1, -0.2], 1.5)).toEqual([-1.5, 1.5]);
    expect(symmetricDomain(new Float32Array(4))).toEqual([-1, 1]);
  });
});

describe('resolveLayout', () => {
  it('reads the view from rank, and LSTM from the weight name', () => {
    expect(resolveLayout({ shape: [2, 16], values: [] }, 'auto')).toBe('dense');
    expect(resolveLayout({ shape: [16], values: [] }, 'auto')).toBe('bias');
    expect(resolveLayout({ shape: [5, 1, 8], values: [] }, 'auto')).toBe('conv1d');
    expect(resolveLayout({ shape: [3, 3, 1, 8], values: [] }, 'auto')).toBe('conv2d');
    expect(resolveLayout({ shape: [33, 128], values: [], name: 'lstm_1/kernel' }, 'auto')).toBe(
      'lstm',
    );
    expect(resolveLayout({ shape: [2, 16], values: [] }, 'lstm')).toBe('lstm');
    expect(() => resolveLayout({ shape: [1, 2, 3, 4, 5], values: [] }, 'auto')).toThrow(RangeError);
  });
});

describe('layoutMosaic', () => {
  it('tiles with transparent gaps and a caption row above each tile', () => {
    const tile = (v: number, label: string) => ({ rows: 2, cols: 2, values: [v, v, v, v], label });
    const m = layoutMosaic([tile(1, 'a'), tile(2, 'b'), tile(3, 'c')], {
      columns: 2,
      gap: 1,
      captionRows: 1,
    });
    expect(m).toMatchObject({ rows: 6, cols: 5, columns: 2 });
    expect(m.captions).toEqual([
      { x: 0, y: 1, text: 'a' },
      { x: 3, y: 1, text: 'b' },
      { x: 0, y: 4, text: 'c' },
    ]);
    const row = (r: number) => Array.from(m.values.subarray(r * 5, r * 5 + 5));
    expect(row(0).every(Number.isNaN)).toBe(true);
    expect(row(1)).toEqual([1, 1, NaN, 2, 2]);
    expect(row(4).slice(0, 2)).toEqual([3, 3]);
    expect(row(4).slice(2).every(Number.isNaN)).toBe(true);
  });

  it('refuses tiles of different sizes', () => {
    const a = { rows: 2, cols: 2, values: [0, 0, 0, 0], label: '' };
    const b = { rows: 1, cols: 2, values: [0, 0], label: '' };
    expect(() => layoutMosaic([a, b], { columns: 2, gap: 1, captionRows: 1 })).toThrow(RangeError);
  });
});

describe('gridPoints', () => {
  it('samples cell centres row by row from the bottom-left', () => {
    const p = gridPoints(2, [0, 4], [-1, 1]);
    expect(Array.from(p)).toEqual([1, -0.5, 3, -0.5, 1, 0.5, 3, 0.5]);
  });
});

describe('argmaxField', () => {
  it('reads a single sigmoid output as P(class 1)', () => {
    const f = argmaxField([0.9, 0.5, 0.2, 0.0], 2);
    expect(f.classes).toBe(2);
    expect(Array.from(f.argmax)).toEqual([1, 1, 0, 0]);
    expect(Array.from(f.confidence).map((c) => +c.toFixed(2))).toEqual([0.8, 0, 0.6, 1]);
  });

  it('takes the most probable of several classes; chance level is zero confidence', () => {
    const third = 1 / 3;
    const f = argmaxField([0.1, 0.7, 0.2, third, third, third, 0, 0, 1, 0.5, 0.25, 0.25], 2);
    expect(f.classes).toBe(3);
    expect(Array.from(f.argmax)).toEqual([1, 0, 2, 0]);
    expect(f.confidence[1]).toBeCloseTo(0, 5);
    expect(f.confidence[2]).toBeCloseTo(1, 5);
  });

  it('refuses a grid that does not match gridSize', () => {
    expect(() => argmaxField(new Float32Array(10), 3)).toThrow(RangeError);
  });
});

describe('small helpers', () => {
  it('ticks indices with a 1-2-5 step', () => {
    expect(indexTicks(16, 8)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(indexTicks(128, 10)).toEqual([0, 20, 40, 60, 80, 100, 120]);
    expect(indexTicks(3, 10)).toEqual([0, 1, 2]);
  });

  it('cuts long axes in the middle', () => {
    expect(truncatedIndices(5, 8)).toEqual([0, 1, 2, 3, 4]);
    expect(truncatedIndices(20, 5)).toEqual([0, 1, 2, -1, 18, 19]);
  });

  it('computes the mean squared error over aligned finite pairs', () => {
    expect(meanSquaredError([1, 2, 3], [1, 4, NaN])).toBe(2);
    expect(meanSquaredError([], [])).toBeNaN();
  });
});
