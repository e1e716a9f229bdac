// Datasets the page builds itself from what a reader made (clicked points, a typed series), sent to
// the worker as raw data. Plain arrays only: the page never loads the core's data code or tfjs.
import type { Dataset, LabeledPoint } from '../../../src/core/page';

/** x [n, 2], y one-hot [n, classes]. */
export function pointsDataset(points: readonly LabeledPoint[], classes: number): Dataset {
  const x = new Float32Array(points.length * 2);
  const y = new Float32Array(points.length * classes);
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    y[i * classes + p.label] = 1;
  });
  return {
    x,
    xShape: [2],
    y,
    yShape: [classes],
    classes: Array.from({ length: classes }, (_, c) => String(c)),
  };
}

/** A series as windows: x [n, steps, 1] of consecutive values, y [n, 1] the value that follows. */
export function seriesWindows(values: readonly number[], steps: number): Dataset {
  const n = Math.max(0, values.length - steps);
  const x = new Float32Array(n * steps);
  const y = new Float32Array(n);
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < steps; t++) x[s * steps + t] = values[s + t] as number;
    y[s] = values[s + steps] as number;
  }
  return { x, xShape: [steps, 1], y, yShape: [1] };
}

/** Samples [from, to) of a dataset, in order (time order is kept for forecasting). */
export function sliceDataset(data: Dataset, from: number, to: number): Dataset {
  const xSize = data.xShape.reduce((a, b) => a * b, 1);
  const ySize = data.yShape.reduce((a, b) => a * b, 1);
  return {
    x: data.x.slice(from * xSize, to * xSize),
    xShape: data.xShape.slice(),
    y: data.y.slice(from * ySize, to * ySize),
    yShape: data.yShape.slice(),
  };
}

export function sampleCount(data: Dataset): number {
  const size = data.xShape.reduce((a, b) => a * b, 1);
  return size === 0 ? 0 : data.x.length / size;
}

/** One sample's x, flat. */
export function sampleOf(data: Dataset, index: number): Float32Array {
  const size = data.xShape.reduce((a, b) => a * b, 1);
  return data.x.slice(index * size, (index + 1) * size);
}
