// A classifier's output for one sample: one bar per class (digits 0–9 by default), the most
// probable one in colour and labelled, the true class (when known) outlined.
import * as Plot from '@observablehq/plot';
import { createFigure } from './figure';
import { formatPercent } from './format';
import { resolveContext, type VizOptions } from './options';
import { CATEGORICAL_COLORS } from './palette';
import { plot } from './plot';

export interface ProbabilityBarsOptions extends VizOptions {
  /** Bar names; default "0" … "9" (one per probability). */
  classNames?: readonly string[];
  /** Index of the true class, outlined. */
  target?: number;
  /** Default 320. */
  width?: number;
  /** Default 180. */
  height?: number;
}

interface Bar {
  name: string;
  p: number;
  best: boolean;
  target: boolean;
}

export function probabilityBars(
  probs: ArrayLike<number>,
  options: ProbabilityBarsOptions = {},
): HTMLElement {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const values = Array.from(probs);
  const best = values.reduce((b, p, i) => (p > (values[b] ?? -Infinity) ? i : b), 0);
  const bars: Bar[] = values.map((p, i) => ({
    name: options.classNames?.[i] ?? String(i),
    p,
    best: i === best,
    target: i === options.target,
  }));
  const accent = CATEGORICAL_COLORS[0] as string;
  const chart = plot({
    document: ctx.doc,
    ariaLabel: ctx.ariaLabel(t('viz.bars.ariaLabel')),
    ariaDescription: ctx.ariaDescription(
      t('viz.bars.ariaDescription', {
        digit: bars[best]?.name ?? '—',
        percent: formatPercent(values[best] ?? NaN, 1),
        list: bars.map((b) => `${b.name}: ${formatPercent(b.p, 1)}`).join('; '),
      }),
    ),
    width: options.width ?? 320,
    height: options.height ?? 180,
    marginLeft: 40,
    x: { domain: bars.map((b) => b.name), label: t('viz.axis.digit'), padding: 0.15 },
    y: {
      domain: [0, 1],
      label: t('viz.axis.probability'),
      tickFormat: (v: number) => formatPercent(v),
      ticks: 4,
    },
    marks: [
      Plot.barY(bars, {
        x: 'name',
        y: 'p',
        fill: (b: Bar) => (b.best ? accent : 'currentColor'),
        fillOpacity: (b: Bar) => (b.best ? 1 : 0.35),
      }),
      // The true class gets a dashed full-height outline, visible even when its bar is tiny.
      Plot.barY(
        bars.filter((b) => b.target),
        { x: 'name', y: 1, fill: 'none', stroke: 'currentColor', strokeDasharray: '3,2' },
      ),
      ...[false, true].map((bold) =>
        Plot.text(
          // Labels only where they say something: "0%" on eight bars is noise.
          bars.filter((b) => b.best === bold && b.p >= 0.005),
          {
            x: 'name',
            y: 'p',
            text: (b: Bar) => formatPercent(b.p),
            dy: -6,
            fill: 'currentColor',
            fontWeight: bold ? 'bold' : 'normal',
          },
        ),
      ),
      Plot.ruleY([0]),
    ],
  });
  const figure = createFigure(ctx.doc, 'probability-bars');
  figure.append(chart);
  return figure;
}
