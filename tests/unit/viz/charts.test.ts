import { beforeAll, describe, expect, it } from 'vitest';
import { decisionBoundary } from '../../../src/viz/decisionBoundary';
import { gridPoints } from '../../../src/viz/grid';
import { lossCurve, type CurvePoint } from '../../../src/viz/lossCurve';
import { lossLandscape } from '../../../src/viz/lossLandscape';
import { probabilityBars } from '../../../src/viz/probabilityBars';
import { sequenceChart } from '../../../src/viz/sequenceChart';
import { createDocument, pixelAt } from './fake-dom';
import { chartSvg, legendTicks, rasterPixels, texts, legendTitles } from './helpers';

let document: Document;
beforeAll(() => {
  document = createDocument();
});

/** Tick labels of the chart's own axes. */
function axisTicks(root: Element, axis: 'x' | 'y'): string[] {
  return Array.from(
    chartSvg(root).querySelectorAll(`g[data-mark="${axis}-axis tick label"] text`),
    (t) => t.textContent ?? '',
  );
}

describe('lossCurve', () => {
  const points: CurvePoint[] = [0, 100, 200, 300].flatMap((step) => [
    { step, value: 1 / (1 + step / 50), series: 'treino' },
    { step, value: 1.2 / (1 + step / 80), series: 'teste' },
  ]);

  it('labels axes in pt-BR with decimal commas', () => {
    const root = lossCurve(points, { document });
    const y = axisTicks(root, 'y');
    expect(y.some((t) => /^\d,\d+$/.test(t))).toBe(true);
    expect(y.filter((t) => t.includes('.'))).toEqual([]);
    expect(texts(root)).toEqual(expect.arrayContaining(['iteração →', '↑ perda']));
  });

  it('draws one line per series with a legend and the last value at its end', () => {
    const root = lossCurve(points, { document });
    expect(chartSvg(root).querySelectorAll('g[data-mark="line"] path')).toHaveLength(2);
    const legend = root.querySelector('.anatomia-viz-legend');
    expect(legend?.textContent).toBe('treinoteste');
    // treino at step 300: 1 / 7 ≈ 0,143
    expect(texts(root)).toContain('0,143');
    const description = chartSvg(root).getAttribute('aria-description') ?? '';
    expect(chartSvg(root).getAttribute('aria-label')).toBe(
      'Curvas de perda por iteração de treino',
    );
    expect(description).toContain('Último valor de treino: 0,143 na iteração 300');
  });

  it('shows accuracy as a percentage on a 0–100% axis', () => {
    const root = lossCurve(
      points.map((p) => ({ ...p, value: 1 - p.value / 2 })),
      { document, metric: 'accuracy' },
    );
    expect(axisTicks(root, 'y')).toEqual(expect.arrayContaining(['0%', '100%']));
    expect(texts(root)).toContain('↑ acurácia');
    expect(root.getAttribute('data-metric')).toBe('accuracy');
  });

  it('says so when there are no points yet', () => {
    const root = lossCurve([], { document });
    expect(texts(root)).toContain('Ainda não há pontos');
  });
});

describe('decisionBoundary', () => {
  const gridSize = 8;
  const extent = { x: [-1, 1] as const, y: [-1, 1] as const };
  // P(class 1) = 1 right of x = 0, 0 left of it.
  const centres = gridPoints(gridSize, extent.x, extent.y);
  const grid = Float32Array.from({ length: gridSize * gridSize }, (_, i) =>
    centres[2 * i]! > 0 ? 1 : 0,
  );
  const points = [
    { x: -0.5, y: 0.2, label: 0 },
    { x: 0.5, y: -0.2, label: 1 },
    { x: 0.6, y: 0.6, label: 1 },
  ];

  it('paints each half of the plane with its class colour', () => {
    const root = decisionBoundary({ grid, gridSize, extent, points }, { document });
    const image = rasterPixels(root);
    expect([image.width, image.height]).toEqual([gridSize, gridSize]);
    const left = pixelAt(image, 0, 0);
    const right = pixelAt(image, gridSize - 1, 0);
    // Okabe–Ito blue (#0072B2) for class 0, vermilion (#D55E00) for class 1.
    expect(left.slice(0, 3)).toEqual([0x00, 0x72, 0xb2]);
    expect(right.slice(0, 3)).toEqual([0xd5, 0x5e, 0x00]);
    // Certain everywhere, but kept faint so points stay readable.
    expect(left[3]).toBeGreaterThan(100);
    expect(left[3]).toBeLessThan(160);
  });

  it('draws the points with class symbols and a pt-BR legend', () => {
    const root = decisionBoundary(
      { grid, gridSize, extent, points },
      { document, classNames: ['azul', '<b>laranja</b>'] },
    );
    expect(chartSvg(root).querySelectorAll('g[data-mark="dot"] path')).toHaveLength(3);
    expect(root.textContent).toContain('<b>laranja</b>');
    expect(root.querySelector('b')).toBeNull();
    expect(chartSvg(root).getAttribute('aria-description')).toContain(
      '3 pontos de dados coloridos pela classe real: azul, <b>laranja</b>.',
    );
  });

  it('reads several classes from a [gridSize², classes] grid', () => {
    const probs = new Float32Array(gridSize * gridSize * 3);
    for (let i = 0; i < gridSize * gridSize; i++) probs[i * 3 + 2] = 1;
    const root = decisionBoundary({ grid: probs, gridSize, extent, points: [] }, { document });
    expect(pixelAt(rasterPixels(root), 3, 3).slice(0, 3)).toEqual([0x00, 0x9e, 0x73]);
    expect(root.textContent).toContain('classe 2');
  });
});

