// The Dense lab draws its decision boundary with a page-side forward pass (no round trip to the
// worker per frame). It must be the same function the core trains: checked against the core's
// predict() for the same weights, over every hidden activation the lab offers.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  denseLayers,
  forward,
  forwardLayers,
  type DenseLayerWeights,
} from '../../../components/labs/dense/forward';
import {
  buildModel,
  createRng,
  initBackend,
  predict,
  readWeights,
  type Activation,
} from '../../../src/core/index';

beforeAll(async () => {
  expect(await initBackend('cpu')).toBe('cpu');
});

const N = 50;
const rng = createRng(7);
const points = Float32Array.from({ length: N * 2 }, () => rng.uniform(-6, 6)); // [N, 2]

async function compare(hidden: number[], activation: Activation, classes: number, seed: number) {
  const activations: Activation[] = [...hidden.map(() => activation), 'softmax'];
  const model = buildModel({
    inputShape: [2],
    layers: [
      ...hidden.map((units) => ({ type: 'dense' as const, units, activation })),
      { type: 'dense', units: classes, activation: 'softmax' },
    ],
    seed,
  });
  try {
    // Fresh biases are zero; random ones (as after training) make the kernel/bias pairing matter.
    for (const layer of model.layers) {
      const shapes = layer.getWeights().map((w) => w.shape);
      tf.tidy(() =>
        layer.setWeights(shapes.map((shape) => tf.randomUniform(shape, -1, 1, 'float32', seed))),
      );
    }
    const weights = await readWeights(model);
    const page = forward(denseLayers(weights, activations), points, N); // [N, classes]
    const core = predict(model, points, [N, 2]); // [N, classes]
    return { page, core };
  } finally {
    model.dispose();
  }
}

describe.each(['tanh', 'relu', 'sigmoid', 'linear'] as const)('hidden activation %s', (act) => {
  test('forward() gives predict()’s probabilities for hidden layers [4, 2]', async () => {
    const { page, core } = await compare([4, 2], act, 2, 1);
    expect(page).toHaveLength(core.length);
    page.forEach((p, i) => expect(p).toBeCloseTo(core[i] ?? NaN, 5));
  });
});

test('three classes through [8, 8, 8] relu layers still agree, and rows sum to 1', async () => {
  const { page, core } = await compare([8, 8, 8], 'relu', 3, 4);
  page.forEach((p, i) => expect(p).toBeCloseTo(core[i] ?? NaN, 5));
  for (let s = 0; s < N; s++) {
    expect((page[s * 3] ?? 0) + (page[s * 3 + 1] ?? 0) + (page[s * 3 + 2] ?? 0)).toBeCloseTo(1, 5);
  }
});

test('no hidden layer: a single softmax layer matches too', async () => {
  const { page, core } = await compare([], 'tanh', 2, 2);
  page.forEach((p, i) => expect(p).toBeCloseTo(core[i] ?? NaN, 5));
});

test('denseLayers pairs each kernel with its own bias, in layer order', async () => {
  const model = buildModel({
    inputShape: [2],
    layers: [
      { type: 'dense', units: 5, activation: 'tanh' },
      { type: 'dense', units: 3, activation: 'softmax' },
    ],
    seed: 9,
  });
  const weights = await readWeights(model);
  model.dispose();
  const layers = denseLayers(weights, ['tanh', 'softmax']);
  expect(layers.map((l) => [l.inputs, l.units, l.activation])).toEqual([
    [2, 5, 'tanh'],
    [5, 3, 'softmax'],
  ]);
  expect(layers[1]?.bias).toHaveLength(3);
  expect(layers[0]?.kernel).toHaveLength(10);
});

describe('forwardLayers', () => {
  // A net small enough to compute by hand: 2 inputs → 2 relu units → 2 softmax outputs.
  const hidden: DenseLayerWeights = {
    kernel: Float32Array.from([1, -1, 2, 0.5]), // [2, 2]: row i is input i
    bias: Float32Array.from([0, 0.5]),
    inputs: 2,
    units: 2,
    activation: 'relu',
  };
  const output: DenseLayerWeights = {
    kernel: Float32Array.from([1, 0, 0, 1]), // identity [2, 2]
    bias: Float32Array.from([0, 0]),
    inputs: 2,
    units: 2,
    activation: 'softmax',
  };
  const net = [hidden, output];
  // Two points: (1, 1) and (-1, 0.5).
  const twoPoints = Float32Array.from([1, 1, -1, 0.5]);

  test('returns every layer’s outputs [n, units], as computed by hand', () => {
    const outputs = forwardLayers(net, twoPoints, 2);
    expect(outputs).toHaveLength(2);
    // (1, 1): pre-activations 1·1 + 1·2 + 0 = 3 and 1·(-1) + 1·0.5 + 0.5 = 0 → relu (3, 0).
    // (-1, 0.5): -1 + 1 + 0 = 0 and 1 + 0.25 + 0.5 = 1.75 → relu (0, 1.75).
    expect(Array.from(outputs[0] ?? [])).toEqual([3, 0, 0, 1.75]);
    // softmax(3, 0) = (e³, 1) / (e³ + 1); softmax(0, 1.75) likewise.
    const p = Math.exp(3) / (Math.exp(3) + 1);
    const q = 1 / (1 + Math.exp(1.75));
    const expected = [p, 1 - p, q, 1 - q];
    Array.from(outputs[1] ?? []).forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 6));
  });

  test('forward() is the last of forwardLayers()’ outputs', () => {
    const last = forwardLayers(net, twoPoints, 2)[1];
    expect(forward(net, twoPoints, 2)).toEqual(last);
  });

  test('reuses the buffers it is given (no allocation per frame) and refills them', () => {
    const outputs = forwardLayers(net, twoPoints, 2);
    const [first, second] = outputs;
    const again = forwardLayers(net, Float32Array.from([0, 0, 0, 0]), 2, outputs);
    expect(again).toBe(outputs);
    expect(again[0]).toBe(first);
    expect(again[1]).toBe(second);
    // (0, 0): relu(0, 0.5) = (0, 0.5).
    expect(Array.from(again[0] ?? [])).toEqual([0, 0.5, 0, 0.5]);
  });

  test('replaces a buffer whose size no longer fits and drops extra layers', () => {
    const stale = [new Float32Array(1), new Float32Array(1), new Float32Array(7)];
    const outputs = forwardLayers(net, twoPoints, 2, stale);
    expect(outputs.map((o) => o.length)).toEqual([4, 4]);
  });

  test('no layer: no outputs, and forward() returns the points', () => {
    expect(forwardLayers([], twoPoints, 2)).toEqual([]);
    expect(forward([], twoPoints, 2)).toBe(twoPoints);
  });
});
