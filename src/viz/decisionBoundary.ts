// A 2-D classifier's decision: the predicted class in every region of the plane as a faint
// raster (stronger where the model is surer) behind the data points. Classes differ by colour
// AND symbol, so the picture survives colour blindness and grayscale printing.
import * as Plot from '@observablehq/plot';
import { createFigure } from './figure';
import { formatTick } from './format';
import { checkGrid, type Range } from './grid';
import { identity, type LiveRenderer } from './live';
import { resolveContext, themeOf, type RenderContext, type VizOptions } from './options';
import { classScale, DARK_BACKGROUND } from './palette';
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

/** The boundary raster: each cell in its class colour, more opaque where the model is surer. */
function boundaryPixels(
  field: ReturnType<typeof argmaxField>,
  gridSize: number,
  colors: readonly string[],
  out?: Uint8ClampedArray,
): Uint8ClampedArray {
  // Faint even where certain, so the points on top stay readable.
  const opacity = field.confidence.map((c) => 0.08 + 0.42 * c);
  return rasterize(
    { rows: gridSize, cols: gridSize, values: field.argmax },
    indexLookup(colors),
    opacity,
    out,
  );
}

function classCount(
  field: ReturnType<typeof argmaxField>,
  points: readonly BoundaryPoint[],
): number {
  let classes = field.classes;
  for (const p of points) if (p.label + 1 > classes) classes = p.label + 1;
  return classes;
}

/**
 * decisionBoundary as a live renderer (see live.ts): axes, legend and points are drawn once per
 * data set (a new `points` array rebuilds them), the class regions are repainted every frame.
 */
export function liveDecisionBoundary(
  options: DecisionBoundaryOptions = {},
): LiveRenderer<DecisionBoundaryData> {
  const ctx = resolveContext(options);
  let pixels: Uint8ClampedArray | undefined;
  return {
    model(data) {
      const field = argmaxField(data.grid, data.gridSize);
      const classes = classCount(field, data.points);
      const colors = classScale(classes, []).range as string[];
      pixels = boundaryPixels(field, data.gridSize, colors, pixels);
      return {
        key: [
          classes,
          data.gridSize,
          identity(data.points),
          data.extent.x,
          data.extent.y,
          themeOf(options),
        ].join('|'),
        rasters: [pixels],
        description: describe(ctx, options, data, classes),
      };
    },
    figure: (data) => decisionBoundary(data, options),
  };
}

function classNames(
  ctx: RenderContext,
  options: DecisionBoundaryOptions,
  classes: number,
): string[] {
  return Array.from(
    { length: classes },
    (_, index) => options.classNames?.[index] ?? ctx.t('viz.class.name', { index }),
  );
}

function describe(
  ctx: RenderContext,
  options: DecisionBoundaryOptions,
  data: DecisionBoundaryData,
  classes: number,
): string {
  return ctx.ariaDescription(
    ctx.t('viz.boundary.ariaDescription', {
      count: data.points.length,
      classes: classNames(ctx, options, classes).join(', '),
    }),
  );
}

export function decisionBoundary(
  data: DecisionBoundaryData,
  options: DecisionBoundaryOptions = {},
): HTMLElement {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const { gridSize, extent } = data;
  const field = argmaxField(data.grid, gridSize);
  const classes = classCount(field, data.points);
  const names = classNames(ctx, options, classes);
  // Points and legend in the theme's class colours; the regions stay tinted in the base colours.
  const color = classScale(classes, names, ctx.theme);
  const regions = classScale(classes, names).range as string[];
  const size = options.size ?? 320;
  const chart = plot({
    document: ctx.doc,
    ariaLabel: ctx.ariaLabel(t('viz.boundary.ariaLabel')),
    ariaDescription: describe(ctx, options, data, classes),
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
      imageMark(boundaryPixels(field, gridSize, regions), gridSize, gridSize, {
        x1: extent.x[0],
        x2: extent.x[1],
        y1: extent.y[0],
        y2: extent.y[1],
      }),
      Plot.frame({ strokeOpacity: 0.3 }),
      Plot.dot(data.points, {
        x: 'x',
        y: 'y',
        fill: 'label',
        symbol: 'label',
        r: 4,
        // On a dark page a dark outline separates the light point from its region.
        stroke: ctx.theme === 'dark' ? DARK_BACKGROUND : 'currentColor',
        strokeWidth: ctx.theme === 'dark' ? 1 : 0.75,
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
