// Live views repaint rasters in place and rebuild a figure only when what surrounds the pixels
// (shape, layout, colour scale, data set) changes.
import { describe, expect, it } from 'vitest';
import { liveDecisionBoundary } from '../../../src/viz/decisionBoundary';
import { liveGateHeatmaps } from '../../../src/viz/gateHeatmaps';
import { liveView, niceCeil, stickyMax } from '../../../src/viz/live';
import { liveLossCurve, type CurvePoint } from '../../../src/viz/lossCurve';
import { liveWeightHeatmap } from '../../../src/viz/weightHeatmap';
import { liveFeatureMaps } from '../../../src/viz/featureMaps';
import { createDocument } from './fake-dom';
import { rasterPixels } from './helpers';

const document = createDocument();

describe('nice scale maxima', () => {
  it('rounds up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0.03, 0.2, 0.21, 0.9, 1, 1.01, 3, 7, 0].map(niceCeil)).toEqual([
      0.05, 0.2, 0.5, 1, 1, 2, 5, 10, 1,
    ]);
  });
  it('keeps the previous maximum while the value stays within a quarter of it', () => {
    expect(stickyMax(0.4, 0.5)).toBe(0.5);
    expect(stickyMax(0.13, 0.5)).toBe(0.5);
    expect(stickyMax(0.12, 0.5)).toBe(0.2);
    expect(stickyMax(0.6, 0.5)).toBe(1);
    expect(stickyMax(0.3, undefined)).toBe(0.5);
  });
});

describe('liveView(liveWeightHeatmap)', () => {
  const weight = (values: number[], shape = [2, 3]) => ({
    name: 'dense_1/kernel',
    kind: 'kernel' as const,
    shape,
    values: Float32Array.from(values),
  });

  it('repaints the same figure while the weights fit its scale', () => {
    const view = liveView(liveWeightHeatmap({ document }));
    expect(view.update(weight([0.1, -0.2, 0.3, -0.4, 0.35, 0]))).toBe(true);
    const first = view.element;
    const before = Array.from(rasterPixels(first as Element).data);
    expect(view.update(weight([-0.4, 0.2, -0.3, 0.4, -0.35, 0.1]))).toBe(false);
    expect(view.element).toBe(first);
    expect(Array.from(rasterPixels(first as Element).data)).not.toEqual(before);
    // The description follows the new values.
    const svg = (first as Element).querySelector('svg[aria-description]');
    expect(svg?.getAttribute('aria-description')).toContain('Menor peso -0,4, maior peso 0,4');
  });

  it('rebuilds when the weights outgrow the scale or change shape', () => {
    const view = liveView(liveWeightHeatmap({ document }));
    view.update(weight([0.1, -0.2, 0.3, -0.4, 0.35, 0]));
    const first = view.element;
    expect(view.update(weight([0.1, -0.2, 0.3, -0.4, 0.35, 0.9]))).toBe(true);
    expect(view.element).not.toBe(first);
    expect(view.update(weight([1, 2, 3, 4], [2, 2]))).toBe(true);
  });

  it('repaints conv filter mosaics too', () => {
    const view = liveView(liveWeightHeatmap({ document, layout: 'conv2d' }));
    const kernel = (k: number) => ({
      name: 'conv2d_1/kernel',
      shape: [3, 3, 1, 2],
      values: Float32Array.from({ length: 18 }, (_, i) => Math.sin(i + k) * 0.4),
    });
    expect(view.update(kernel(0))).toBe(true);
    const before = Array.from(rasterPixels(view.element as Element).data);
    expect(view.update(kernel(1))).toBe(false);
    expect(Array.from(rasterPixels(view.element as Element).data)).not.toEqual(before);
  });
});

describe('liveView(liveDecisionBoundary)', () => {
  const grid = (p: number) => Float32Array.from({ length: 16 }, (_, i) => (i % 2 ? p : 1 - p));
  const points = [
    { x: 0, y: 0, label: 0 },
    { x: 1, y: 1, label: 1 },
  ];
  const extent = { x: [-1, 1] as const, y: [-1, 1] as const };

  it('repaints the regions for the same points and rebuilds for new ones', () => {
    const view = liveView(liveDecisionBoundary({ document }));
    expect(view.update({ grid: grid(0.2), gridSize: 4, extent, points })).toBe(true);
    const before = Array.from(rasterPixels(view.element as Element).data);
    expect(view.update({ grid: grid(0.9), gridSize: 4, extent, points })).toBe(false);
    expect(Array.from(rasterPixels(view.element as Element).data)).not.toEqual(before);
    expect(view.update({ grid: grid(0.9), gridSize: 4, extent, points: points.slice() })).toBe(
      true,
    );
  });
});

describe('liveView(liveGateHeatmaps) and liveFeatureMaps', () => {
  const tensor = (k: number) => ({
    shape: [5, 3],
    values: Float32Array.from({ length: 15 }, (_, i) => 0.5 + 0.4 * Math.sin(i * k)),
  });
  it('repaints every gate panel in place', () => {
    const view = liveView(liveGateHeatmaps({ document }));
    expect(view.update({ i: tensor(1), f: tensor(2), c: tensor(3) })).toBe(true);
    const canvases = view.element?.querySelectorAll('canvas[data-raster]');
    expect(canvases).toHaveLength(3);
    expect(view.update({ i: tensor(2), f: tensor(3), c: tensor(1) })).toBe(false);
  });
  it('repaints feature maps in place', () => {
    const view = liveView(liveFeatureMaps({ document }));
    const maps = (k: number) => ({
      shape: [4, 4, 2],
      values: Float32Array.from({ length: 32 }, (_, i) => Math.cos(i * k)),
    });
    expect(view.update(maps(1))).toBe(true);
    const before = Array.from(rasterPixels(view.element as Element).data);
    expect(view.update(maps(2))).toBe(false);
    expect(Array.from(rasterPixels(view.element as Element).data)).not.toEqual(before);
  });
});

describe('liveLossCurve', () => {
  const ops = (view: { element: HTMLElement | null }) => {
    const canvas = view.element?.querySelector('canvas[data-curve]') as unknown as {
      getContext(): { ops: string[] };
    };
    return canvas.getContext().ops;
  };

  it('appends segments while the steps fit the axis, rebuilds past it', () => {
    const view = liveLossCurve({ document });
    const points: CurvePoint[] = [];
    for (let s = 1; s <= 3; s++) points.push({ step: s, value: 1 / s, series: 'treino' });
    expect(view.update(points)).toBe(true);
    const figure = view.element;
    const drawnBefore = ops(view).filter((o) => o === 'lineTo').length;
    expect(drawnBefore).toBe(2);
    points.push({ step: 4, value: 0.2, series: 'treino' });
    expect(view.update(points)).toBe(false);
    expect(view.element).toBe(figure);
    // Only the new segment was stroked.
    expect(ops(view).filter((o) => o === 'lineTo').length).toBe(drawnBefore + 1);
    expect(view.element?.querySelector('text[data-curve-label]')?.textContent).toBe('0,2');
    points.push({ step: 50, value: 0.1, series: 'treino' });
    expect(view.update(points)).toBe(true);
  });

  it('starts its scales over for a new list', () => {
    const view = liveLossCurve({ document });
    view.update([{ step: 900, value: 3, series: 'treino' }]);
    view.update([{ step: 2, value: 0.5, series: 'treino' }]);
    const ticks = Array.from(view.element?.querySelectorAll('text') ?? [], (t) => t.textContent);
    expect(ticks).not.toContain('800');
  });
});
