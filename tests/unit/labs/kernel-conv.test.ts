// The kernel explorer's arithmetic (components/labs/kernel/conv.ts) is what readers are told tfjs
// does: checked here against a direct zero-padded sliding window and against tf.conv2d on the cpu
// backend for every stride and padding the explorer offers.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  KERNEL_PRESETS,
  SAMPLE_IMAGE,
  SAMPLE_SIZE,
  convolve,
  geometry,
  windowTerms,
  type Padding,
} from '../../../components/labs/kernel/conv';
import { createRng, initBackend } from '../../../src/core/index';

const STRIDES = [1, 2, 3] as const;
const PADDINGS: readonly Padding[] = ['valid', 'same'];
const K = 3;

beforeAll(async () => {
  expect(await initBackend('cpu')).toBe('cpu');
});

/** Zero-pads by hand, then slides the kernel: the textbook definition, written out separately. */
function direct(
  image: readonly number[],
  size: number,
  kernel: readonly number[],
  stride: number,
  padBefore: number,
  out: number,
): number[] {
  const padded = (r: number, c: number): number => {
    const row = r - padBefore;
    const col = c - padBefore;
    return row < 0 || col < 0 || row >= size || col >= size ? 0 : (image[row * size + col] ?? 0);
  };
  const result: number[] = [];
  for (let r = 0; r < out; r++) {
    for (let c = 0; c < out; c++) {
      let sum = 0;
      for (let i = 0; i < K; i++)
        for (let j = 0; j < K; j++)
          sum += padded(r * stride + i, c * stride + j) * (kernel[i * K + j] ?? 0);
      result.push(sum);
    }
  }
  return result;
}

/** tf.conv2d on image [1, size, size, 1] with kernel [3, 3, 1, 1]; returns [out, out] flat. */
function tfConv(
  image: readonly number[],
  size: number,
  kernel: readonly number[],
  stride: number,
  padding: Padding,
): { shape: number[]; values: number[] } {
  return tf.tidy(() => {
    const y = tf.conv2d(
      tf.tensor4d([...image], [1, size, size, 1]),
      tf.tensor4d([...kernel], [K, K, 1, 1]),
      stride,
      padding,
    );
    return { shape: y.shape.slice(), values: Array.from(y.dataSync()) };
  });
}

const rng = createRng(42);
const randomImage = (size: number): number[] =>
  Array.from({ length: size * size }, () => rng.uniform(-1, 1));
const randomKernel = (): number[] => Array.from({ length: K * K }, () => rng.uniform(-1, 1));

// 7×7 is the explorer's image; 8×8 makes 'same' padding uneven (the extra zero goes after).
const CASES = [
  ...Object.entries(KERNEL_PRESETS).map(([name, kernel]) => ({
    name: `${name} on the sample T`,
    image: [...SAMPLE_IMAGE],
    size: SAMPLE_SIZE,
    kernel: [...kernel],
  })),
  { name: 'random 7×7', image: randomImage(7), size: 7, kernel: randomKernel() },
  { name: 'random 8×8', image: randomImage(8), size: 8, kernel: randomKernel() },
];

describe.each(STRIDES.flatMap((stride) => PADDINGS.map((padding) => ({ stride, padding }))))(
  'stride $stride, padding $padding',
  ({ stride, padding }) => {
    test.each(CASES)('$name matches tf.conv2d and the direct sum', ({ image, size, kernel }) => {
      const { values, geometry: g } = convolve(image, size, kernel, K, stride, padding);
      const reference = tfConv(image, size, kernel, stride, padding);
      expect(reference.shape).toEqual([1, g.out, g.out, 1]);
      expect(values).toHaveLength(g.out * g.out);
      Array.from(values).forEach((v, i) => expect(v).toBeCloseTo(reference.values[i] ?? NaN, 5));
      const byHand = direct(image, size, kernel, stride, g.padBefore, g.out);
      Array.from(values).forEach((v, i) => expect(v).toBeCloseTo(byHand[i] ?? NaN, 5));
    });
  },
);

describe('geometry', () => {
  test('valid shrinks by kernel − 1 before striding; same keeps ⌈size / stride⌉', () => {
    expect(geometry(7, 3, 1, 'valid')).toEqual({ out: 5, padBefore: 0, padAfter: 0 });
    expect(geometry(7, 3, 2, 'valid')).toEqual({ out: 3, padBefore: 0, padAfter: 0 });
    expect(geometry(7, 3, 3, 'valid')).toEqual({ out: 2, padBefore: 0, padAfter: 0 });
    expect(geometry(7, 3, 1, 'same')).toEqual({ out: 7, padBefore: 1, padAfter: 1 });
    expect(geometry(7, 3, 3, 'same')).toEqual({ out: 3, padBefore: 1, padAfter: 1 });
    // 8 with stride 2: 4 outputs need 9 rows, one zero, placed after the image as TF does.
    expect(geometry(8, 3, 2, 'same')).toEqual({ out: 4, padBefore: 0, padAfter: 1 });
  });

  test('a kernel larger than the image gives no valid output', () => {
    expect(geometry(2, 3, 1, 'valid').out).toBe(0);
  });
});

describe('windowTerms', () => {
  test('the nine products of a window sum to its output cell and name their pixels', () => {
    const kernel = [...KERNEL_PRESETS.sharpen];
    const { values, geometry: g } = convolve(SAMPLE_IMAGE, SAMPLE_SIZE, kernel, K, 1, 'same');
    // Output (0, 0) with 'same' padding: its window starts one row and column outside the image.
    const terms = windowTerms(SAMPLE_IMAGE, SAMPLE_SIZE, kernel, K, 1, g, 0, 0);
    expect(terms).toHaveLength(9);
    expect(terms[0]).toMatchObject({ row: -1, col: -1, pixel: 0 });
    expect(terms[4]).toMatchObject({ row: 0, col: 0, weight: 5 });
    expect(terms.reduce((s, t) => s + t.product, 0)).toBeCloseTo(values[0] ?? NaN, 6);
    // Centre of the T's bar (row 1, col 3): 5·1 − (left 1 + right 1 + below 1) = 2.
    const centre = windowTerms(SAMPLE_IMAGE, SAMPLE_SIZE, kernel, K, 1, g, 1, 3);
    expect(centre.reduce((s, t) => s + t.product, 0)).toBe(2);
  });
});
