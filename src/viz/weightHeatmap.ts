// A weight tensor as a diverging heatmap centred on zero, laid out by what the tensor is:
// Dense kernel [in, out] as a matrix, bias [units] as a strip, Conv2D kernel [kh, kw, inC, outC]
// and Conv1D kernel [k, inC, outC] as a grid of per-filter tiles, LSTM kernels [in, 4·units] as a
// matrix split into its i, f, c, o gate blocks (tfjs-layers order).
import * as Plot from '@observablehq/plot';
import type { WeightKind } from '../core/types';
import { createFigure } from './figure';
import { formatNumber, formatShape } from './format';
import {
  chartWidth,
  colorLegend,
  fitCellSize,
  heatmapSvg,
  indexAxis,
  type AxisSpec,
} from './heatmap';
import type { Labeler } from './labels';
import { stickyMax, type LiveRenderer } from './live';
import { mosaicGeometry, mosaicSvg, tileCellSize, type Tile } from './mosaic';
import { continuousLookup, rasterize } from './raster';
import { resolveContext, type RenderContext, type VizOptions } from './options';
import { divergingScale, maxAbs, symmetricDomain, type DivergingScheme } from './palette';
import {
  checkTensor,
  conv1dFilters,
  conv2dFilters,
  extent,
  type Matrix,
  type TensorData,
} from './tensor';

/** A weight as the core snapshots it (WeightSnapshot fits), or any shape + values. */
export interface WeightTensor extends TensorData {
  /** e.g. "dense_1/kernel"; shown in the accessible name, and "lstm" in it selects the LSTM view. */
  name?: string;
  kind?: WeightKind;
}

export type WeightLayout = 'dense' | 'bias' | 'conv1d' | 'conv2d' | 'lstm';

export interface WeightHeatmapOptions extends VizOptions {
  /** How to read the shape; default from rank (1 bias, 2 dense, 3 conv1d, 4 conv2d; LSTM by name). */
  layout?: WeightLayout | 'auto';
  /** Conv2D: which input channel each filter tile shows, or their mean (default 0). */
  channel?: number | 'mean';
  /** Default 'RdBu' (negative red, positive blue). */
  scheme?: DivergingScheme;
  /** Pins the colour scale to [-domainMax, domainMax]; default max |w| of this tensor. */
  domainMax?: number;
  /** Pixels per weight; default fitted to maxWidth. */
  cellSize?: number;
  /** Default 640. */
  maxWidth?: number;
  /** Dense/LSTM matrices taller than this get flatter rows (e.g. a [784, 10] kernel); default 480. */
  maxHeight?: number;
  /** Conv filters per row; default as many as fit. */
  columns?: number;
  /** Show the sign/scale legend (default true). */
  legend?: boolean;
}

/** Which view a tensor gets; exported so labs can show it beside the chart. */
export function resolveLayout(weights: WeightTensor, layout: WeightLayout | 'auto'): WeightLayout {
  if (layout !== 'auto') return layout;
  const rank = weights.shape.length;
  const lstm = /lstm/i.test(weights.name ?? '');
  if (rank <= 1) return lstm && (weights.shape[0] ?? 0) % 4 === 0 ? 'lstm' : 'bias';
  if (rank === 2) return lstm && (weights.shape[1] ?? 0) % 4 === 0 ? 'lstm' : 'dense';
  if (rank === 3) return 'conv1d';
  if (rank === 4) return 'conv2d';
  throw new RangeError(`weightHeatmap: no view for rank ${rank} (shape [${weights.shape}])`);
}

const RANKS: Record<WeightLayout, number[]> = {
  dense: [2],
  bias: [0, 1],
  conv1d: [3],
  conv2d: [4],
  lstm: [1, 2],
};

/** What a weight view draws, worked out once and shared by the static and the live renderer. */
interface Prepared {
  ctx: RenderContext;
  layout: WeightLayout;
  scheme: DivergingScheme;
  channel: number | 'mean';
  /** Per-filter matrices for conv layouts; null for matrix layouts. */
  filters: Matrix[] | null;
  domain: [number, number];
  color: Plot.ScaleOptions;
  /** The largest |value| drawn (a channel mean is smaller than the raw weights). */
  drawnMax: number;
}

