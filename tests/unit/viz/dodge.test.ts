// Label placement: curve end labels pushed apart, colour-ramp ticks thinned, axis titles kept apart.
import { beforeAll, describe, expect, it } from 'vitest';
import { dodge, textWidth, thinTicks } from '../../../src/viz/dodge';
import { formatNumber } from '../../../src/viz/format';
import { axisTitlesWidth, colorLegend, MIN_VIEW_PX, minViewCells } from '../../../src/viz/heatmap';
import { END_LABEL_GAP, liveLossCurve, lossCurve } from '../../../src/viz/lossCurve';
import { divergingScale } from '../../../src/viz/palette';
import { weightHeatmap } from '../../../src/viz/weightHeatmap';
import { createDocument } from './fake-dom';
import { legendTicks } from './helpers';

let document: Document;
beforeAll(() => {
  document = createDocument();
});

describe('dodge', () => {
  it('leaves labels that are already apart where they are', () => {
    expect(dodge([10, 50, 90], 12)).toEqual([10, 50, 90]);
  });

  it('pushes two labels at one position apart by the gap, keeping their order', () => {
    const [a, b] = dodge([100, 100], 12) as [number, number];
    expect(b - a).toBe(12);
    const [c, d] = dodge([100.5, 100], 12) as [number, number];
    expect(c).toBeGreaterThan(d);
    expect(c - d).toBe(12);
  });

  it('returns positions in the input order, whatever the sort order', () => {
    const out = dodge([50, 10, 52], 10);
    expect(out[1]).toBe(10);
    expect(out[0]).toBeLessThan(out[2] as number);
    expect((out[2] as number) - (out[0] as number)).toBeGreaterThanOrEqual(10);
  });

  it('stays inside [lo, hi]: a stack at the bottom edge is pulled back up', () => {
    const out = dodge([200, 200, 200], 12, 6, 200);
    expect(Math.max(...out)).toBe(200);
    expect(Math.min(...out)).toBe(176);
    const top = dodge([0, 1], 12, 6, 200);
    expect(top).toEqual([6, 18]);
  });

  it('never leaves two labels closer than the gap, for any input', () => {
    const inputs = [
      [5, 5, 5, 5],
      [30, 31, 29, 200, 201],
      [-10, 400, 0],
    ];
    for (const input of inputs) {
      const out = [...dodge(input, 11, 0, 300)].sort((a, b) => a - b);
      for (let k = 1; k < out.length; k++) {
        expect((out[k] as number) - (out[k - 1] as number)).toBeGreaterThanOrEqual(11 - 1e-9);
      }
    }
  });
});

describe('thinTicks', () => {
  const format = (v: number) => formatNumber(v, { maximumSignificantDigits: 2 });
  const ticks = [-0.081, -0.04, 0, 0.04, 0.081];

  it('keeps every tick on a ramp wide enough for all labels', () => {
    expect(thinTicks(ticks, format, 400)).toEqual(ticks);
  });

  it('drops the quarter ticks first ("-0,081-0,04" ran together on 150 px)', () => {
    expect(thinTicks(ticks, format, 110)).toEqual([-0.081, 0, 0.081]);
  });

  it('keeps the two ends when even the middle does not fit', () => {
    expect(thinTicks(ticks, format, 40)).toEqual([-0.081, 0.081]);
  });

  it('the labels it keeps do not overlap', () => {
    for (const width of [40, 80, 110, 150, 200, 320]) {
      const kept = thinTicks(ticks, format, width);
      const at = (v: number) => ((v + 0.081) / 0.162) * width;
      for (let k = 1; k < kept.length; k++) {
        const a = kept[k - 1] as number;
        const b = kept[k] as number;
        const room = at(b) - at(a);
        if (kept.length > 2) {
          expect(room).toBeGreaterThanOrEqual((textWidth(format(a)) + textWidth(format(b))) / 2);
        }
      }
    }
  });

  it('thins the legend Plot draws under a narrow weight view', () => {
    const color = divergingScale([-0.081, 0.081], 'RdBu');
    const legend = colorLegend(document, color, 'valor', 60);
    // 160 px is the narrowest legend; five labels of "-0,081" do not fit on its ramp.
    expect(legendTicks(legend).length).toBeLessThan(5);
    expect(legendTicks(legend)).toContain('0');
  });

  it('writes the title as text above the ramp, never inside the svg where it was cut', () => {
    const label = '← negativo · peso · positivo →';
    const legend = colorLegend(document, divergingScale([-2, 2], 'RdBu'), label, 40);
    expect(legend.querySelector('.anatomia-viz-ramp-title')?.textContent).toBe(label);
    expect(legend.querySelector('svg')?.textContent).not.toContain('positivo');
  });
});

describe('loss curve end labels', () => {
  const points = [0, 100, 200].flatMap((step) => [
    { step, value: 1 / (1 + step), series: 'treino' },
    { step, value: 1 / (1 + step) + 1e-4, series: 'validação' },
  ]);

  const labelYs = (root: Element) =>
    Array.from(root.querySelectorAll('text[data-curve-label]'), (t) => Number(t.getAttribute('y')));

  it('static chart: two series ending at the same value get labels a gap apart', () => {
    const ys = labelYs(lossCurve(points, { document, series: ['treino', 'validação'] }));
    expect(ys).toHaveLength(2);
    expect(Math.abs((ys[0] as number) - (ys[1] as number))).toBeGreaterThanOrEqual(END_LABEL_GAP);
  });

  it('live chart: the same after every update', () => {
    const view = liveLossCurve({ document, series: ['treino', 'validação'] });
    const list: typeof points = [];
    for (const p of points) {
      list.push(p);
      view.update(list);
    }
    const ys = labelYs(view.element as HTMLElement);
    expect(ys).toHaveLength(2);
    expect(Math.abs((ys[0] as number) - (ys[1] as number))).toBeGreaterThanOrEqual(END_LABEL_GAP);
  });
});

describe('weight view sizes and axis titles', () => {
  it('grows a (1, 64) strip to at least MIN_VIEW_PX tall, keeping narrow cells', () => {
    expect(minViewCells([5, 5], { rows: 1, cols: 64 })).toEqual([5, MIN_VIEW_PX]);
    expect(minViewCells([18, 18], { rows: 1, cols: 1 })).toEqual([MIN_VIEW_PX, MIN_VIEW_PX]);
    expect(minViewCells([30, 30], { rows: 2, cols: 2 })).toEqual([30, 30]);
  });

  it('a (2, 1) kernel is wide enough for "entrada" and "unidade" side by side', () => {
    const root = weightHeatmap(
      { name: 'dense_3/kernel', shape: [2, 1], values: new Float32Array([0.5, -0.5]) },
      { document, cellSize: 12 },
    );
    const svg = root.querySelector('svg[aria-label]');
    const need = axisTitlesWidth(
      { label: 'unidade', ticks: [], format: String },
      { label: 'entrada', ticks: [], format: String },
    );
    expect(Number(svg?.getAttribute('width'))).toBeGreaterThanOrEqual(need);
  });
});
