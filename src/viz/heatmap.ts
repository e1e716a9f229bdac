// The one renderer under every heatmap: a row-major matrix drawn as a raster inside Plot (see
// raster.ts), one cell per value, row 0 at the top (as a matrix is written), NaN transparent.
import * as Plot from '@observablehq/plot';
import { createNumberFormat, formatInteger, formatTick } from './format';

const endFormat = createNumberFormat({ maximumSignificantDigits: 2 });
import { thinTicks, textWidth } from './dodge';
import { continuousLookup, imageMark, rasterize } from './raster';
import type { Matrix } from './tensor';
import { legend, plot } from './plot';

export interface AxisSpec {
  label: string;
  /** Tick positions in cell coordinates (cell i spans [i, i + 1]; its centre is i + 0.5). */
  ticks: number[];
  /** Tick text for a position. */
  format: (position: number) => string;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface HeatmapSpec {
  doc: Document;
  matrix: Matrix;
  color: Plot.ScaleOptions;
  /** Pixels per cell side, or [width, height] for non-square cells. */
  cellSize: number | readonly [number, number];
  /** Column axis, drawn on top; null hides it. */
  x: AxisSpec | null;
  /** Row axis, drawn on the left; null hides it. */
  y: AxisSpec | null;
  /** Overlays in cell coordinates: x in [0, cols], y in [0, rows]. */
  marks?: Plot.Markish[];
  margins?: Partial<Margins>;
  ariaLabel: string;
  ariaDescription: string;
}

/** ≤ maxTicks indices 0, k, 2k, … with a 1-2-5 step, enough to read any cell's position. */
export function indexTicks(n: number, maxTicks: number): number[] {
  const raw = Math.max(1, n / Math.max(1, maxTicks));
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; i < n; i += step) ticks.push(i);
  return ticks;
}

/** An axis over n cells, ticking 0-based indices (as in code) about every `spacing` pixels. */
export function indexAxis(label: string, n: number, cellSize: number, spacing = 28): AxisSpec {
  return {
    label,
    ticks: indexTicks(n, Math.max(1, Math.floor((n * cellSize) / spacing))).map((i) => i + 0.5),
    format: (position) => formatInteger(Math.floor(position)),
  };
}

/** A cell size that fits `cols` cells in `maxWidth`, within [min, max] pixels. */
export function fitCellSize(cols: number, maxWidth: number, min = 2, max = 24): number {
  return Math.max(min, Math.min(max, Math.floor(maxWidth / Math.max(1, cols))));
}

function axisOptions(spec: AxisSpec | null, n: number): Plot.ScaleOptions {
  const domain: [number, number] = [0, n];
  if (spec === null) return { domain, axis: null };
  return {
    domain,
    ticks: spec.ticks,
    tickFormat: spec.format,
    tickSize: 3,
    label: spec.label === '' ? null : spec.label,
    labelArrow: 'none',
  };
}

export function heatmapSvg(spec: HeatmapSpec): SVGSVGElement | HTMLElement {
  const { doc, matrix } = spec;
  const [cellW, cellH] = minViewCells(
    typeof spec.cellSize === 'number' ? [spec.cellSize, spec.cellSize] : spec.cellSize,
    matrix,
  );
  const margins: Margins = {
    top: spec.x === null ? 4 : 32,
    right: 4,
    bottom: 4,
    left: spec.y === null ? 4 : 40,
    ...spec.margins,
  };
  // Both axis titles sit on the top line: the row title from the left edge, the column title
  // ending at the right edge. A narrow matrix gets a wider right margin so they never meet.
  const titles = axisTitlesWidth(spec.x, spec.y);
  const plain = margins.left + matrix.cols * cellW + margins.right;
  if (titles > plain) margins.right += titles - plain;
  const width = margins.left + matrix.cols * cellW + margins.right;
  const height = margins.top + matrix.rows * cellH + margins.bottom;
  return plot({
    document: doc,
    ariaLabel: spec.ariaLabel,
    ariaDescription: spec.ariaDescription,
    width,
    height,
    marginTop: margins.top,
    marginRight: margins.right,
    marginBottom: margins.bottom,
    marginLeft: margins.left,
    style: { overflow: 'visible' },
    x: {
      ...axisOptions(spec.x, matrix.cols),
      axis: spec.x === null ? null : 'top',
      ...(titles > 0 ? { labelAnchor: 'right' as const } : {}),
    },
    // reverse: row 0 at the top, as the matrix is written.
    y: { ...axisOptions(spec.y, matrix.rows), reverse: true },
    color: { ...spec.color, tickFormat: formatTick },
    marks: [
      imageMark(rasterize(matrix, continuousLookup(spec.color)), matrix.cols, matrix.rows, {
        x1: 0,
        x2: matrix.cols,
        y1: 0,
        y2: matrix.rows,
      }),
      ...(spec.marks ?? []),
    ],
  });
}

