import { beforeAll, describe, expect, it } from 'vitest';
import { weightHeatmap } from '../../../src/viz/weightHeatmap';
import { createDocument, pixelAt } from './fake-dom';
import { chartSvg, legendTicks, lightness, rasterPixels, texts, legendTitles } from './helpers';

let document: Document;
beforeAll(() => {
  document = createDocument();
});

describe('weightHeatmap on a Dense kernel [in, out]', () => {
  it('has a pt-BR accessible name and description with the shape, sign colours and range', () => {
    const root = weightHeatmap(
      { shape: [2, 3], values: [-0.5, 0, 0.25, 0.1, -0.2, 0.4], name: 'dense_1/kernel' },
      { document },
    );
    expect(root.getAttribute('data-viz')).toBe('weight-heatmap');
    expect(root.getAttribute('data-layout')).toBe('dense');
    const svg = chartSvg(root);
    expect(svg.getAttribute('aria-label')).toBe(
      'Mapa de calor dos pesos dense_1/kernel com formato (2, 3)',
    );
    const description = svg.getAttribute('aria-description') ?? '';
    expect(description).toContain('Kernel com 2 entradas (linhas) e 3 unidades (colunas)');
    expect(description).toContain('vermelho é negativo, azul é positivo');
    expect(description).toContain('a escala vai de -0,5 a 0,5');
    expect(description).toContain('Menor peso -0,5, maior peso 0,4.');
  });

  it('takes the accessible name and description from options', () => {
    const root = weightHeatmap(
      { shape: [1, 2], values: [1, 2] },
      { document, ariaLabel: 'Pesos da camada oculta', ariaDescription: 'Descrição própria' },
    );
    expect(chartSvg(root).getAttribute('aria-label')).toBe('Pesos da camada oculta');
    expect(chartSvg(root).getAttribute('aria-description')).toBe('Descrição própria');
  });

  it('draws one pixel per weight, row 0 at the top', () => {
    const root = weightHeatmap({ shape: [2, 3], values: [-1, 0, 1, 1, 0, -1] }, { document });
    const image = rasterPixels(root);
    expect([image.width, image.height]).toEqual([3, 2]);
    const [r0, , b0] = pixelAt(image, 0, 0); // -1: red end
    const [r2, , b2] = pixelAt(image, 2, 0); // +1: blue end
    expect(r0).toBeGreaterThan(b0! + 50);
    expect(b2).toBeGreaterThan(r2! + 50);
    expect(pixelAt(image, 0, 1)).toEqual(pixelAt(image, 2, 0)); // row 1 starts with +1
  });

  it('centres the colours on zero: -v and +v are equally light, zero is the neutral middle', () => {
    // Lopsided data ([-0.1, 0.5]) would put -0.1 at full red on a non-symmetric domain.
    const root = weightHeatmap({ shape: [1, 4], values: [-0.1, 0.1, 0.5, 0] }, { document });
    const image = rasterPixels(root);
    const [neg, pos, big, zero] = [0, 1, 2, 3].map((x) => pixelAt(image, x, 0));
    expect(Math.abs(lightness(neg!) - lightness(pos!))).toBeLessThan(20);
    expect(lightness(neg!)).toBeGreaterThan(lightness(big!) + 60);
    const [zr, zg, zb] = zero!;
    expect(Math.max(zr!, zg!, zb!) - Math.min(zr!, zg!, zb!)).toBeLessThan(8);
    expect(lightness(zero!)).toBeGreaterThan(230);
  });

  it('has a legend naming the sign, with symmetric ticks in decimal commas', () => {
    const root = weightHeatmap(
      { shape: [4, 4], values: Float32Array.from({ length: 16 }, (_, i) => (i - 6) / 20) },
      { document },
    );
    expect(legendTitles(root)).toContain('← negativo · peso · positivo →');
    const ticks = legendTicks(root);
    expect(ticks).toContain('0');
    expect(ticks.some((t) => /^-?\d+,\d+$/.test(t))).toBe(true);
    expect(ticks.filter((t) => /\d\.\d/.test(t))).toEqual([]);
    for (const tick of ticks)
      expect(ticks).toContain(
        tick.startsWith('-') ? tick.slice(1) : tick === '0' ? '0' : `-${tick}`,
      );
  });

  it('pins the scale with domainMax so colours compare across training steps', () => {
    const small = rasterPixels(weightHeatmap({ shape: [1, 1], values: [0.1] }, { document }));
    const pinned = rasterPixels(
      weightHeatmap({ shape: [1, 1], values: [0.1] }, { document, domainMax: 1 }),
    );
    expect(lightness(pixelAt(pinned, 0, 0))).toBeGreaterThan(lightness(pixelAt(small, 0, 0)) + 60);
    expect(
      legendTicks(weightHeatmap({ shape: [1, 1], values: [0.1] }, { document, domainMax: 1 })),
    ).toContain('1');
  });

  it('squashes the rows of a tall kernel such as [784, 10] to fit maxHeight', () => {
    const root = weightHeatmap({ shape: [784, 10], values: new Float32Array(7840) }, { document });
    const height = Number(chartSvg(root).getAttribute('height'));
    expect(height).toBeLessThanOrEqual(480 + 40);
    expect(rasterPixels(root).height).toBe(784);
  });

  it('labels axes in pt-BR and can drop the legend', () => {
    const root = weightHeatmap(
      { shape: [3, 2], values: new Float32Array(6) },
      { document, legend: false },
    );
    expect(texts(root)).toEqual(expect.arrayContaining(['entrada', 'unidade']));
    expect(root.querySelectorAll('svg')).toHaveLength(1);
  });
});

