// Every renderer's output is axe-clean by itself: the only aria-labels are the chart's own (on its
// <svg>, with a pt-BR aria-description) and those of elements with a role (composite figures). The
// names Plot gives its marks move to data-mark, so nothing downstream has to strip them.
import { beforeAll, describe, expect, it } from 'vitest';
import { decisionBoundary } from '../../../src/viz/decisionBoundary';
import { featureMaps } from '../../../src/viz/featureMaps';
import { gateHeatmaps } from '../../../src/viz/gateHeatmaps';
import { gridPoints } from '../../../src/viz/grid';
import { colorLegend } from '../../../src/viz/heatmap';
import { digitImage, imageGrid } from '../../../src/viz/images';
import { lossCurve } from '../../../src/viz/lossCurve';
import { lossLandscape } from '../../../src/viz/lossLandscape';
import { probabilityBars } from '../../../src/viz/probabilityBars';
import { sequenceChart } from '../../../src/viz/sequenceChart';
import { weightHeatmap } from '../../../src/viz/weightHeatmap';
import { createDocument } from './fake-dom';

let document: Document;
beforeAll(() => {
  document = createDocument();
});

const ramp = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 0.8);
const seq = (steps: number, units: number) => ({
  shape: [steps, units],
  values: ramp(steps * units),
});

const RENDERERS: [string, () => Element][] = [
  [
    'lossCurve',
    () =>
      lossCurve(
        [0, 10, 20].map((step) => ({ step, value: 1 / (1 + step), series: 'treino' })),
        { document },
      ),
  ],
  [
    'decisionBoundary',
    () => {
      const gridSize = 8;
      const grid = Float32Array.from(gridPoints(gridSize, [-1, 1], [-1, 1]), (_, i) =>
        i % 2 === 0 ? 0.7 : 0.3,
      );
      return decisionBoundary(
        {
          grid,
          gridSize,
          extent: { x: [-1, 1], y: [-1, 1] },
          points: [{ x: 0, y: 0, label: 1 }],
        },
        { document },
      );
    },
  ],
  [
    'lossLandscape',
    () =>
      lossLandscape(
        { values: ramp(100), gridSize: 10, extent: { w1: [-2, 2], w2: [-2, 2] } },
        [
          { w1: 1, w2: 1 },
          { w1: 0.5, w2: 0.2 },
        ],
        { document },
      ),
  ],
  [
    'probabilityBars',
    () =>
      probabilityBars(
        Float32Array.from({ length: 10 }, () => 0.1),
        { document },
      ),
  ],
  [
    'sequenceChart',
    () => sequenceChart({ input: [0, 1], target: [1], prediction: [0.8] }, { document }),
  ],
  [
    'weightHeatmap (dense)',
    () => weightHeatmap({ shape: [3, 4], values: ramp(12), name: 'dense_1/kernel' }, { document }),
  ],
  [
    'weightHeatmap (conv2d)',
    () => weightHeatmap({ shape: [3, 3, 1, 4], values: ramp(36), name: 'k' }, { document }),
  ],
  ['digitImage', () => digitImage({ shape: [28, 28], values: ramp(784) }, { document })],
  ['imageGrid', () => imageGrid([seq(3, 3), seq(3, 3)], { document })],
  ['featureMaps', () => featureMaps({ shape: [4, 4, 3], values: ramp(48) }, { document })],
  ['gateHeatmaps', () => gateHeatmaps({ i: seq(5, 3), c: seq(5, 3) }, { document })],
];

describe.each(RENDERERS)('%s', (_, render) => {
  it('labels only its chart svgs (with a description) and elements with a role', () => {
    const root = render();
    const labelled = [root, ...Array.from(root.querySelectorAll('*'))].filter((el) =>
      el.hasAttribute('aria-label'),
    );
    expect(labelled.length).toBeGreaterThan(0);
    for (const el of labelled) {
      if (el.hasAttribute('role')) continue;
      expect(el.tagName.toLowerCase()).toBe('svg');
      expect(el.getAttribute('aria-description') ?? '').not.toBe('');
      // A chart svg, not one nested inside another chart.
      expect(el.parentElement?.closest('svg')).toBeNull();
    }
  });

  it('keeps the marks’ names as data-mark', () => {
    const root = render();
    expect(root.querySelectorAll('svg [data-mark]').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('svg [aria-label]:not([role])')).toHaveLength(0);
  });
});

describe('colorLegend', () => {
  /** Tick positions and labels of a ramp legend, and its width. */
  function ticks(box: Element) {
    const legend = box.querySelector('svg') as Element;
    const width = Number(legend.getAttribute('width'));
    const all = Array.from(legend.querySelectorAll('.tick'), (tick) => ({
      x: Number(/translate\(([-\d.]+)/.exec(tick.getAttribute('transform') ?? '')?.[1]),
      label: tick.querySelector('text')?.textContent ?? '',
    }));
    return { width, all };
  }

  it.each([
    ['diverging', { type: 'diverging', domain: [-0.5321, 0.5321], scheme: 'rdbu' }],
    ['sequential', { type: 'linear', domain: [0, 12.5], scheme: 'viridis' }],
    ['wide diverging', { type: 'diverging', domain: [-12345, 12345], scheme: 'rdbu' }],
  ] as const)('keeps the %s ramp’s end labels inside the svg box', (_, color) => {
    const legend = colorLegend(document, { ...color, domain: [...color.domain] }, 'peso', 200);
    const { width, all } = ticks(legend);
    expect(all.length).toBeGreaterThan(1);
    const first = all[0]!;
    const last = all[all.length - 1]!;
    // Labels are centred on their tick; at 10px a character is at most ~6.4px wide.
    expect(first.x - first.label.length * 3.2).toBeGreaterThanOrEqual(0);
    expect(last.x + last.label.length * 3.2).toBeLessThanOrEqual(width);
  });
});
