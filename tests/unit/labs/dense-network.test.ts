// The network view's pure parts: the layout (sizes, fits a phone), the keyboard order between node
// and edge columns, the pt-BR words of its tooltips and description, and its pixel writers.
import { describe, expect, test } from 'vitest';
import {
  columnSizes,
  edgeGeometry,
  itemAnchor,
  itemCount,
  moveItem,
  networkLayout,
  networkShape,
} from '../../../components/labs/dense/network-layout';
import { edgeWidth, networkPalette } from '../../../components/labs/dense/network-paint';
import {
  formatValue,
  inputName,
  inputTip,
  networkSummary,
  neuronLabel,
  neuronTip,
  weightLabel,
  weightTip,
} from '../../../components/labs/dense/network-text';
import type { WeightSnapshot } from '../../../src/core/page';

function weight(layer: string, kind: 'kernel' | 'bias', shape: number[]): WeightSnapshot {
  const size = shape.reduce((a, b) => a * b, 1);
  return { name: `${layer}/${kind}`, layer, kind, shape, values: new Float32Array(size) };
}

/** The default net's snapshot: 2 → 4 → 2 → 2. */
const DEFAULT = [
  weight('dense_1', 'kernel', [2, 4]),
  weight('dense_1', 'bias', [4]),
  weight('dense_2', 'kernel', [4, 2]),
  weight('dense_2', 'bias', [2]),
  weight('dense_3', 'kernel', [2, 2]),
  weight('dense_3', 'bias', [2]),
];

describe('networkShape and networkLayout', () => {
  test('the layer sizes come from the kernels, input side first', () => {
    const shape = networkShape(DEFAULT);
    expect(shape).toEqual({
      inputs: 2,
      layers: [
        { name: 'dense_1', units: 4 },
        { name: 'dense_2', units: 2 },
        { name: 'dense_3', units: 2 },
      ],
    });
    expect(columnSizes(shape)).toEqual([2, 4, 2, 2]);
  });

  test('the default net is 360–480 wide and at most 300 high, one node per unit', () => {
    const layout = networkLayout([2, 4, 2, 2]);
    expect(layout.width).toBeGreaterThanOrEqual(360);
    expect(layout.width).toBeLessThanOrEqual(480);
    expect(layout.height).toBeLessThanOrEqual(300);
    expect(layout.columns.map((c) => c.nodes.length)).toEqual([2, 4, 2, 2]);
    expect(layout.nodeSize).toBe(40);
  });

  test('columns run left to right, nodes top to bottom, every node inside the figure', () => {
    for (const sizes of [
      [2, 4, 2, 2],
      [2, 8, 8, 8, 3],
      [2, 64, 64, 2],
      [2, 2],
    ]) {
      const layout = networkLayout(sizes);
      const s = layout.nodeSize;
      layout.columns.forEach((column, k) => {
        if (k > 0) expect(column.x).toBeGreaterThan(layout.columns[k - 1]?.x ?? Infinity);
        column.nodes.forEach((p, j) => {
          if (j > 0) expect(p.y).toBeGreaterThanOrEqual((column.nodes[j - 1]?.y ?? 0) + s);
          expect(p.x + s).toBeLessThanOrEqual(layout.width);
          expect(p.y + s).toBeLessThanOrEqual(layout.height);
          expect(p.y).toBeGreaterThan(layout.headingY);
        });
      });
    }
  });

  test('larger layers shrink the thumbnails down to a floor; edges thin with them', () => {
    const small = networkLayout([2, 4, 2, 2]);
    const big = networkLayout([2, 16, 16, 2]);
    const huge = networkLayout([2, 64, 64, 2]);
    expect(big.nodeSize).toBeLessThan(small.nodeSize);
    expect(huge.nodeSize).toBe(8);
    expect(huge.edgeScale).toBeLessThan(small.edgeScale);
    // Headings shrink when columns crowd, never past the column spacing.
    const crowded = networkLayout([2, 32, 16, 16, 8, 8, 4, 2]);
    expect(crowded.fontSize).toBeLessThan(11);
  });

  test('an edge runs from the right side of its source to the left side of its target', () => {
    const layout = networkLayout([2, 4, 2, 2]);
    const s = layout.nodeSize;
    const { d, mid } = edgeGeometry(layout, 0, 1, 3);
    const [x0, y0] = (/^M([\d.]+),([\d.]+)/.exec(d) ?? []).slice(1).map(Number);
    const [x1, y1] = (/ ([\d.]+),([\d.]+)$/.exec(d) ?? []).slice(1).map(Number);
    const source = layout.columns[0]?.nodes[1];
    const target = layout.columns[1]?.nodes[3];
    expect(x0).toBeCloseTo((source?.x ?? 0) + s, 1);
    expect(x1).toBeCloseTo(target?.x ?? 0, 1);
    expect(y0).toBeGreaterThan(source?.y ?? 0);
    expect(y0).toBeLessThan((source?.y ?? 0) + s);
    expect(y1).toBeGreaterThan(target?.y ?? 0);
    expect(y1).toBeLessThan((target?.y ?? 0) + s);
    expect(mid.x).toBeCloseTo(((x0 ?? 0) + (x1 ?? 0)) / 2, 1);
    expect(() => edgeGeometry(layout, 3, 0, 0)).toThrow(RangeError);
  });

  test('a tooltip anchors at a node’s middle or at an edge’s midpoint', () => {
    const layout = networkLayout([2, 4, 2, 2]);
    const node = layout.columns[1]?.nodes[2] ?? { x: 0, y: 0 };
    expect(itemAnchor(layout, [2, 4, 2, 2], { column: 2, row: 2 })).toEqual({
      x: node.x + layout.nodeSize / 2,
      top: node.y,
      bottom: node.y + layout.nodeSize,
    });
    const { mid } = edgeGeometry(layout, 1, 3, 1);
    expect(itemAnchor(layout, [2, 4, 2, 2], { column: 3, row: 3 * 2 + 1 }).x).toBe(mid.x);
  });
});

