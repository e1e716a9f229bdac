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
import { mosaicSvg, tileCellSize } from './mosaic';
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

export function weightHeatmap(
  weights: WeightTensor,
  options: WeightHeatmapOptions = {},
): HTMLElement {
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
  // The scale spans what is drawn: a channel mean is smaller than the raw weights.
  const drawnMax = filters === null ? undefined : Math.max(...filters.map((f) => maxAbs(f.values)));
  const domain = symmetricDomain(weights.values, options.domainMax ?? drawnMax);
  const color = divergingScale(domain, scheme);
  const maxWidth = options.maxWidth ?? 640;
  const { t } = ctx;
  const shape = formatShape(weights.shape);
  const label = ctx.ariaLabel(t('viz.weights.ariaLabel', { name: weights.name ?? '', shape }));
  const [lo, hi] = extent(weights.values);
  const summary = [
    t('viz.colour.description', {
      negative: t(`viz.colour.${scheme}.negative`),
      positive: t(`viz.colour.${scheme}.positive`),
      min: formatNumber(domain[0]),
      max: formatNumber(domain[1]),
    }),
    t('viz.weights.range', { lo: formatNumber(lo), hi: formatNumber(hi) }),
  ].join(' ');
  const common: Common = {
    ctx,
    options,
    color,
    ariaLabel: label,
    describe: (text) => ctx.ariaDescription(`${text} ${summary}`),
  };

  const chart =
    filters === null
      ? drawMatrix(weights, layout, maxWidth, common)
      : drawFilters(weights, filters, layout === 'conv2d', channel, common);

  const figure = createFigure(ctx.doc, 'weight-heatmap');
  figure.setAttribute('data-layout', layout);
  figure.append(chart);
  if (options.legend ?? true) {
    const legendLabel = t('viz.sign.legend', { label: t('viz.weights.value') });
    figure.append(colorLegend(ctx.doc, color, legendLabel, chartWidth(chart)));
  }
  return figure;
}

/** What both views share, normalized once in weightHeatmap. */
interface Common {
  ctx: RenderContext;
  options: WeightHeatmapOptions;
  color: Plot.ScaleOptions;
  ariaLabel: string;
  describe: (text: string) => string;
}

function drawMatrix(
  weights: WeightTensor,
  layout: WeightLayout,
  maxWidth: number,
  { ctx, options, color, ariaLabel, describe }: Common,
): SVGSVGElement | HTMLElement {
  const { t } = ctx;
  const rows = weights.shape.length === 2 ? (weights.shape[0] as number) : 1;
  const cols = weights.shape.length === 2 ? (weights.shape[1] as number) : weights.values.length;
  const cellSize = options.cellSize ?? fitCellSize(cols, maxWidth - 44);
  // Many inputs (784 pixels) would make a page-long strip: squash rows, keep columns readable.
  const rowHeight = Math.max(0.5, Math.min(cellSize, (options.maxHeight ?? 480) / rows));
  const units = cols / 4;
  const lstm = layout === 'lstm';
  const x: AxisSpec = lstm ? gateAxis(units, t) : indexAxis(t('viz.axis.unit'), cols, cellSize);
  // Row labels are short and stacked, so they can sit closer than column labels.
  const y = rows > 1 ? indexAxis(t('viz.axis.input'), rows, rowHeight, 14) : null;
  const text = lstm
    ? t('viz.weights.lstm', { rows, cols, units })
    : layout === 'dense'
      ? t('viz.weights.dense', { rows, cols })
      : // A rank-1 weight is a bias unless the snapshot says it is something else.
        t(
          weights.kind === undefined || weights.kind === 'bias'
            ? 'viz.weights.bias'
            : 'viz.weights.vector',
          { cols },
        );
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
    ariaDescription: describe(text),
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
  weights: WeightTensor,
  matrices: Matrix[],
  conv2d: boolean,
  channel: number | 'mean',
  { ctx, options, color, ariaLabel, describe }: Common,
): SVGSVGElement | HTMLElement {
  const { t } = ctx;
  const tiles = matrices.map((m, index) => ({ ...m, label: t('viz.weights.filter', { index }) }));
  const [k0 = 0, k1 = 0, inC = 0] = weights.shape;
  const text = conv2d
    ? t('viz.weights.conv2d', {
        count: tiles.length,
        kh: k0,
        kw: k1,
        channel:
          channel === 'mean'
            ? t('viz.weights.channel.mean', { channels: inC })
            : t('viz.weights.channel.one', { channel, channels: inC }),
      })
    : t('viz.weights.conv1d', { count: tiles.length, k: k0, channels: k1 });
  const first = tiles[0];
  if (first === undefined) throw new RangeError('weightHeatmap: kernel has no filters');
  const cellSize = options.cellSize ?? tileCellSize(first);
  const chart = mosaicSvg({
    doc: ctx.doc,
    tiles,
    color,
    cellSize,
    maxWidth: options.maxWidth ?? 640,
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    ariaLabel,
    ariaDescription: describe(text),
  });
  return chart;
}