describe('lossLandscape', () => {
  const gridSize = 20;
  const centres = gridPoints(gridSize, [-2, 2], [-2, 2]);
  const values = Float32Array.from(
    { length: gridSize * gridSize },
    (_, i) => centres[2 * i]! ** 2 + 2 * centres[2 * i + 1]! ** 2,
  );
  const path = [
    { w1: -1.5, w2: 1.5 },
    { w1: -1, w2: 0.5 },
    { w1: -0.4, w2: 0.1 },
  ];

  it('draws contours, the path and its labelled last point', () => {
    const root = lossLandscape({ values, gridSize, extent: { w1: [-2, 2], w2: [-2, 2] } }, path, {
      document,
      thresholds: 8,
    });
    expect(chartSvg(root).querySelectorAll('g[data-mark="contour"] path').length).toBeGreaterThan(
      4,
    );
    expect(chartSvg(root).querySelectorAll('g[data-mark="line"] path')).toHaveLength(2);
    expect(texts(root)).toContain('atual');
    const description = chartSvg(root).getAttribute('aria-description') ?? '';
    expect(description).toContain('termina em w1 = -0,4, w2 = 0,1');
    expect(legendTicks(root).some((t) => /\d/.test(t))).toBe(true);
    expect(legendTitles(root)).toContain('perda');
  });

  it('accepts an empty path', () => {
    const root = lossLandscape({ values, gridSize, extent: { w1: [-2, 2], w2: [-2, 2] } }, [], {
      document,
    });
    expect(texts(root)).not.toContain('atual');
  });
});

describe('sequenceChart', () => {
  it('draws input, target and prediction with a legend and the error', () => {
    const root = sequenceChart(
      { input: [0, 0.5, 1], target: [0.5, 0], prediction: [0.4, 0.2] },
      { document },
    );
    expect(root.querySelector('.anatomia-viz-legend')?.textContent).toBe('entradaalvoprevisão');
    expect(chartSvg(root).querySelectorAll('g[data-mark="line"] path')).toHaveLength(3);
    // ((0.1)² + (0.2)²) / 2 = 0.025; the forecast starts after the 3-step window.
    expect(chartSvg(root).getAttribute('aria-description')).toContain(
      'Erro quadrático médio: 0,025',
    );
    expect(axisTicks(root, 'x')).toContain('3');
  });
});

describe('probabilityBars', () => {
  const probs = [0.01, 0.02, 0.05, 0.8, 0.01, 0.03, 0.001, 0.05, 0.02, 0.009];

  it('draws ten bars, the most probable highlighted and named in the description', () => {
    const root = probabilityBars(probs, { document });
    expect(chartSvg(root).querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(10);
    expect(axisTicks(root, 'x')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const description = chartSvg(root).getAttribute('aria-description') ?? '';
    expect(description).toContain('Dígito mais provável: 3, com 80,0%');
    expect(description).toContain('6: 0,1%');
    const bold = chartSvg(root).querySelector('g[font-weight="bold"] text');
    expect(bold?.textContent).toBe('80%');
  });

  it('outlines the true class', () => {
    const root = probabilityBars(probs, { document, target: 7 });
    const [bars, outline] = Array.from(chartSvg(root).querySelectorAll('g[data-mark="bar"]'));
    const outlined = outline?.querySelectorAll('rect') ?? [];
    expect(outlined).toHaveLength(1);
    expect(outlined[0]?.getAttribute('x')).toBe(
      bars?.querySelectorAll('rect')[7]?.getAttribute('x'),
    );
    expect(outline?.getAttribute('stroke-dasharray')).toBe('3,2');
  });
});