describe('keyboard order', () => {
  const sizes = [2, 4, 2, 2];

  test('node columns hold their units; edge columns every pair, in kernel order', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => itemCount(sizes, c))).toEqual([2, 8, 4, 8, 2, 4, 2]);
  });

  test('↑/↓, Home/End move within a column and stop at its ends', () => {
    expect(moveItem(sizes, { column: 2, row: 0 }, 'ArrowUp')).toEqual({ column: 2, row: 0 });
    expect(moveItem(sizes, { column: 2, row: 0 }, 'ArrowDown')).toEqual({ column: 2, row: 1 });
    expect(moveItem(sizes, { column: 2, row: 3 }, 'ArrowDown')).toEqual({ column: 2, row: 3 });
    expect(moveItem(sizes, { column: 1, row: 3 }, 'End')).toEqual({ column: 1, row: 7 });
    expect(moveItem(sizes, { column: 1, row: 3 }, 'Home')).toEqual({ column: 1, row: 0 });
  });

  test('→ goes from a node to its first outgoing edge, then to the node that edge enters', () => {
    // x₂ (row 1) → edge x₂ → neuron 1 of dense_1, kernel index 1·4 + 0.
    expect(moveItem(sizes, { column: 0, row: 1 }, 'ArrowRight')).toEqual({ column: 1, row: 4 });
    // Edge 1·4 + 2 (x₂ → neuron 3) enters neuron 3 (row 2).
    expect(moveItem(sizes, { column: 1, row: 6 }, 'ArrowRight')).toEqual({ column: 2, row: 2 });
    // The last column has nowhere further to go.
    expect(moveItem(sizes, { column: 6, row: 1 }, 'ArrowRight')).toEqual({ column: 6, row: 1 });
  });

  test('← goes from a node to its first incoming edge, then to the node that edge leaves', () => {
    // dense_2's neuron 2 (column 4, row 1) ← edge dense_1 neuron 1 → it: index 0·2 + 1.
    expect(moveItem(sizes, { column: 4, row: 1 }, 'ArrowLeft')).toEqual({ column: 3, row: 1 });
    // Edge 3·2 + 1 leaves dense_1's neuron 4 (row 3).
    expect(moveItem(sizes, { column: 3, row: 7 }, 'ArrowLeft')).toEqual({ column: 2, row: 3 });
    expect(moveItem(sizes, { column: 0, row: 1 }, 'ArrowLeft')).toEqual({ column: 0, row: 1 });
  });

  test('other keys do not move', () => {
    expect(moveItem(sizes, { column: 0, row: 0 }, 'Enter')).toBeNull();
  });
});

