// A sequence model's output against the truth over time: the input window (if given) in a muted
// line, the target solid, the prediction dashed with dots, so they differ without colour.
import * as Plot from '@observablehq/plot';
import { createFigure } from './figure';
import { formatInteger, formatNumber, formatTick } from './format';
import { lineLegend, type LegendEntry } from './legend';
import { resolveContext, type VizOptions } from './options';
import { CATEGORICAL_COLORS } from './palette';
import { plot } from './plot';

export interface SequenceData {
  /** True values, at timesteps start, start + 1, … */
  target: ArrayLike<number>;
  /** Model output, aligned with target (may be shorter while a forecast grows). */
  prediction: ArrayLike<number>;
  /** The input window, at timesteps 0 … input.length - 1. */
  input?: ArrayLike<number>;
  /** Timestep of target[0]; default input.length (the forecast follows the window), else 0. */
  start?: number;
}

export interface SequenceChartOptions extends VizOptions {
  /** Default 480. */
  width?: number;
  /** Default 220. */
  height?: number;
}

interface Sample {
  step: number;
  value: number;
}

function samples(values: ArrayLike<number>, start: number): Sample[] {
  return Array.from(values, (value, i) => ({ step: start + i, value }));
}

/** Mean squared error over the aligned, finite pairs; NaN when there is none. */
export function meanSquaredError(target: ArrayLike<number>, prediction: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < Math.min(target.length, prediction.length); i++) {
    const d = (target[i] as number) - (prediction[i] as number);
    if (Number.isFinite(d)) {
      sum += d * d;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}

export function sequenceChart(data: SequenceData, options: SequenceChartOptions = {}): HTMLElement {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const start = data.start ?? data.input?.length ?? 0;
  const target = samples(data.target, start);
  const prediction = samples(data.prediction, start);
  const input = data.input === undefined ? [] : samples(data.input, 0);
  const [targetColor, predictionColor] = CATEGORICAL_COLORS as [string, string];
  const entries: LegendEntry[] = [
    ...(input.length > 0
      ? [{ label: t('viz.sequence.input'), color: 'currentColor', dash: '1,3' }]
      : []),
    { label: t('viz.sequence.target'), color: targetColor },
    { label: t('viz.sequence.prediction'), color: predictionColor, dash: '6,3', dot: true },
  ];
  const mse = meanSquaredError(data.target, data.prediction);
  const chart = plot({
    document: ctx.doc,
    ariaLabel: ctx.ariaLabel(t('viz.sequence.ariaLabel')),
    ariaDescription: ctx.ariaDescription(
      t('viz.sequence.ariaDescription', {
        count: start + Math.max(target.length, prediction.length),
        series: entries.map((e) => e.label).join(', '),
        mse: Number.isNaN(mse) ? '—' : formatNumber(mse, { maximumSignificantDigits: 3 }),
      }),
    ),
    width: options.width ?? 480,
    height: options.height ?? 220,
    marginLeft: 44,
    x: { label: t('viz.axis.timestep'), tickFormat: formatInteger, labelAnchor: 'right' },
    y: { label: t('viz.value'), tickFormat: formatTick },
    grid: true,
    marks: [
      Plot.line(input, {
        x: 'step',
        y: 'value',
        stroke: 'currentColor',
        strokeOpacity: 0.6,
        strokeDasharray: '1,3',
        strokeWidth: 1.5,
      }),
      Plot.line(target, { x: 'step', y: 'value', stroke: targetColor, strokeWidth: 2 }),
      Plot.line(prediction, {
        x: 'step',
        y: 'value',
        stroke: predictionColor,
        strokeWidth: 1.5,
        strokeDasharray: '6,3',
      }),
      Plot.dot(prediction, { x: 'step', y: 'value', fill: predictionColor, r: 2 }),
    ],
  });
  const figure = createFigure(ctx.doc, 'sequence-chart');
  figure.append(lineLegend(ctx.doc, entries), chart);
  return figure;
}