/** Smallest side of a drawn matrix in pixels: a (1, 64) kernel is a strip 24 px tall, not 5. */
export const MIN_VIEW_PX = 24;

/** Cell sizes grown (never shrunk) so the matrix covers at least MIN_VIEW_PX each way. */
export function minViewCells(
  [w, h]: readonly [number, number],
  { rows, cols }: { rows: number; cols: number },
): [number, number] {
  return [
    Math.max(w, MIN_VIEW_PX / Math.max(1, cols)),
    Math.max(h, MIN_VIEW_PX / Math.max(1, rows)),
  ];
}

/** Width the two top-line axis titles need side by side (0 unless both axes are titled). */
export function axisTitlesWidth(x: AxisSpec | null, y: AxisSpec | null): number {
  if (x === null || y === null || x.label === '' || y.label === '') return 0;
  return textWidth(y.label) + TITLE_GAP + textWidth(x.label) + 4;
}

const TITLE_GAP = 10;

/**
 * A colour ramp for the chart's scale, at most as wide as the chart: its title (e.g.
 * "← negativo · peso · positivo →") is HTML above the ramp, so it wraps on a narrow view instead
 * of being cut at the svg's edge, and the ticks are thinned until their labels fit.
 */
export function colorLegend(
  doc: Document,
  color: Plot.ScaleOptions,
  label: string,
  width: number,
): HTMLElement {
  const allTicks = divergingTicks(color);
  const format = allTicks === undefined ? formatTick : endFormat;
  const domain = Array.isArray(color.domain) ? (color.domain as unknown[]) : [];
  // Plot centres tick labels on the ramp's ends; a margin of half the end label keeps it inside
  // the svg box (Plot's default margins are 0, so "−0,53" stuck out by half its width).
  const overhang = (end: unknown): number =>
    typeof end === 'number' ? Math.ceil(textWidth(format(end)) / 2) + 1 : 0;
  const marginLeft = overhang(domain[0]);
  const marginRight = overhang(domain[domain.length - 1]);
  const legendWidth = Math.max(LEGEND_MIN_WIDTH, Math.min(320, width));
  const ticks =
    allTicks === undefined
      ? undefined
      : thinTicks(allTicks, endFormat, legendWidth - marginLeft - marginRight);
  const ramp = legend({
    document: doc,
    color:
      ticks === undefined
        ? { ...color, label: null, tickFormat: formatTick }
        : { ...color, label: null, ticks, tickFormat: endFormat },
    width: legendWidth,
    marginLeft,
    marginRight,
    marginTop: 4,
    height: 34,
  });
  const box = doc.createElement('div');
  box.setAttribute('class', 'anatomia-viz-ramp');
  // The title may run a little past a narrow ramp before it wraps (a whole "← negativo · peso ·
  // positivo →" reads better on one line).
  box.setAttribute('style', `max-width: ${Math.max(legendWidth, 184)}px`);
  const title = doc.createElement('div');
  title.setAttribute('class', 'anatomia-viz-ramp-title');
  title.setAttribute('style', 'font: 600 10px system-ui, sans-serif; margin-top: 2px');
  title.textContent = label;
  box.append(title, ramp);
  return box;
}

/** The narrowest ramp: 140 px holds three labels such as "-0,081", "0", "0,081". */
const LEGEND_MIN_WIDTH = 140;

/** The pixel width Plot gave a chart (its width attribute). */
export function chartWidth(chart: Element): number {
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  return Number(svg?.getAttribute('width') ?? 0);
}

/**
 * A diverging ramp is labelled at its ends and middle, so both the sign and the scale read off
 * it; d3's "nice" ticks can leave a lone "0" on a narrow ramp.
 */
function divergingTicks(color: Plot.ScaleOptions): number[] | undefined {
  if (color.type !== 'diverging' || !Array.isArray(color.domain)) return undefined;
  const [lo, hi] = color.domain as number[];
  if (lo === undefined || hi === undefined) return undefined;
  return [lo, lo / 2, 0, hi / 2, hi];
}
