// Loss or accuracy per training step, one line per series ("treino", "teste"), each with its
// own colour and dash, the latest value written at the end of its line.
import * as Plot from '@observablehq/plot';
import { dodge } from './dodge';
import { createFigure } from './figure';
import { formatInteger, formatNumber, formatPercent, formatTick } from './format';
import { lineLegend } from './legend';
import { resolveContext } from './options';
import type { VizOptions } from './options';
import { CATEGORICAL_COLORS } from './palette';
import { niceCeil, stickyMax, type LiveView } from './live';
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

  const marks: Plot.Markish[] = [Plot.ruleY(accuracy ? [0, 1] : [], { strokeOpacity: 0.2 })];
  const lasts: string[] = [];
  const ends: CurvePoint[] = [];
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
      marks.push(Plot.dot([last], { x: 'step', y: 'value', fill: color, r: 3 }));
      ends.push(last);
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
  }) as unknown as SVGSVGElement & Plot.Plot;
  const x = (v: number) => chart.scale('x')?.apply(v) as number;
  const y = (v: number) => chart.scale('y')?.apply(v) as number;
  const height = options.height ?? 240;
  const labels = ends.map(() => endLabel(ctx.doc, chart));
  // Labels stay beside the plot area, clear of the x axis's tick labels below it.
  placeEndLabels(
    labels,
    ends.map((p) => ({ x: x(p.step), y: y(p.value), text: format(p.value) })),
    [20, height - 30],
  );
  return curveFigure(ctx.doc, metric, names, chart);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Pixels between two end labels' baselines: their 10px text never overlaps. */
export const END_LABEL_GAP = 12;

/** An empty end label appended to the chart; placeEndLabels fills and positions it. */
function endLabel(doc: Document, chart: SVGSVGElement): SVGTextElement {
  const text = doc.createElementNS(SVG_NS, 'text');
  text.setAttribute('fill', 'currentColor');
  text.setAttribute('font-size', '10');
  text.setAttribute('dy', '0.32em');
  text.setAttribute('data-curve-label', '');
  chart.append(text);
  return text;
}

/**
 * Writes each series' latest value beside its last point; labels whose lines end close together
 * (train and validation loss near the same value) are moved apart vertically, keeping their
 * order, so the upper label still belongs to the upper line.
 */
function placeEndLabels(
  labels: readonly SVGTextElement[],
  ends: readonly ({ x: number; y: number; text: string } | undefined)[],
  [top, bottom]: readonly [number, number],
): void {
  const shown = ends.flatMap((end, i) => (end === undefined ? [] : [{ end, label: labels[i] }]));
  const ys = dodge(
    shown.map((s) => s.end.y),
    END_LABEL_GAP,
    top,
    bottom,
  );
  shown.forEach(({ end, label }, k) => {
    if (label === undefined) return;
    label.setAttribute('x', String(end.x + 6));
    label.setAttribute('y', String(ys[k]));
    label.textContent = end.text;
  });
}

/** The preferred names first (when present or preferred), then any others in order of appearance. */
function seriesOrder(points: readonly CurvePoint[], preferred: readonly string[]): string[] {
  const seen = new Set(points.map((p) => p.series));
  const order = preferred.filter((s) => seen.has(s) || points.length === 0);
  for (const s of seen) if (!order.includes(s)) order.push(s);
  return order;
}

/**
 * A loss or accuracy curve that grows in place (see live.ts for the idea): axes, grid and legend
 * are a Plot chart built for a domain that only changes at a 1-2-5 step (steps doubling past the
 * x range, a loss above the y range); the lines are drawn on a canvas over the plot area, and each
 * update draws only the segments added since the last one.
 */
