// A 2-D classifier's decision: the predicted class in every region of the plane as a faint
// raster (stronger where the model is surer) behind the data points. Classes differ by colour
// AND symbol, so the picture survives colour blindness and grayscale printing.
import * as Plot from '@observablehq/plot';
import { createFigure } from './figure';
import { formatTick } from './format';
import { checkGrid, type Range } from './grid';
import { resolveContext, type VizOptions } from './options';
import { classScale } from './palette';
import { imageMark, indexLookup, rasterize } from './raster';
import { markLabelsToData, plot } from './plot';

export interface BoundaryPoint {
  x: number;
  y: number;
  /** Class index 0 … classes-1. */
  label: number;
}

export interface DecisionBoundaryData {
  /**
   * Class probabilities at gridPoints(gridSize, extent.x, extent.y), as [gridSize², classes];
   * or [gridSize²] holding P(class 1) for a single sigmoid output.
   */
  grid: ArrayLike<number>;
  gridSize: number;
  extent: { x: Range; y: Range };
  points: readonly BoundaryPoint[];
}

export interface DecisionBoundaryOptions extends VizOptions {
  /** Names for the legend; default "classe 0", "classe 1", … */
  classNames?: readonly string[];
  /** Plot area side in pixels (default 320). */
  size?: number;
}

const SYMBOLS = ['circle', 'triangle', 'square', 'diamond', 'star', 'cross', 'wye'] as const;

/** Per grid cell: the most probable class and how sure the model is (0 = chance, 1 = certain). */
export function argmaxField(
  grid: ArrayLike<number>,
  gridSize: number,
): { classes: number; argmax: Uint8Array; confidence: Float32Array } {
  const stride = checkGrid(grid, gridSize, 'decisionBoundary');
  const classes = stride === 1 ? 2 : stride;
  const n = gridSize * gridSize;
  const argmax = new Uint8Array(n);
  const confidence = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let p: number;
    if (stride === 1) {
      const p1 = grid[i] as number;
      best = p1 >= 0.5 ? 1 : 0;
      p = best === 1 ? p1 : 1 - p1;
    } else {
      p = -Infinity;
      for (let c = 0; c < stride; c++) {
        const q = grid[i * stride + c] as number;
        if (q > p) [p, best] = [q, c];
      }
    }
    argmax[i] = best;
    confidence[i] = Math.max(0, Math.min(1, (p - 1 / classes) / (1 - 1 / classes)));
  }
  return { classes, argmax, confidence };
}

export function decisionBoundary(
  data: DecisionBoundaryData,
  options: DecisionBoundaryOptions = {},
): HTMLElement {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const { gridSize, extent } = data;
  const field = argmaxField(data.grid, gridSize);
  const classes = Math.max(field.classes, ...data.points.map((p) => p.label + 1));
  const names = Array.from(
    { length: classes },
    (_, index) => options.classNames?.[index] ?? t('viz.class.name', { index }),
  );
  const color = classScale(classes, names);
  // Faint even where certain, so the points on top stay readable.
  const opacity = Float32Array.from(field.confidence, (c) => 0.08 + 0.42 * c);
  const size = options.size ?? 320;
  const chart = plot({
    document: ctx.doc,
    ariaLabel: ctx.ariaLabel(t('viz.boundary.ariaLabel')),
    ariaDescription: ctx.ariaDescription(
      t('viz.boundary.ariaDescription', {
        count: data.points.length,
        classes: names.join(', '),
      }),
    ),
    width: size + 48,
    height: size + 52,
    marginLeft: 40,
    marginRight: 8,
    marginTop: 20,
    marginBottom: 32,
    x: { domain: [...extent.x], tickFormat: formatTick, label: t('viz.boundary.x') },
    y: { domain: [...extent.y], tickFormat: formatTick, label: t('viz.boundary.y') },
    color,
    symbol: {
      type: 'ordinal',
      domain: names.map((_, i) => i),
      range: SYMBOLS.slice(0, classes),
      tickFormat: (i: number) => names[i] ?? String(i),
    },
    marks: [
      imageMark(
        rasterize(
          { rows: gridSize, cols: gridSize, values: field.argmax },
          indexLookup(color.range as string[]),
          opacity,
        ),
        gridSize,
        gridSize,
        { x1: extent.x[0], x2: extent.x[1], y1: extent.y[0], y2: extent.y[1] },
      ),
      Plot.frame({ strokeOpacity: 0.3 }),
      Plot.dot(data.points, {
        x: 'x',
        y: 'y',
        fill: 'label',
        symbol: 'label',
        r: 4,
        stroke: 'currentColor',
        strokeWidth: 0.75,
        clip: 'frame',
      }),
    ],
  });
  const figure = createFigure(ctx.doc, 'decision-boundary');
  const legend = (chart as unknown as Plot.Plot).legend('symbol');
  if (legend !== undefined) figure.append(markLabelsToData(legend));
  figure.append(chart);
  return figure;
}
