// Charts from plain specs, drawn with src/viz (the labs' own views) or Plot for generic marks. Both
// load on the first chart, never with the page. A placeholder holds the place meanwhile.
import { t } from '../../../i18n';
import type { ChartSpec } from '../protocol';
import { el } from './dom';

async function draw(spec: ChartSpec): Promise<Element> {
  switch (spec.chart) {
    case 'marks': {
      const [Plot, { plot }] = await Promise.all([
        import('@observablehq/plot'),
        import('../../../viz/plot'),
      ]);
      const channels = {
        x: spec.x,
        y: spec.y,
        ...(spec.z === undefined ? {} : { stroke: spec.z }),
      };
      const mark =
        spec.mark === 'dot'
          ? Plot.dot(spec.data, spec.z === undefined ? channels : { ...channels, fill: spec.z })
          : spec.mark === 'barY'
            ? Plot.barY(spec.data, {
                x: spec.x,
                y: spec.y,
                ...(spec.z === undefined ? {} : { fill: spec.z }),
              })
            : spec.mark === 'areaY'
              ? Plot.areaY(spec.data, { x: spec.x, y: spec.y, fillOpacity: 0.3 })
              : Plot.line(spec.data, channels);
      const label = spec.title ?? t('notebook.output.chart', { x: spec.x, y: spec.y });
      return plot({
        ariaLabel: label,
        ariaDescription: label,
        marks: [mark, ...(spec.mark === 'barY' ? [Plot.ruleY([0])] : [])],
        x: { label: spec.x },
        y: { label: spec.y, grid: true },
        ...(spec.z === undefined ? {} : { color: { legend: true } }),
        ...(spec.title === undefined ? {} : { title: spec.title }),
        width: 560,
        height: 280,
      });
    }
    case 'weights': {
      const { weightHeatmap } = await import('../../../viz/weightHeatmap');
      return weightHeatmap({ name: spec.name, shape: spec.shape, values: spec.values });
    }
    case 'loss': {
      const { lossCurve } = await import('../../../viz/lossCurve');
      return lossCurve(spec.points);
    }
    case 'featureMaps': {
      const { featureMaps } = await import('../../../viz/featureMaps');
      return featureMaps({ shape: spec.shape, values: spec.values });
    }
  }
}

export function renderChart(spec: ChartSpec): HTMLElement {
  const holder = el('div', 'nb-chart');
  holder.setAttribute('aria-busy', 'true');
  draw(spec).then(
    (chart) => {
      holder.removeAttribute('aria-busy');
      holder.append(chart);
    },
    (error: unknown) => {
      holder.removeAttribute('aria-busy');
      const reason = error instanceof Error ? error.message : String(error);
      holder.append(el('p', 'nb-error-hint', t('notebook.output.chartFailed', { reason })));
    },
  );
  return holder;
}