export function liveLossCurve(options: LossCurveOptions = {}): LiveView<readonly CurvePoint[]> {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const metric = options.metric ?? 'loss';
  const accuracy = metric === 'accuracy';
  const preferred = options.series ?? [t('viz.series.treino'), t('viz.series.teste')];
  const width = options.width ?? 480;
  const height = options.height ?? 240;
  const margin = { top: 20, right: 56, bottom: 30, left: 48 };
  const metricLabel = t(accuracy ? 'viz.axis.accuracy' : 'viz.axis.loss');
  const format = accuracy
    ? (v: number) => formatPercent(v, 1)
    : (v: number) => formatNumber(v, { maximumSignificantDigits: 3 });

  let element: HTMLElement | null = null;
  let list: readonly CurvePoint[] | null = null;
  let key = '';
  let xMax = 0;
  let yMax = 0;
  let names: string[] = [];
  let canvas: HTMLCanvasElement | null = null;
  let svg: SVGSVGElement | null = null;
  let labels: SVGTextElement[] = [];
  let dots: SVGCircleElement[] = [];
  let x: (v: number) => number = (v) => v;
  let y: (v: number) => number = (v) => v;
  /** Per series: the points drawn so far and the last of them (a thinned list is redrawn). */
  let drawn: { count: number; last: CurvePoint | undefined }[] = [];

  const build = (points: readonly CurvePoint[]): void => {
    const marks: Plot.Markish[] = [Plot.ruleY(accuracy ? [0, 1] : [], { strokeOpacity: 0.2 })];
    const chart = plot({
      document: ctx.doc,
      ariaLabel: ctx.ariaLabel(t('viz.curve.ariaLabel', { metric: metricLabel })),
      ariaDescription: describe(points),
      width,
      height,
      marginTop: margin.top,
      marginRight: margin.right,
      marginBottom: margin.bottom,
      marginLeft: margin.left,
      x: {
        label: t('viz.axis.step'),
        tickFormat: formatInteger,
        labelAnchor: 'right',
        domain: [0, xMax],
      },
      y: accuracy
        ? { label: metricLabel, domain: [0, 1], tickFormat: (v: number) => formatPercent(v) }
        : { label: metricLabel, tickFormat: formatTick, domain: [0, yMax] },
      grid: true,
      marks,
    }) as unknown as SVGSVGElement & Plot.Plot;
    x = (v) => chart.scale('x')?.apply(v) as number;
    y = (v) => chart.scale('y')?.apply(v) as number;
    const svgNs = 'http://www.w3.org/2000/svg';
    const box = ctx.doc.createElementNS(svgNs, 'foreignObject');
    box.setAttribute('x', '0');
    box.setAttribute('y', '0');
    box.setAttribute('width', String(width));
    box.setAttribute('height', String(height));
    box.setAttribute('pointer-events', 'none');
    canvas = ctx.doc.createElement('canvas');
    const ratio = (globalThis as { devicePixelRatio?: number }).devicePixelRatio ?? 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.setAttribute('data-curve', '');
    canvas.setAttribute('style', 'display:block;width:100%;height:100%');
    canvas.getContext('2d')?.setTransform(ratio, 0, 0, ratio, 0, 0);
    box.append(canvas);
    chart.append(box);
    dots = names.map((_, i) => {
      const dot = ctx.doc.createElementNS(svgNs, 'circle');
      dot.setAttribute('r', '3');
      dot.setAttribute('fill', style(i).color);
      dot.setAttribute('visibility', 'hidden');
      chart.append(dot);
      return dot;
    });
    labels = names.map(() => endLabel(ctx.doc, chart));
    svg = chart;
    element = curveFigure(ctx.doc, metric, names, chart);
    drawn = names.map(() => ({ count: 0, last: undefined }));
  };

  const describe = (points: readonly CurvePoint[]): string => {
    const lasts: string[] = [];
    for (const name of names) {
      const last = points.findLast((p) => p.series === name && Number.isFinite(p.value));
      if (last !== undefined)
        lasts.push(
          t('viz.curve.last', {
            series: name,
            value: format(last.value),
            step: formatInteger(last.step),
          }),
        );
    }
    return ctx.ariaDescription(
      t('viz.curve.ariaDescription', {
        series: lasts.length > 0 ? lasts.join('; ') : t('viz.curve.empty'),
        metric: metricLabel,
      }),
    );
  };

  const paint = (points: readonly CurvePoint[]): void => {
    const c = canvas?.getContext('2d');
    const all = names.map((name) =>
      points.filter((p) => p.series === name && Number.isFinite(p.value)),
    );
    // A list that was thinned (or replaced) no longer continues what is drawn: start over.
    const continues = all.every((series, i) => {
      const state = drawn[i];
      return state === undefined || state.count === 0 || series[state.count - 1] === state.last;
    });
    if (!continues) {
      c?.clearRect(0, 0, width, height);
      drawn = names.map(() => ({ count: 0, last: undefined }));
    }
    const ends: ({ x: number; y: number; text: string } | undefined)[] = [];
    all.forEach((series, i) => {
      const state = drawn[i] as { count: number; last: CurvePoint | undefined };
      if (c && series.length > state.count) {
        const { color, dash } = style(i);
        c.save();
        c.beginPath();
        c.rect(
          margin.left,
          margin.top,
          width - margin.left - margin.right,
          height - margin.top - margin.bottom,
        );
        c.clip();
        c.strokeStyle = color;
        c.lineWidth = 1.75;
        c.lineJoin = 'round';
        c.setLineDash(dash === undefined ? [] : dash.split(',').map(Number));
        c.beginPath();
        // Start at the last point drawn, so the new segment joins the old line.
        series.slice(Math.max(0, state.count - 1)).forEach((p, k) => {
          if (k === 0) c.moveTo(x(p.step), y(p.value));
          else c.lineTo(x(p.step), y(p.value));
        });
        c.stroke();
        c.restore();
      }
      state.count = series.length;
      state.last = series[series.length - 1];
      const last = state.last;
      const dot = dots[i];
      if (last !== undefined && dot) {
        dot.setAttribute('cx', String(x(last.step)));
        dot.setAttribute('cy', String(y(last.value)));
        dot.setAttribute('visibility', 'visible');
      }
      ends.push(
        last === undefined
          ? undefined
          : { x: x(last.step), y: y(last.value), text: format(last.value) },
      );
    });
    placeEndLabels(labels, ends, [margin.top, height - margin.bottom]);
  };

  return {
    get element() {
      return element;
    },
    update(points) {
      // A new list is a new run (lists grow in place within one): its scales start over.
      if (points !== list) {
        list = points;
        xMax = 0;
        yMax = 0;
      }
      if (points.length === 0) {
        const rebuilt = key !== 'empty';
        if (rebuilt) {
          element = lossCurve(points, options);
          key = 'empty';
        }
        return rebuilt;
      }
      let maxStep = 0;
      let maxValue = 0;
      for (const p of points) {
        if (p.step > maxStep) maxStep = p.step;
        if (Number.isFinite(p.value) && p.value > maxValue) maxValue = p.value;
      }
      const nextNames = seriesOrder(points, preferred);
      const nextX = maxStep <= xMax ? xMax : niceCeil(Math.max(10, maxStep));
      const nextY = accuracy ? 1 : stickyMax(maxValue, yMax || undefined);
      const nextKey = [nextNames.join(','), nextX, nextY].join('|');
      let rebuilt = false;
      if (nextKey !== key || element === null || svg === null) {
        names = nextNames;
        xMax = nextX;
        yMax = nextY;
        key = nextKey;
        build(points);
        rebuilt = true;
      }
      paint(points);
      svg?.setAttribute('aria-description', describe(points));
      return rebuilt;
    },
  };
}

function style(i: number): { color: string; dash: string | undefined } {
  return {
    color: CATEGORICAL_COLORS[i % CATEGORICAL_COLORS.length] as string,
    dash: DASHES[i % DASHES.length],
  };
}

/** The curve's figure: the line legend (colour and dash per series) above the chart. */
function curveFigure(
  doc: Document,
  metric: CurveMetric,
  names: readonly string[],
  chart: Element,
): HTMLElement {
  const figure = createFigure(doc, 'loss-curve');
  figure.setAttribute('data-metric', metric);
  figure.append(
    lineLegend(
      doc,
      names.map((label, i) => {
        const { color, dash } = style(i);
        return dash === undefined ? { label, color } : { label, color, dash };
      }),
    ),
    chart,
  );
  return figure;
}
