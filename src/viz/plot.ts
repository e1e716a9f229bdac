// Observable Plot, made accessible at the boundary. Plot names each mark's <g> with aria-label
// ("line", "dot", "x-axis tick label"); on an element without a role that is prohibited ARIA (axe:
// aria-prohibited-attr) and noise for screen readers, which get the chart's own pt-BR label and
// description on its <svg>. Every renderer draws through here, so those names become data-mark
// (kept for tests and styling) and the output is axe-clean wherever it is shown.
import * as Plot from '@observablehq/plot';

/** Moves aria-label to data-mark on every role-less element below the chart's own <svg>. */
export function markLabelsToData<T extends Element>(chart: T): T {
  for (const node of chart.querySelectorAll('svg [aria-label]:not([role])')) {
    node.setAttribute('data-mark', node.getAttribute('aria-label') ?? '');
    node.removeAttribute('aria-label');
  }
  return chart;
}

/** Plot.plot, without aria-labels on marks. */
export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  return markLabelsToData(Plot.plot(options));
}

/** Plot.legend, without aria-labels on marks; `document` as for Plot.plot (its typings omit it). */
export function legend(
  options: Plot.LegendScales & { document?: Document },
): ReturnType<typeof Plot.legend> {
  return markLabelsToData(Plot.legend(options));
}