function prepare(weights: WeightTensor, options: WeightHeatmapOptions): Prepared {
  checkTensor(weights, 'weightHeatmap');
  const ctx = resolveContext(options);
  const layout = resolveLayout(weights, options.layout ?? 'auto');
  if (!RANKS[layout].includes(weights.shape.length)) {
    throw new RangeError(
      `weightHeatmap: layout ${layout} needs rank ${RANKS[layout].join(' or ')}`,
    );
  }
  const scheme = options.scheme ?? 'RdBu';
  const channel = options.channel ?? 0;
  const filters =
    layout === 'conv2d'
      ? conv2dFilters(weights, channel)
      : layout === 'conv1d'
        ? conv1dFilters(weights)
        : null;
  const drawnMax =
    filters === null ? maxAbs(weights.values) : Math.max(...filters.map((f) => maxAbs(f.values)));
  // The scale spans what is drawn.
  const domain = symmetricDomain(weights.values, options.domainMax ?? drawnMax);
  return {
    ctx,
    layout,
    scheme,
    channel,
    filters,
    domain,
    color: divergingScale(domain, scheme, ctx.theme),
    drawnMax,
  };
}

/** The chart's description: what the layout shows, then its colours and value range. */
function describeWeights(weights: WeightTensor, p: Prepared): string {
  const { t } = p.ctx;
  const [lo, hi] = extent(weights.values);
  const summary = [
    t('viz.colour.description', {
      negative: t(`viz.colour.${p.scheme}.negative`),
      positive: t(`viz.colour.${p.scheme}.positive`),
      min: formatNumber(p.domain[0]),
      max: formatNumber(p.domain[1]),
    }),
    t('viz.weights.range', { lo: formatNumber(lo), hi: formatNumber(hi) }),
  ].join(' ');
  return p.ctx.ariaDescription(`${layoutText(weights, p)} ${summary}`);
}

export function weightHeatmap(
  weights: WeightTensor,
  options: WeightHeatmapOptions = {},
): HTMLElement {
  const p = prepare(weights, options);
  const { ctx, color, layout } = p;
  const { t } = ctx;
  const shape = formatShape(weights.shape);
  const common: Common = {
    ctx,
    options,
    color,
    ariaLabel: ctx.ariaLabel(t('viz.weights.ariaLabel', { name: weights.name ?? '', shape })),
    ariaDescription: describeWeights(weights, p),
  };

  const chart =
    p.filters === null
      ? drawMatrix(weights, layout, options.maxWidth ?? 640, common)
      : drawFilters(p.filters, common);

  const figure = createFigure(ctx.doc, 'weight-heatmap');
  figure.setAttribute('data-layout', layout);
  figure.append(chart);
  if (options.legend ?? true) {
    const legendLabel = t('viz.sign.legend', { label: t('viz.weights.value') });
    figure.append(colorLegend(ctx.doc, color, legendLabel, chartWidth(chart)));
  }
  return figure;
}

/**
 * weightHeatmap as a live renderer (see live.ts): between rebuilds only the cells' colours
 * change. The colour scale is a 1-2-5 ceiling of max |w| that holds while the weights stay
 * within it (stickyMax), so the legend is rebuilt a handful of times in a run, not every frame.
 */
export function liveWeightHeatmap(options: WeightHeatmapOptions = {}): LiveRenderer<WeightTensor> {
  return {
    model(weights, previous) {
      const p = prepare(weights, options);
      const max = options.domainMax ?? stickyMax(p.drawnMax, previous?.domains?.[0]);
      p.domain = [-max, max];
      p.color = divergingScale(p.domain, p.scheme, p.ctx.theme);
      const matrix =
        p.filters === null
          ? matrixOf(weights)
          : mosaicGeometry(
              filterTiles(p.filters, p.ctx.t),
              options.cellSize ?? tileCellSize(p.filters[0] as Matrix),
              options.maxWidth ?? 640,
              options.columns,
            );
      return {
        key: [
          p.layout,
          weights.shape.join('x'),
          max,
          p.channel,
          weights.name ?? '',
          p.ctx.theme,
        ].join('|'),
        rasters: [rasterize(matrix, continuousLookup(p.color))],
        description: describeWeights(weights, p),
        domains: [max],
      };
    },
    figure: (weights, model) =>
      weightHeatmap(weights, { ...options, domainMax: model.domains?.[0] ?? 1 }),
  };
}

/** A matrix layout's cells: [in, out] as it is, a vector as one row. */
function matrixOf(weights: WeightTensor): Matrix {
  const rows = weights.shape.length === 2 ? (weights.shape[0] as number) : 1;
  const cols = weights.shape.length === 2 ? (weights.shape[1] as number) : weights.values.length;
  return { rows, cols, values: weights.values };
}

