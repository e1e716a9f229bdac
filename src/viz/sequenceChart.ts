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
  /** The x axis title; default "passo de tempo" (a chart over test sequences says so instead). */
  xLabel?: string;
}

interface Sample {
  step: number;
  value: number;
}

const INPUT_DASH = '2,3';

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
  // A one-step forecast is a single target value: a line of one point draws nothing, so a short
  // target gets dots, and both target and prediction continue from the window's last value.
  const targetDots = target.length < 3;
  const lastInput = input.at(-1);
  const joined = (list: Sample[]) =>
    lastInput !== undefined && list.length > 0 && list[0]?.step === lastInput.step + 1
      ? [lastInput, ...list]
      : list;
  const entries: LegendEntry[] = [
    ...(input.length > 0
      ? [{ label: t('viz.sequence.input'), color: 'currentColor', dash: INPUT_DASH }]
      : []),
    { label: t('viz.sequence.target'), color: targetColor, ...(targetDots ? { dot: true } : {}) },
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
    // Room past the last step, so the final dot is not cut by the frame.
    marginRight: 16,
    x: {
      label: options.xLabel ?? t('viz.axis.timestep'),
      tickFormat: formatInteger,
      labelAnchor: 'right',
      insetRight: 6,
      insetLeft: 2,
    },
    y: { label: t('viz.value'), tickFormat: formatTick },
    grid: true,
    marks: [
      // The window in the text colour at full strength: at 0.6 opacity its dots faded on a dark page.
      Plot.line(input, {
        x: 'step',
        y: 'value',
        stroke: 'currentColor',
        strokeOpacity: 0.85,
        strokeDasharray: INPUT_DASH,
        strokeWidth: 2,
      }),
      Plot.line(joined(target), { x: 'step', y: 'value', stroke: targetColor, strokeWidth: 2 }),
      ...(targetDots ? [Plot.dot(target, { x: 'step', y: 'value', fill: targetColor, r: 4 })] : []),
      Plot.line(joined(prediction), {
        x: 'step',
        y: 'value',
        stroke: predictionColor,
        strokeWidth: 1.75,
        strokeDasharray: '6,3',
      }),
      Plot.dot(prediction, {
        x: 'step',
        y: 'value',
        fill: predictionColor,
        r: prediction.length < 3 ? 4 : 2.5,
        stroke: 'currentColor',
        strokeWidth: prediction.length < 3 ? 1 : 0,
      }),
    ],
  });
  const figure = createFigure(ctx.doc, 'sequence-chart');
  figure.append(lineLegend(ctx.doc, entries), chart);
  return figure;
}
