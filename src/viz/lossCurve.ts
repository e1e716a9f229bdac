// Loss or accuracy per training step, one line per series ("treino", "teste"), each with its
// own colour and dash, the latest value written at the end of its line.
import * as Plot from '@observablehq/plot';
import { createFigure } from './figure';
import { formatInteger, formatNumber, formatPercent, formatTick } from './format';
import { lineLegend } from './legend';
import { resolveContext } from './options';
import type { VizOptions } from './options';
import { CATEGORICAL_COLORS } from './palette';
import { plot } from './plot';

export interface CurvePoint {
  step: number;
  value: number;
  /** Series name as displayed, usually 'treino' or 'teste'. */
  series: string;
}

export type CurveMetric = 'loss' | 'accuracy';

export interface LossCurveOptions extends VizOptions {
  /** 'loss' (default) or 'accuracy' (y in [0, 1], shown as %). */
  metric?: CurveMetric;
  /** Series order (colour and dash follow it); default ['treino', 'teste'] then any others. */
  series?: readonly string[];
  /** Log-scale y (loss only, all values > 0). */
  logY?: boolean;
  /** Default 480. */
  width?: number;
  /** Default 240. */
  height?: number;
}

const DASHES = [undefined, '6,3', '2,3', '8,3,2,3'];

export function lossCurve(
  points: readonly CurvePoint[],
  options: LossCurveOptions = {},
): HTMLElement {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const metric = options.metric ?? 'loss';
  const accuracy = metric === 'accuracy';
  const names = seriesOrder(
    points,
    options.series ?? [t('viz.series.treino'), t('viz.series.teste')],
  );
  const metricLabel = t(accuracy ? 'viz.axis.accuracy' : 'viz.axis.loss');
  const format = accuracy
    ? (v: number) => formatPercent(v, 1)
    : (v: number) => formatNumber(v, { maximumSignificantDigits: 3 });
  const style = (i: number) => ({
    color: CATEGORICAL_COLORS[i % CATEGORICAL_COLORS.length] as string,
    dash: DASHES[i % DASHES.length],
  });

  const marks: Plot.Markish[] = [Plot.ruleY(accuracy ? [0, 1] : [], { strokeOpacity: 0.2 })];
  const lasts: string[] = [];
  names.forEach((name, i) => {
    const data = points.filter((p) => p.series === name);
    const { color, dash } = style(i);
    marks.push(
      Plot.line(data, {
        x: 'step',
        y: 'value',
        stroke: color,
        strokeWidth: 1.75,
        ...(dash === undefined ? {} : { strokeDasharray: dash }),
      }),
    );
    const last = data.findLast((p) => Number.isFinite(p.value));
    if (last !== undefined) {
      marks.push(
        Plot.dot([last], { x: 'step', y: 'value', fill: color, r: 3 }),
        Plot.text([last], {
          x: 'step',
          y: 'value',
          text: (p: CurvePoint) => format(p.value),
          textAnchor: 'start',
          dx: 6,
          fill: 'currentColor',
        }),
      );
      lasts.push(
        t('viz.curve.last', {
          series: name,
          value: format(last.value),
          step: formatInteger(last.step),
        }),
      );
    }
  });
  if (points.length === 0) {
    marks.push(Plot.text([t('viz.curve.empty')], { frameAnchor: 'middle', fill: 'currentColor' }));
  }

  const chart = plot({
    document: ctx.doc,
    ariaLabel: ctx.ariaLabel(t('viz.curve.ariaLabel', { metric: metricLabel })),
    ariaDescription: ctx.ariaDescription(
      t('viz.curve.ariaDescription', {
        series: lasts.length > 0 ? lasts.join('; ') : t('viz.curve.empty'),
        metric: metricLabel,
      }),
    ),
    width: options.width ?? 480,
    height: options.height ?? 240,
    marginRight: 56,
    marginLeft: 48,
    x: {
      label: t('viz.axis.step'),
      tickFormat: formatInteger,
      labelAnchor: 'right',
      ...(points.length === 0 ? { domain: [0, 1] } : {}),
    },
    y: accuracy
      ? { label: metricLabel, domain: [0, 1], tickFormat: (v: number) => formatPercent(v) }
      : {
          label: metricLabel,
          tickFormat: formatTick,
          type: options.logY === true ? 'log' : 'linear',
          ...(points.length === 0 ? { domain: [0, 1] } : {}),
          ...(options.logY === true ? {} : { zero: true }),
        },
    grid: true,
    marks,
  });
  const figure = createFigure(ctx.doc, 'loss-curve');
  figure.setAttribute('data-metric', metric);
  figure.append(
    lineLegend(
      ctx.doc,
      names.map((label, i) => {
        const { color, dash } = style(i);
        return dash === undefined ? { label, color } : { label, color, dash };
      }),
    ),
    chart,
  );
  return figure;
}

/** The preferred names first (when present or preferred), then any others in order of appearance. */
function seriesOrder(points: readonly CurvePoint[], preferred: readonly string[]): string[] {
  const seen = new Set(points.map((p) => p.series));
  const order = preferred.filter((s) => seen.has(s) || points.length === 0);
  for (const s of seen) if (!order.includes(s)) order.push(s);
  return order;
}
