// Data sources described by the page (session-types.ts) made real in the worker, with the core's
// seeded generators, so the page never loads the core's data code or tfjs.
import {
  checkDataset,
  fromPoints,
  parseMnistPack,
  pickSamples,
  pointSet,
  sine,
  splitDataset,
  type Dataset,
} from '../../../src/core/index';
import type { DataSource } from './session-types';

function empty(like: Dataset): Dataset {
  return {
    x: new Float32Array(0),
    xShape: like.xShape.slice(),
    y: new Float32Array(0),
    yShape: like.yShape.slice(),
  };
}

function first(data: Dataset, count: number): Dataset {
  const n = checkDataset('data', data);
  return pickSamples(
    data,
    Array.from({ length: Math.min(n, count) }, (_, i) => i),
  );
}

/** A reader's series as windows: x [n, steps, 1] of consecutive values, y [n, 1] the value after. */
export function seriesWindows(values: readonly number[], steps: number): Dataset {
  const n = values.length - steps;
  const x = new Float32Array(Math.max(0, n) * steps);
  const y = new Float32Array(Math.max(0, n));
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < steps; t++) x[s * steps + t] = values[s + t] as number;
    y[s] = values[s + steps] as number;
  }
  return { x, xShape: [steps, 1], y, yShape: [1] };
}

export async function makeData(source: DataSource): Promise<{ train: Dataset; test: Dataset }> {
  switch (source.kind) {
    case 'points':
      return splitDataset(pointSet(source.name, { n: source.n, seed: source.seed }), {
        testFraction: source.testFraction,
        seed: source.seed,
      });
    case 'custom': {
      const train = fromPoints(source.points, source.classes);
      return { train, test: empty(train) };
    }
    case 'sine':
      return splitDataset(sine({ n: source.n, steps: source.steps, seed: source.seed }), {
        testFraction: source.testFraction,
        seed: source.seed,
      });
    case 'series': {
      const all = seriesWindows(source.values, source.steps);
      const n = all.y.length;
      // Keep time order: the last windows are the test part, as in forecasting.
      const testCount = Math.max(1, Math.round(n * source.testFraction));
      const order = Array.from({ length: n }, (_, i) => i);
      return {
        train: pickSamples(all, order.slice(0, n - testCount)),
        test: pickSamples(all, order.slice(n - testCount)),
      };
    }
    case 'mnist': {
      const response = await fetch(source.url);
      if (!response.ok) throw new Error(`${source.url}: HTTP ${response.status}`);
      const split = parseMnistPack(await response.arrayBuffer());
      return {
        train: source.train === undefined ? split.train : first(split.train, source.train),
        test: source.test === undefined ? split.test : first(split.test, source.test),
      };
    }
  }
}