describe('weightHeatmap on a bias, Conv2D, Conv1D and LSTM weights', () => {
  it('draws a bias as a one-row strip', () => {
    const root = weightHeatmap(
      { shape: [5], values: [0, 1, 2, 3, 4], name: 'dense_1/bias', kind: 'bias' },
      { document },
    );
    expect(root.getAttribute('data-layout')).toBe('bias');
    const image = rasterPixels(root);
    expect([image.width, image.height]).toEqual([5, 1]);
    expect(chartSvg(root).getAttribute('aria-description')).toContain(
      'Vetor de viés com 5 valores, um por unidade.',
    );
  });

  it('draws a Conv2D kernel [3, 3, 1, 8] as eight captioned filters', () => {
    // Filter o is all +1 when o is even, all -1 when odd.
    const values = Float32Array.from({ length: 72 }, (_, n) => ((n % 8) % 2 === 0 ? 1 : -1));
    const root = weightHeatmap(
      { shape: [3, 3, 1, 8], values, name: 'conv2d_1/kernel' },
      { document },
    );
    expect(root.getAttribute('data-layout')).toBe('conv2d');
    const captions = texts(root).filter((t) => t.startsWith('filtro '));
    expect(captions).toEqual(Array.from({ length: 8 }, (_, i) => `filtro ${i}`));
    expect(chartSvg(root).getAttribute('aria-description')).toContain(
      '8 filtros de 3×3 pixels, mostrando o canal de entrada 0 de 1.',
    );
    const image = rasterPixels(root);
    let blue = 0;
    let red = 0;
    let transparent = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const [r = 0, , b = 0, a = 0] = pixelAt(image, x, y);
        if (a === 0) transparent++;
        else if (b > r + 50) blue++;
        else if (r > b + 50) red++;
      }
    }
    expect([blue, red]).toEqual([4 * 9, 4 * 9]);
    expect(transparent).toBe(image.width * image.height - 72);
  });

  it('draws the channel mean on request and scales colours to what is drawn', () => {
    // Two channels that cancel: the mean is zero everywhere, so the picture is neutral.
    const values = Float32Array.from({ length: 2 * 2 * 2 * 1 }, (_, n) =>
      n % 2 === 0 ? 0.3 : -0.3,
    );
    const root = weightHeatmap({ shape: [2, 2, 2, 1], values }, { document, channel: 'mean' });
    expect(chartSvg(root).getAttribute('aria-description')).toContain(
      'a média dos 2 canais de entrada',
    );
    const [r, g, b] = pixelAt(rasterPixels(root), 0, 1);
    expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!)).toBeLessThan(8);
  });

  it('draws a Conv1D kernel [k, inC, outC] as one tile per filter', () => {
    const root = weightHeatmap(
      { shape: [5, 2, 4], values: new Float32Array(40).fill(0.5) },
      { document },
    );
    expect(texts(root).filter((t) => t.startsWith('filtro '))).toHaveLength(4);
  });

  it('splits an LSTM kernel [in, 4·units] into labelled i, f, c, o blocks', () => {
    const root = weightHeatmap(
      { shape: [3, 8], values: new Float32Array(24).fill(0.1), name: 'lstm_1/kernel' },
      { document },
    );
    expect(root.getAttribute('data-layout')).toBe('lstm');
    expect(texts(root)).toEqual(
      expect.arrayContaining(['i · entrada', 'f · esquecimento', 'c · célula', 'o · saída']),
    );
    const rules = Array.from(root.querySelectorAll('g[data-mark="rule"]'));
    expect(rules.map((g) => g.querySelectorAll('line').length)).toEqual([3, 3]);
  });

  it('refuses a layout that does not fit the rank', () => {
    expect(() =>
      weightHeatmap({ shape: [2, 3], values: new Float32Array(6) }, { document, layout: 'conv2d' }),
    ).toThrow(/needs rank 4/);
    expect(() =>
      weightHeatmap({ shape: [2, 3], values: new Float32Array(5) }, { document }),
    ).toThrow(RangeError);
  });

  it('escapes a weight name that looks like markup', () => {
    const root = weightHeatmap(
      { shape: [1], values: [1], name: '<img src=x onerror=alert(1)>' },
      { document },
    );
    expect(root.querySelector('img')).toBeNull();
    expect(chartSvg(root).getAttribute('aria-label')).toContain('<img src=x onerror=alert(1)>');
  });
});
