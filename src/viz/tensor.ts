// Pure reshaping of row-major tensor data into the 2-D matrices the heatmaps draw. No DOM here:
// every function is a plain index computation, tested on its own.

/** What the renderers accept: a shape and row-major values (Float32Array from a snapshot). */
export interface TensorData {
  shape: readonly number[];
  values: ArrayLike<number>;
}

/** A row-major matrix; NaN cells are drawn transparent. */
export interface Matrix {
  rows: number;
  cols: number;
  values: ArrayLike<number>;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Throws when values and shape disagree: a silent mismatch would draw garbage. */
export function checkTensor(tensor: TensorData, where: string): void {
  const { shape, values } = tensor;
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new RangeError(`${where}: invalid shape [${shape.join(', ')}]`);
  }
  if (sizeOf(shape) !== values.length) {
    throw new RangeError(
      `${where}: shape [${shape.join(', ')}] needs ${sizeOf(shape)} values, got ${values.length}`,
    );
  }
}

/** Drops leading axes of size 1, so a probe's [1, h, w, c] reads as [h, w, c]. */
export function squeezeLeading(shape: readonly number[], keep: number): number[] {
  const out = [...shape];
  while (out.length > keep && out[0] === 1) out.shift();
  return out;
}

/** Per-filter slices of a Conv2D kernel [kh, kw, inC, outC]: one [kh, kw] matrix per filter. */
export function conv2dFilters(kernel: TensorData, channel: number | 'mean'): Matrix[] {
  const [kh = 0, kw = 0, inC = 0, outC = 0] = kernel.shape;
  if (channel !== 'mean' && (channel < 0 || channel >= inC)) {
    throw new RangeError(`conv2d kernel: channel ${channel} outside 0…${inC - 1}`);
  }
  const v = kernel.values;
  const filters: Matrix[] = [];
  for (let o = 0; o < outC; o++) {
    const m = new Float32Array(kh * kw); // [kh, kw]
    for (let r = 0; r < kh; r++) {
      for (let c = 0; c < kw; c++) {
        const base = (r * kw + c) * inC * outC + o; // index of [r, c, 0, o]
        let x = 0;
        if (channel === 'mean') {
          for (let i = 0; i < inC; i++) x += v[base + i * outC] as number;
          x /= inC;
        } else {
          x = v[base + channel * outC] as number;
        }
        m[r * kw + c] = x;
      }
    }
    filters.push({ rows: kh, cols: kw, values: m });
  }
  return filters;
}

/** Per-filter slices of a Conv1D kernel [k, inC, outC]: one [inC, k] matrix (time runs across). */
export function conv1dFilters(kernel: TensorData): Matrix[] {
  const [k = 0, inC = 0, outC = 0] = kernel.shape;
  const v = kernel.values;
  const filters: Matrix[] = [];
  for (let o = 0; o < outC; o++) {
    const m = new Float32Array(inC * k); // [inC, k]
    for (let t = 0; t < k; t++) {
      for (let i = 0; i < inC; i++) m[i * k + t] = v[(t * inC + i) * outC + o] as number;
    }
    filters.push({ rows: inC, cols: k, values: m });
  }
  return filters;
}

/** Channel images of a [h, w, c] activation: one [h, w] matrix per channel. */
export function channelImages(tensor: TensorData): Matrix[] {
  const [h = 0, w = 0, c = 0] = tensor.shape;
  const v = tensor.values;
  const images: Matrix[] = [];
  for (let ch = 0; ch < c; ch++) {
    const m = new Float32Array(h * w);
    for (let p = 0; p < h * w; p++) m[p] = v[p * c + ch] as number;
    images.push({ rows: h, cols: w, values: m });
  }
  return images;
}

/** Minimum and maximum over finite values; [0, 0] when there are none. */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/** Rescales to [0, 1] (a constant image becomes all zeros) so each channel uses the full range. */
export function normalize(values: ArrayLike<number>): Float32Array {
  const [lo, hi] = extent(values);
  const span = hi - lo;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = span > 0 ? ((values[i] as number) - lo) / span : 0;
  }
  return out;
}
