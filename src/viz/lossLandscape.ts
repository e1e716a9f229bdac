// The loss of a two-parameter model over a (w1, w2) window as filled contours, with the path the
// optimizer took drawn on top: a line through every step, the start ringed, the latest point
// large and labelled.
import * as Plot from '@observablehq/plot';
import { createFigure } from './figure';
import { formatNumber, formatTick } from './format';
import { checkGrid, type Range } from './grid';
import { colorLegend, chartWidth } from './heatmap';
import { resolveContext, type VizOptions } from './options';
import { CATEGORICAL_COLORS, sequentialScale } from './palette';
import { extent } from './tensor';
import { plot } from './plot';

const CORE = '#ffffff';
const CASING = '#1b1b1f';

export interface LossSurface {
  /** Loss at gridPoints(gridSize, extent.w1, extent.w2): [gridSize²], row i = w2, column j = w1. */
  values: ArrayLike<number>;
  gridSize: number;
  extent: { w1: Range; w2: Range };
}

export interface PathPoint {
  w1: number;
  w2: number;
}

export interface LossLandscapeOptions extends VizOptions {
  /** Number of contour levels (a hint) or explicit levels; default 12. */
  thresholds?: number | readonly number[];
  /** Plot area side in pixels (default 320). */
  size?: number;
  /** Show the loss legend (default true). */
  legend?: boolean;
}

export function lossLandscape(
  surface: LossSurface,
  path: readonly PathPoint[],
  options: LossLandscapeOptions = {},
): HTMLElement {
  checkGrid(surface.values, surface.gridSize, 'lossLandscape');
  const ctx = resolveContext(options);
  const { t } = ctx;
  const { gridSize, extent: box } = surface;
  const [lo, hi] = extent(surface.values);
  const color = sequentialScale([lo, hi > lo ? hi : lo + 1], 'viridis');
  const size = options.size ?? 320;
  const last = path.at(-1);
  const first = path[0];
  const accent = CATEGORICAL_COLORS[1] as string;
  const thresholds = options.thresholds ?? 12;
  const chart = plot({
    document: ctx.doc,
    ariaLabel: ctx.ariaLabel(t('viz.landscape.ariaLabel')),
    ariaDescription: ctx.ariaDescription(
      t('viz.landscape.ariaDescription', {
        min: formatNumber(lo),
        max: formatNumber(hi),
        count: path.length,
        w1: last === undefined ? '—' : formatNumber(last.w1),
        w2: last === undefined ? '—' : formatNumber(last.w2),
      }),
    ),
    width: size + 48,
    height: size + 52,
    marginLeft: 40,
    marginRight: 8,
    marginTop: 20,
    marginBottom: 32,
    x: { domain: [...box.w1], tickFormat: formatTick, label: 'w1' },
    y: { domain: [...box.w2], tickFormat: formatTick, label: 'w2' },
    color,
    marks: [
      Plot.contour(surface.values, {
        width: gridSize,
        height: gridSize,
        x1: box.w1[0],
        x2: box.w1[1],
        y1: box.w2[0],
        y2: box.w2[1],
        fill: Plot.identity,
        // The samples already sit one per grid cell; the default ("nearest") would triangulate
        // all of them (Delaunay) on every redraw to find what it already knows.
        interpolate: 'none',
        thresholds: typeof thresholds === 'number' ? thresholds : [...thresholds],
        stroke: 'currentColor',
        strokeOpacity: 0.25,
        strokeWidth: 0.5,
      }),
      // The path sits on colours from dark purple to yellow in light and dark pages alike, so it
      // is drawn white over a dark casing (a map-style halo) rather than in currentColor.
      Plot.line(path, { x: 'w1', y: 'w2', stroke: CASING, strokeWidth: 3.5, clip: 'frame' }),
      Plot.line(path, { x: 'w1', y: 'w2', stroke: CORE, strokeWidth: 1.5, clip: 'frame' }),
      Plot.dot(path, { x: 'w1', y: 'w2', r: 2, fill: CORE, stroke: CASING, clip: 'frame' }),
      Plot.dot(first === undefined ? [] : [first], {
        x: 'w1',
        y: 'w2',
        r: 5,
        stroke: CORE,
        strokeWidth: 2,
        clip: 'frame',
      }),
      Plot.dot(last === undefined ? [] : [last], {
        x: 'w1',
        y: 'w2',
        r: 6,
        fill: accent,
        stroke: CORE,
        strokeWidth: 2,
        clip: 'frame',
      }),
      Plot.text(last === undefined ? [] : [last], {
        x: 'w1',
        y: 'w2',
        text: () => t('viz.landscape.current'),
        dx: 10,
        textAnchor: 'start',
        fill: CORE,
        stroke: CASING,
        strokeWidth: 3,
        fontWeight: 'bold',
        clip: 'frame',
      }),
      Plot.frame({ strokeOpacity: 0.3 }),
    ],
  });
  const figure = createFigure(ctx.doc, 'loss-landscape');
  figure.append(chart);
  if (options.legend ?? true) {
    figure.append(colorLegend(ctx.doc, color, t('viz.landscape.loss'), chartWidth(chart)));
  }
  return figure;
}
