// Every lesson model type trains on wasm: one SGD step gives the cpu backend's loss and updated
// weights, a training step leaks no tensor, and a few steps make the loss fall.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-layers' default LSTM initializer (Orthogonal) calls the chained tensor.flatten().
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, test } from 'vitest';
import type { LossName } from '../../../../src/core/types';
import {
  expectNoLeakedTensors,
  onBackend,
  onBothBackends,
  relativeError,
  seededValues,
  size,
} from './helpers';

interface ModelCase {
  name: string;
  layers: () => tfl.layers.Layer[];
  x: number[];
  y: number[];
  loss: LossName;
}

const cases: ModelCase[] = [
  {
    name: 'dense + softmax, categorical cross-entropy',
    layers: () => [
      tfl.layers.dense({ inputShape: [2], units: 16, activation: 'relu' }),
      tfl.layers.dense({ units: 3, activation: 'softmax' }),
    ],
    x: [16, 2],
    y: [16, 3],
    loss: 'categoricalCrossentropy',
  },
  {
    name: 'one linear dense unit, mean squared error',
    layers: () => [tfl.layers.dense({ inputShape: [2], units: 1 })],
    x: [16, 2],
    y: [16, 1],
    loss: 'meanSquaredError',
  },
  {
    name: 'elu/selu/tanh dense, dropout, sigmoid, binary cross-entropy',
    layers: () => [
      tfl.layers.dense({ inputShape: [4], units: 8, activation: 'elu' }),
      tfl.layers.dense({ units: 8, activation: 'selu' }),
      tfl.layers.dense({ units: 8, activation: 'tanh' }),
      tfl.layers.dropout({ rate: 0.3, seed: 7 }),
      tfl.layers.dense({ units: 2, activation: 'sigmoid' }),
    ],
    x: [16, 4],
    y: [16, 2],
    loss: 'binaryCrossentropy',
  },
  {
    name: 'conv1d (strides 2, same) + maxPooling1d + conv1d (valid) + averagePooling1d',
    layers: () => [
      tfl.layers.conv1d({
        inputShape: [20, 2],
        filters: 4,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'relu',
      }),
      tfl.layers.maxPooling1d({ poolSize: 2 }),
      tfl.layers.conv1d({ filters: 3, kernelSize: 2, activation: 'tanh' }),
      tfl.layers.averagePooling1d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 1 }),
    ],
    x: [8, 20, 2],
    y: [8, 1],
    loss: 'meanSquaredError',
  },
  {
    name: 'conv2d + maxPooling2d + conv2d (strides 2, same) + averagePooling2d + flatten + softmax',
    layers: () => [
      tfl.layers.conv2d({ inputShape: [14, 14, 1], filters: 4, kernelSize: 3, activation: 'relu' }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.conv2d({
        filters: 6,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'relu',
      }),
      tfl.layers.averagePooling2d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 3, activation: 'softmax' }),
    ],
    x: [8, 14, 14, 1],
    y: [8, 3],
    loss: 'categoricalCrossentropy',
  },
  {
    name: 'lstm (returnSequences) + lstm + dense',
    layers: () => [
      tfl.layers.lstm({ inputShape: [10, 1], units: 8, returnSequences: true }),
      tfl.layers.lstm({ units: 4 }),
      tfl.layers.dense({ units: 1 }),
    ],
    x: [8, 10, 1],
    y: [8, 1],
    loss: 'meanSquaredError',
  },
];

const epsilon = 1e-7;

/** Keras' formulas, as the core's train loop computes them. yTrue, yPred: [batch, outputs]. */
function lossOf(name: LossName, yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  if (name === 'meanSquaredError') return tf.mean(tf.squaredDifference(yTrue, yPred));
  const p = tf.clipByValue(yPred, epsilon, 1 - epsilon);
  if (name === 'categoricalCrossentropy')
    return tf.mean(tf.neg(tf.sum(tf.mul(yTrue, tf.log(p)), -1)));
  const q = tf.log(tf.sub(1, p));
  return tf.mean(tf.neg(tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), q))));
}

/** Targets that suit the loss: one-hot rows, 0/1 labels, or real values. */
function targets(c: ModelCase): Float32Array {
  const raw = seededValues(size(c.y), 2, 0, 1);
  if (c.loss === 'meanSquaredError') return raw;
  if (c.loss === 'binaryCrossentropy') return raw.map((v) => (v > 0.5 ? 1 : 0));
  const [rows = 0, classes = 1] = c.y;
  const oneHot = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    oneHot[r * classes + Math.min(classes - 1, Math.floor((raw[r] as number) * classes))] = 1;
  }
  return oneHot;
}

interface Run {
  model: tfl.Sequential;
  x: tf.Tensor;
  y: tf.Tensor;
  optimizer: tf.Optimizer;
}

/** The same model, weights and data on the active backend. */
function setUp(c: ModelCase): Run {
  const model = tfl.sequential({ layers: c.layers() });
  const weights = model
    .getWeights()
    .map((w, i) => tf.tensor(seededValues(w.size, 50 + i, -0.4, 0.4), w.shape));
  model.setWeights(weights);
  tf.dispose(weights);
  const x = tf.tensor(seededValues(size(c.x), 1), c.x);
  const y = tf.tensor(targets(c), c.y);
  return { model, x, y, optimizer: tf.train.sgd(0.1) };
}

function step(c: ModelCase, run: Run): number {
  const loss = run.optimizer.minimize(
    () => lossOf(c.loss, run.y, run.model.apply(run.x, { training: true }) as tf.Tensor),
    true,
  ) as tf.Scalar;
  const value = loss.dataSync()[0] as number;
  loss.dispose();
  return value;
}

function tearDown(run: Run): void {
  tf.dispose([run.x, run.y]);
  run.optimizer.dispose();
  run.model.dispose();
}

describe.each(cases)('$name', (c) => {
  test('one SGD step on wasm gives the cpu loss and updated weights', async () => {
    const once = () => {
      const run = setUp(c);
      const loss = step(c, run);
      const weights = run.model.getWeights().map((w) => w.dataSync() as Float32Array);
      tearDown(run);
      return { loss, weights };
    };
    const [cpu, wasm] = await onBothBackends(once);
    expect(Math.abs(wasm.loss - cpu.loss) / Math.abs(cpu.loss)).toBeLessThan(1e-4);
    cpu.weights.forEach((w, i) => {
      expect(relativeError(wasm.weights[i] as Float32Array, w)).toBeLessThan(1e-4);
    });
  });

  test('a training step on wasm leaks no tensor, and ten steps lower the loss', async () => {
    await onBackend('wasm', async () => {
      const run = setUp(c);
      let first = 0;
      await expectNoLeakedTensors(() => (first = step(c, run)));
      let last = first;
      for (let i = 0; i < 10; i++) last = step(c, run);
      expect(last).toBeLessThan(first);
      tearDown(run);
    });
  });
});

test('model.trainOnBatch with tfjs-layers losses runs on wasm like on cpu', async () => {
  const c = cases[4] as ModelCase;
  const once = async () => {
    const run = setUp(c);
    run.model.compile({ optimizer: run.optimizer, loss: c.loss });
    const loss = (await run.model.trainOnBatch(run.x, run.y)) as number;
    tearDown(run);
    return loss;
  };
  const [cpu, wasm] = await onBothBackends(once);
  expect(Math.abs(wasm - cpu) / Math.abs(cpu)).toBeLessThan(1e-4);
});
