// The Dense lab draws its decision boundary with a page-side forward pass (no round trip to the
// worker per frame). It must be the same function the core trains: checked against the core's
// predict() for the same weights, over every hidden activation the lab offers.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { denseLayers, forward } from '../../../components/labs/dense/forward';
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
