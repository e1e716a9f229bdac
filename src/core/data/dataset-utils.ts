// Small helpers over the plain `Dataset` type: counting, picking samples, seeded splits.
import { InvalidConfigError } from '../errors.ts';
import type { Dataset, DatasetSplit } from '../types.ts';
import { checkNumber } from '../validate.ts';
import { createRng } from './rng.ts';

export function sampleCount(data: Dataset): number {
  const perSample = data.xShape.reduce((a, b) => a * b, 1);
  return perSample === 0 ? 0 : data.x.length / perSample;
}

/** Checks that x and y hold the same number of whole samples; returns that number. */
export function checkDataset(field: string, data: Dataset): number {
  const xSize = data.xShape.reduce((a, b) => a * b, 1);
  const ySize = data.yShape.reduce((a, b) => a * b, 1);
  const n = data.x.length / xSize;
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidConfigError(
      `${field}.x`,
      data.x.length,
      `not a whole number of [${data.xShape}] samples`,
    );
  }
  if (data.y.length !== n * ySize) {
    throw new InvalidConfigError(
      `${field}.y`,
      data.y.length,
      `${n * ySize} values expected for ${n} samples`,
    );
  }
  return n;
}

/** The samples at `indices`, in that order, as a new dataset. */
export function pickSamples(data: Dataset, indices: ArrayLike<number>): Dataset {
  const xSize = data.xShape.reduce((a, b) => a * b, 1);
  const ySize = data.yShape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(indices.length * xSize);
  const y = new Float32Array(indices.length * ySize);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i] as number;
    x.set(data.x.subarray(from * xSize, (from + 1) * xSize), i * xSize);
    y.set(data.y.subarray(from * ySize, (from + 1) * ySize), i * ySize);
  }
  const out: Dataset = { x, xShape: data.xShape.slice(), y, yShape: data.yShape.slice() };
  if (data.classes) out.classes = data.classes.slice();
  return out;
}

export interface SplitOptions {
  /** Share of samples held out for testing, in (0, 1). Default 0.2. */
  testFraction?: number;
  seed?: number;
}

/** Seeded shuffle, then the last `testFraction` of the samples become the test set. */
export function splitDataset(data: Dataset, options: SplitOptions = {}): DatasetSplit {
  const n = checkDataset('data', data);
  const testFraction = checkNumber('testFraction', options.testFraction ?? 0.2, 0, 1);
  const testCount = Math.round(n * testFraction);
  if (testCount < 1 || testCount >= n) {
    throw new InvalidConfigError(
      'testFraction',
      testFraction,
      `leaves an empty part of ${n} samples`,
    );
  }
  const order = createRng(options.seed ?? 0).permutation(n);
  return {
    train: pickSamples(data, order.subarray(0, n - testCount)),
    test: pickSamples(data, order.subarray(n - testCount)),
  };
}

/** One-hot rows for integer labels: [n, classes]. */
export function oneHot(labels: ArrayLike<number>, classes: number): Float32Array {
  const y = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) y[i * classes + (labels[i] as number)] = 1;
  return y;
}