function layoutText(weights: WeightTensor, { ctx, layout, channel, filters }: Prepared): string {
  const { t } = ctx;
  const { rows, cols } = matrixOf(weights);
  if (filters !== null) {
    const [k0 = 0, k1 = 0, inC = 0] = weights.shape;
    return layout === 'conv2d'
      ? t('viz.weights.conv2d', {
          count: filters.length,
          kh: k0,
          kw: k1,
          channel:
            channel === 'mean'
              ? t('viz.weights.channel.mean', { channels: inC })
              : t('viz.weights.channel.one', { channel, channels: inC }),
        })
      : t('viz.weights.conv1d', { count: filters.length, k: k0, channels: k1 });
  }
  if (layout === 'lstm') return t('viz.weights.lstm', { rows, cols, units: cols / 4 });
  if (layout === 'dense') return t('viz.weights.dense', { rows, cols });
  // A rank-1 weight is a bias unless the snapshot says it is something else.
  return t(
    weights.kind === undefined || weights.kind === 'bias'
      ? 'viz.weights.bias'
      : 'viz.weights.vector',
    { cols },
  );
}

function filterTiles(filters: readonly Matrix[], t: Labeler): Tile[] {
  return filters.map((m, index) => ({ ...m, label: t('viz.weights.filter', { index }) }));
}

/** What both views share, normalized once in weightHeatmap. */
interface Common {
  ctx: RenderContext;
  options: WeightHeatmapOptions;
  color: Plot.ScaleOptions;
  ariaLabel: string;
  ariaDescription: string;
}

function drawMatrix(
  weights: WeightTensor,
  layout: WeightLayout,
  maxWidth: number,
  { ctx, options, color, ariaLabel, ariaDescription }: Common,
): SVGSVGElement | HTMLElement {
  const { t } = ctx;
  const { rows, cols } = matrixOf(weights);
  const cellSize = options.cellSize ?? fitCellSize(cols, maxWidth - 44);
  // Many inputs (784 pixels) would make a page-long strip: squash rows, keep columns readable.
  const rowHeight = Math.max(0.5, Math.min(cellSize, (options.maxHeight ?? 480) / rows));
  const units = cols / 4;
  const lstm = layout === 'lstm';
  const x: AxisSpec = lstm ? gateAxis(units, t) : indexAxis(t('viz.axis.unit'), cols, cellSize);
  // Row labels are short and stacked, so they can sit closer than column labels.
  const y = rows > 1 ? indexAxis(t('viz.axis.input'), rows, rowHeight, 14) : null;
  // Block separators sit on red, white and blue cells alike, in light and dark pages: a white
  // line on a dark casing shows on all of them.
  const bounds = [units, 2 * units, 3 * units];
  const marks: Plot.Markish[] = lstm
    ? [
        Plot.ruleX(bounds, { stroke: '#1b1b1f', strokeWidth: 3 }),
        Plot.ruleX(bounds, { stroke: '#ffffff', strokeWidth: 1 }),
      ]
    : [];
  const chart = heatmapSvg({
    doc: ctx.doc,
    matrix: { rows, cols, values: weights.values },
    color,
    cellSize: [cellSize, rowHeight],
    x,
    y,
    marks,
    margins: y === null ? { left: 4 } : {},
    ariaLabel,
    ariaDescription,
  });
  return chart;
}

/** Ticks at the centre of each gate block, named in pt-BR. */
function gateAxis(units: number, t: Labeler): AxisSpec {
  const names = [
    t('viz.lstm.block.i'),
    t('viz.lstm.block.f'),
    t('viz.lstm.block.c'),
    t('viz.lstm.block.o'),
  ];
  return {
    label: '',
    ticks: [0, 1, 2, 3].map((g) => (g + 0.5) * units),
    format: (position) => names[Math.floor(position / units)] ?? '',
  };
}

function drawFilters(
  filters: readonly Matrix[],
  { ctx, options, color, ariaLabel, ariaDescription }: Common,
): SVGSVGElement | HTMLElement {
  const first = filters[0];
  if (first === undefined) throw new RangeError('weightHeatmap: kernel has no filters');
  return mosaicSvg({
    doc: ctx.doc,
    tiles: filterTiles(filters, ctx.t),
    color,
    cellSize: options.cellSize ?? tileCellSize(first),
    maxWidth: options.maxWidth ?? 640,
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    ariaLabel,
    ariaDescription,
  });
}
