// The redraws the labs do, at the sizes they use, with seeded data. Shared by the Node run and
// the Chromium run of tests/bench/viz.ts.
import * as Plot from '@observablehq/plot';
import { layoutMosaic } from '../../src/viz/mosaic.ts';
import { grayScale } from '../../src/viz/palette.ts';
import { continuousLookup, imageMark, rasterize } from '../../src/viz/raster.ts';
import { channelImages } from '../../src/viz/tensor.ts';
import {
  decisionBoundary,
  digitImage,
  featureMaps,
  gateHeatmaps,
  gridPoints,
  lossCurve,
  lossLandscape,
  probabilityBars,
  sequenceChart,
  tensorTable,
  weightHeatmap,
  type CurvePoint,
} from '../../src/viz/index.ts';

export interface VizCase {
  name: string;
  size: string;
  draw: () => Element;
}

/** Park–Miller LCG in [-1, 1): deterministic data without Math.random. */
function createRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s / 2147483647) * 2 - 1;
  };
}

export function vizCases(document: Document): VizCase[] {
  const rand = createRandom(42);
  const values = (n: number, scale = 0.5) => Float32Array.from({ length: n }, () => rand() * scale);
  const o = { document };
  const weights = (shape: number[], name: string) => ({
    shape,
    name,
    values: values(shape.reduce((a, b) => a * b, 1)),
  });
  const dense16 = weights([16, 16], 'dense_2/kernel');
  const dense2 = weights([2, 16], 'dense_1/kernel');
  const bias = weights([16], 'dense_1/bias');
  const lstm = weights([33, 128], 'lstm_1/kernel');
  const conv1 = weights([3, 3, 1, 8], 'conv2d_1/kernel');
  const conv2 = weights([3, 3, 8, 16], 'conv2d_2/kernel');
  const maps = { shape: [26, 26, 8], values: values(26 * 26 * 8).map(Math.abs) };
  const digit = values(784).map(Math.abs);

  const g = 50;
  const centres = gridPoints(g, [-1, 1], [-1, 1]);
  const probs = Float32Array.from({ length: g * g }, (_, i) => (centres[2 * i]! > 0 ? 0.9 : 0.1));
  const points = Array.from({ length: 250 }, (_, i) => ({ x: rand(), y: rand(), label: i % 2 }));
  const surface = Float32Array.from(
    { length: g * g },
    (_, i) => centres[2 * i]! ** 2 + 3 * centres[2 * i + 1]! ** 2,
  );
  const path = Array.from({ length: 100 }, (_, i) => ({ w1: 0.99 ** i, w2: 0.95 ** i }));
  const curve: CurvePoint[] = [];
  for (let step = 0; step < 500; step++) {
    curve.push({ step, value: Math.exp(-step / 100) + 0.01 * rand(), series: 'treino' });
    if (step % 10 === 0) curve.push({ step, value: Math.exp(-step / 120), series: 'teste' });
  }
  const steps = 20;
  const units = 32;
  const gate = () => ({ shape: [steps, units], values: values(steps * units).map((v) => v + 0.5) });
  const gates = { i: gate(), f: gate(), o: gate(), c: gate(), h: gate() };
  const sine = Array.from({ length: 40 }, (_, i) => Math.sin(i / 4));

  // The same mosaic through Plot.raster and through our lookup-table mark, to keep the
  // choice of raster.ts measured.
  const mosaic = layoutMosaic(
    channelImages(maps).map((m) => ({ ...m, label: '' })),
    { columns: 8, gap: 2, captionRows: 4 },
  );
  const bare = (mark: Plot.Markish) => () =>
    Plot.plot({ document, axis: null, color: grayScale([0, 0.5]), marks: [mark] }) as Element;
  const bounds = { x1: 0, x2: mosaic.cols, y1: 0, y2: mosaic.rows };
  const rasterSize = `${mosaic.cols}×${mosaic.rows}`;

  return [
    {
      name: 'baseline Plot.raster',
      size: rasterSize,
      draw: bare(
        Plot.raster(mosaic.values, { width: mosaic.cols, height: mosaic.rows, ...bounds }),
      ),
    },
    {
      name: 'lookup raster mark',
      size: rasterSize,
      draw: () =>
        bare(
          imageMark(
            rasterize(mosaic, continuousLookup(grayScale([0, 0.5]))),
            mosaic.cols,
            mosaic.rows,
            bounds,
          ),
        )(),
    },
    { name: 'weightHeatmap dense', size: '2×16', draw: () => weightHeatmap(dense2, o) },
    { name: 'weightHeatmap dense', size: '16×16', draw: () => weightHeatmap(dense16, o) },
    { name: 'weightHeatmap bias', size: '16', draw: () => weightHeatmap(bias, o) },
    { name: 'weightHeatmap lstm', size: '33×128', draw: () => weightHeatmap(lstm, o) },
    { name: 'weightHeatmap conv2d', size: '3×3×1×8', draw: () => weightHeatmap(conv1, o) },
    {
      name: 'weightHeatmap conv2d mean',
      size: '3×3×8×16',
      draw: () => weightHeatmap(conv2, { ...o, channel: 'mean' }),
    },
    { name: 'featureMaps', size: '26×26×8', draw: () => featureMaps(maps, o) },
    { name: 'digitImage', size: '28×28', draw: () => digitImage(digit, o) },
    {
      name: 'decisionBoundary',
      size: `${g}×${g} + 250 pts`,
      draw: () =>
        decisionBoundary(
          { grid: probs, gridSize: g, extent: { x: [-1, 1], y: [-1, 1] }, points },
          o,
        ),
    },
    {
      name: 'lossLandscape',
      size: `${g}×${g} + 100 steps`,
      draw: () =>
        lossLandscape(
          { values: surface, gridSize: g, extent: { w1: [-1, 1], w2: [-1, 1] } },
          path,
          o,
        ),
    },
    { name: 'lossCurve', size: '550 pts', draw: () => lossCurve(curve, o) },
    { name: 'gateHeatmaps', size: `5 × ${steps}×${units}`, draw: () => gateHeatmaps(gates, o) },
    {
      name: 'sequenceChart',
      size: '20 + 20',
      draw: () =>
        sequenceChart(
          {
            input: sine.slice(0, 20),
            target: sine.slice(20),
            prediction: sine.slice(20).map((v) => v * 0.9),
          },
          o,
        ),
    },
    {
      name: 'probabilityBars',
      size: '10',
      draw: () => probabilityBars([0.02, 0.01, 0.05, 0.7, 0.02, 0.05, 0.05, 0.04, 0.03, 0.03], o),
    },
    { name: 'tensorTable', size: '16×16', draw: () => tensorTable(dense16, o) },
  ];
}

export interface VizTiming {
  name: string;
  size: string;
  medianMs: number;
  p95Ms: number;
  runs: number;
}

/**
 * Times each case: a few warm-up draws, then draws until `budgetMs` has passed (at least 10).
 * `place` puts the node on screen (in a browser: insert it and force layout), as a lab does.
 */
export function measureCases(
  cases: readonly VizCase[],
  options: { budgetMs: number; place?: (node: Element) => void },
): VizTiming[] {
  const place = options.place ?? (() => {});
  return cases.map(({ name, size, draw }) => {
    for (let i = 0; i < 5; i++) place(draw());
    const times: number[] = [];
    const start = performance.now();
    while (
      times.length < 10 ||
      (performance.now() - start < options.budgetMs && times.length < 500)
    ) {
      const t0 = performance.now();
      place(draw());
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
    return { name, size, medianMs: at(0.5), p95Ms: at(0.95), runs: times.length };
  });
}
