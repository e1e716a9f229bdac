// The kernel explorer's arithmetic: one 3×3 kernel over one single-channel image, with tfjs' rules
// for stride and padding. Pure, so it can be checked against tf.conv2d in a unit test.

export type Padding = 'valid' | 'same';

export interface ConvGeometry {
  /** Output side length. */
  out: number;
  /** Zero rows/columns added before (top/left) and after (bottom/right) the image. */
  padBefore: number;
  padAfter: number;
}

/** tfjs' convOutputLength and its 'same' padding split (the extra zero goes after, as in TF). */
export function geometry(
  size: number,
  kernel: number,
  stride: number,
  padding: Padding,
): ConvGeometry {
  if (padding === 'valid') {
    return {
      out: Math.max(0, Math.floor((size - kernel) / stride) + 1),
      padBefore: 0,
      padAfter: 0,
    };
  }
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernel - size, 0);
  const padBefore = Math.floor(total / 2);
  return { out, padBefore, padAfter: total - padBefore };
}

/** image [size, size] and kernel [k, k], row-major; returns the output [out, out], row-major. */
export function convolve(
  image: ArrayLike<number>,
  size: number,
  kernel: ArrayLike<number>,
  k: number,
  stride: number,
  padding: Padding,
): { values: Float32Array; geometry: ConvGeometry } {
  const g = geometry(size, k, stride, padding);
  const values = new Float32Array(g.out * g.out);
  for (let r = 0; r < g.out; r++) {
    for (let c = 0; c < g.out; c++) {
      values[r * g.out + c] = windowTerms(image, size, kernel, k, stride, g, r, c).reduce(
        (sum, term) => sum + term.product,
        0,
      );
    }
  }
  return { values, geometry: g };
}

export interface Term {
  /** Image row/column, possibly outside the image (then pixel is the padding's 0). */
  row: number;
  col: number;
  pixel: number;
  weight: number;
  product: number;
}

/** The k·k products that make output cell (r, c). */
export function windowTerms(
  image: ArrayLike<number>,
  size: number,
  kernel: ArrayLike<number>,
  k: number,
  stride: number,
  g: ConvGeometry,
  r: number,
  c: number,
): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const row = r * stride + i - g.padBefore;
      const col = c * stride + j - g.padBefore;
      const inside = row >= 0 && row < size && col >= 0 && col < size;
      const pixel = inside ? (image[row * size + col] as number) : 0;
      const weight = kernel[i * k + j] as number;
      terms.push({ row, col, pixel, weight, product: pixel * weight });
    }
  }
  return terms;
}

export const KERNEL_PRESETS = {
  edge: [1, 0, -1, 1, 0, -1, 1, 0, -1],
  hedge: [1, 1, 1, 0, 0, 0, -1, -1, -1],
  blur: [1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
} as const;

export type KernelPreset = keyof typeof KERNEL_PRESETS;

/** A 7×7 "T": a horizontal bar on top and a vertical stem, so both edge kernels find something. */
// prettier-ignore
export const SAMPLE_IMAGE: readonly number[] = [
  0, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 0,
  0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0,
];
export const SAMPLE_SIZE = 7;
