// makeOptimizer's optimizers give back every tensor they made when disposed, after training a
// model: the learning rate, the momentum and its per-variable accumulators, Adam's moments.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, type OptimizerSpec } from '../../../src/core/index.ts';
import { makeOptimizer } from '../../../src/core/train/optimizer.ts';
import { startBackend } from './helpers.ts';

beforeAll(startBackend);

const SPECS: OptimizerSpec[] = [
  { name: 'sgd', learningRate: 0.1 },
  { name: 'sgd', learningRate: 0.1, momentum: 0.5 },
  { name: 'sgd', learningRate: 0.1, momentum: 0.9 },
  { name: 'adam', learningRate: 0.01 },
];

describe('makeOptimizer: dispose frees everything the optimizer made', () => {
  it.each(SPECS)('%o', (spec) => {
    const model = buildModel({ inputShape: [2], layers: [{ type: 'dense', units: 3 }], seed: 1 });
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const x = tf.tensor2d([[1, 2]]); // [1, 2]
    const before = tf.memory().numTensors;
    const optimizer = makeOptimizer(spec);
    for (let step = 0; step < 3; step++) {
      optimizer.minimize(
        () => tf.sum(tf.square(model.apply(x) as tf.Tensor)) as tf.Scalar,
        false,
        variables,
      );
    }
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    model.dispose();
  });
});