describe('pt-BR words', () => {
  test('values read with a decimal comma, four decimals and a true minus sign', () => {
    expect(formatValue(-0.45671)).toBe('−0,4567');
    expect(formatValue(0.1)).toBe('0,1000');
    expect(formatValue(-0.00001)).toBe('0,0000');
    expect(formatValue(1234.5, 2)).toBe('1.234,50');
  });

  test('inputs are x₁, x₂, …', () => {
    expect([0, 1, 11].map(inputName)).toEqual(['x₁', 'x₂', 'x₁₂']);
  });

  test('the summary names the inputs, each hidden layer and the outputs', () => {
    const shape = (hidden: number[]) => ({
      inputs: 2,
      layers: [...hidden, 2].map((units, i) => ({ name: `dense_${i + 1}`, units })),
    });
    expect(networkSummary(shape([4, 2]))).toBe(
      'Rede com 2 entradas e 2 saídas; camadas ocultas de 4 e 2 neurônios.',
    );
    expect(networkSummary(shape([8, 8, 8]))).toBe(
      'Rede com 2 entradas e 2 saídas; camadas ocultas de 8, 8 e 8 neurônios.',
    );
    expect(networkSummary(shape([5]))).toBe(
      'Rede com 2 entradas e 2 saídas; uma camada oculta de 5 neurônios.',
    );
    expect(networkSummary(shape([1]))).toBe(
      'Rede com 2 entradas e 2 saídas; uma camada oculta de 1 neurônio.',
    );
    expect(networkSummary(shape([]))).toBe('Rede com 2 entradas e 2 saídas; sem camadas ocultas.');
  });

  test('a neuron’s name, then its tooltip with the bias and its output range', () => {
    expect(neuronLabel('dense_1', 2, false)).toBe('camada dense_1, neurônio 3');
    expect(neuronTip('dense_1', 2, false, { bias: 0.12344, min: -0.98, max: 0.5 })).toBe(
      'camada dense_1, neurônio 3 · viés 0,1234 · saída de −0,98 a 0,50 no plano',
    );
    expect(neuronTip('dense_3', 1, true, { bias: -0.05, min: 0.02, max: 0.97 })).toBe(
      'camada dense_3 (saída), neurônio da classe 1 · viés −0,0500 · probabilidade de 2% a 97% no plano',
    );
  });

  test('a weight’s name and tooltip say which units it links', () => {
    const first = { layer: 'dense_1', previous: null, from: 1, to: 2 };
    expect(weightLabel(first)).toBe('peso dense_1[2 → 3]');
    expect(weightTip(first, -0.45671)).toBe(
      'peso dense_1[2 → 3] = −0,4567 · liga a entrada x₂ ao neurônio 3 de dense_1 · no mapa de calor: entrada 1, unidade 2',
    );
    expect(weightTip({ layer: 'dense_2', previous: 'dense_1', from: 3, to: 0 }, 1)).toBe(
      'peso dense_2[4 → 1] = 1,0000 · liga o neurônio 4 de dense_1 ao neurônio 1 de dense_2 · no mapa de calor: entrada 3, unidade 0',
    );
    expect(inputTip(1, -1.6, 1.6)).toBe(
      'entrada x₂ · coordenada vertical do ponto, de −1,60 a 1,60',
    );
  });
});

describe('pixels and strokes', () => {
  const { edges, paintProbability, paintSigned, valueEntry } = networkPalette('light');
  test('signed values: negative red, zero near white, positive blue, clamped at ±1', () => {
    const rgba = new Uint8ClampedArray(5 * 4);
    paintSigned(rgba, [-1, 0, 1, 5, -5], 5, 1, 0);
    const px = (p: number) => Array.from(rgba.subarray(p * 4, p * 4 + 3));
    const [r0, , b0] = px(0);
    const [r2, , b2] = px(2);
    expect(r0).toBeGreaterThan(b0 ?? 0);
    expect(b2).toBeGreaterThan(r2 ?? 0);
    expect(Math.min(...px(1))).toBeGreaterThan(230);
    expect(px(3)).toEqual(px(2));
    expect(px(4)).toEqual(px(0));
    // Alpha is the caller's: untouched.
    expect(rgba[3]).toBe(0);
  });

  test('reads column `offset` of an [n, stride] array', () => {
    const rgba = new Uint8ClampedArray(2 * 4);
    paintSigned(rgba, [0, -1, 0, 1], 2, 2, 1);
    expect(rgba[0]).toBeGreaterThan(rgba[2] ?? 0); // -1: red
    expect(rgba[6]).toBeGreaterThan(rgba[4] ?? 0); // +1: blue
  });

  test('probabilities go from white to the class colour (class 0 blue #0072B2)', () => {
    const rgba = new Uint8ClampedArray(2 * 4);
    paintProbability(rgba, [0, 1], 2, 1, 0);
    expect(Math.min(...rgba.subarray(0, 3))).toBeGreaterThan(230);
    expect(Array.from(rgba.subarray(4, 7))).toEqual([0x00, 0x72, 0xb2]);
    // Class 1 (vermilion #D55E00) from one row [P(0), P(1)] = [0, 1].
    paintProbability(rgba, [0, 1], 1, 2, 1);
    expect(Array.from(rgba.subarray(0, 3))).toEqual([0xd5, 0x5e, 0x00]);
  });

  test('edges: wider for larger |w|, capped, never invisible; two colours by sign', () => {
    expect(edgeWidth(0)).toBeGreaterThan(0);
    expect(edgeWidth(1)).toBeGreaterThan(edgeWidth(0.1));
    expect(edgeWidth(-1)).toBe(edgeWidth(1));
    expect(edgeWidth(100)).toBe(6);
    expect(edgeWidth(0, 0.01)).toBe(0.25);
    expect(edges.negative).not.toBe(edges.positive);
    expect(valueEntry(-1)).toBe(0);
    expect(valueEntry(1)).toBe(255);
  });

  test('dark page: an output at probability 0 is the page background, not white', () => {
    const dark = networkPalette('dark');
    const rgba = new Uint8ClampedArray(2 * 4);
    dark.paintProbability(rgba, [0, 1], 2, 1, 0);
    expect(Array.from(rgba.subarray(0, 3))).toEqual([0x17, 0x18, 0x1c]);
    expect(Array.from(rgba.subarray(4, 7))).toEqual([0x00, 0x72, 0xb2]);
    // The strongest values are lighter than on a white page (the darkest ends are cut).
    const light = new Uint8ClampedArray(4);
    const darkPx = new Uint8ClampedArray(4);
    paintSigned(light, [1], 1, 1, 0);
    dark.paintSigned(darkPx, [1], 1, 1, 0);
    expect(darkPx[2]).toBeGreaterThan(light[2] ?? 255);
    expect(dark.edges.positive).not.toBe(edges.positive);
  });
});
