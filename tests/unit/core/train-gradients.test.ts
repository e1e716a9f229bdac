// The stepper's gradient report: with `gradients`, drain() hands out ∂loss/∂w of the step it just
// took for the weights asked for, as plain Float32Arrays. Checked against the gradient of the mean
// squared error of a Dense(1), worked out by hand:
//   ŷᵢ = xᵢ·w + b,  L = (1/B) Σᵢ (ŷᵢ − yᵢ)²,  ∂L/∂w = (2/B) Σᵢ (ŷᵢ − yᵢ) xᵢ,  ∂L/∂b = (2/B) Σᵢ (ŷᵢ − yᵢ).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidConfigError,
  buildModel,
  createRng,
  createStepper,
  makeOptimizer,
  type Dataset,
  type OptimizerSpec,
} from '../../../src/core/index.ts';
import { expectNoLeakedTensors, startBackend } from './helpers.ts';

// 4 samples × 2 features, one target each.
const X = [
  [1, 2],
  [0, 1],
  [-1, 0.5],
  [2, -1],
];
const Y = [1, 0, -1, 2];
const DATA: Dataset = {
  x: Float32Array.from(X.flat()),
  xShape: [2],
  y: Float32Array.from(Y),
  yShape: [1],
};
const W0 = [0.5, -1];
const B0 = 0.25;

interface Hand {
  loss: number;
  dw: [number, number];
  db: number;
}

/** MSE and its gradient over the samples `batch`, in float64. */
function byHand(w: readonly number[], b: number, batch: readonly number[]): Hand {
  let loss = 0;
  const dw: [number, number] = [0, 0];
  let db = 0;
  for (const i of batch) {
    const x = X[i] as number[];
    const err =
      (x[0] as number) * (w[0] as number) +
      (x[1] as number) * (w[1] as number) +
      b -
      (Y[i] as number);
    loss += err * err;
    dw[0] += 2 * err * (x[0] as number);
    dw[1] += 2 * err * (x[1] as number);
    db += 2 * err;
  }
  const n = batch.length;
  return { loss: loss / n, dw: [dw[0] / n, dw[1] / n], db: db / n };
}

function dense1(w: readonly number[], b: number) {
  // Named: tfjs numbers unnamed layers per process (dense_1, dense_2, …), one per model built.
  const model = buildModel({
    inputShape: [2],
    layers: [{ type: 'dense', units: 1, name: 'dense_1' }],
    seed: 1,
  });
  tf.tidy(() =>
    model.layers[0]?.setWeights([
      tf.tensor2d([[w[0] as number], [w[1] as number]]),
      tf.tensor1d([b]),
    ]),
  );
  return model;
}

/** Runs `steps` steps one drain at a time and returns every drain, the model's weights after each. */
async function run(options: {
  optimizer: OptimizerSpec;
  batchSize: number;
  steps: number;
  gradients?: readonly string[];
}) {
  const model = dense1(W0, B0);
  const optimizer = makeOptimizer(options.optimizer);
  const stepper = createStepper(model, DATA, 4, {
    optimizer,
    loss: 'meanSquaredError',
    batchSize: options.batchSize,
    seed: 7,
    ...(options.gradients ? { gradients: options.gradients } : {}),
  });
  const drains = [];
  const weights = [];
  try {
    for (let s = 0; s < options.steps; s++) {
      stepper.runStep();
      drains.push(await stepper.drain());
      const [kernel, bias] = model.getWeights();
      weights.push({ w: Array.from(kernel?.dataSync() ?? []), b: bias?.dataSync()[0] as number });
    }
  } finally {
    stepper.dispose();
    optimizer.dispose();
    model.dispose();
  }
  return { drains, weights };
}

beforeAll(startBackend);

describe('createStepper({gradients}): the gradient of each step', () => {
  it('is the hand-computed gradient of the MSE of a Dense(1) on the whole batch', async () => {
    const { drains, weights } = await expectNoLeakedTensors(() =>
      run({
        optimizer: { name: 'sgd', learningRate: 0.1 },
        batchSize: 4,
        steps: 2,
        gradients: ['dense_1/kernel', 'dense_1/bias'],
      }),
    );
    const all = [0, 1, 2, 3];
    let w = W0;
    let b = B0;
    for (const [s, drained] of drains.entries()) {
      const hand = byHand(w, b, all);
      expect(drained.losses[0]).toBeCloseTo(hand.loss, 5);
      const [kernel, bias] = drained.gradients ?? [];
      expect(kernel?.name).toBe('dense_1/kernel');
      expect(kernel?.shape).toEqual([2, 1]);
      expect(kernel?.values).toBeInstanceOf(Float32Array);
      expect(kernel?.values[0]).toBeCloseTo(hand.dw[0], 5);
      expect(kernel?.values[1]).toBeCloseTo(hand.dw[1], 5);
      expect(bias?.name).toBe('dense_1/bias');
      expect(bias?.shape).toEqual([1]);
      expect(bias?.values[0]).toBeCloseTo(hand.db, 5);
      // Plain SGD: the step it reports is the step it took, w ← w − η·∇w.
      const after = weights[s] as { w: number[]; b: number };
      expect(after.w[0]).toBeCloseTo((w[0] as number) - 0.1 * hand.dw[0], 5);
      expect(after.w[1]).toBeCloseTo((w[1] as number) - 0.1 * hand.dw[1], 5);
      expect(after.b).toBeCloseTo(b - 0.1 * hand.db, 5);
      w = after.w;
      b = after.b;
    }
  });

  it('is taken on the minibatch of that step, in the core’s seeded order', async () => {
    const { drains } = await run({
      optimizer: { name: 'sgd', learningRate: 0.1 },
      batchSize: 2,
      steps: 1,
      gradients: ['dense_1/kernel'],
    });
    // The batcher's first epoch: a permutation from the stepper's seed, sliced in order.
    const order = Array.from(createRng(7).permutation(4));
    const hand = byHand(W0, B0, order.slice(0, 2));
    const [kernel] = drains[0]?.gradients ?? [];
    expect(drains[0]?.losses[0]).toBeCloseTo(hand.loss, 5);
    expect(kernel?.values[0]).toBeCloseTo(hand.dw[0], 5);
    expect(kernel?.values[1]).toBeCloseTo(hand.dw[1], 5);
  });

  it('is the raw gradient with momentum, not the update the optimizer made of it', async () => {
    const { drains, weights } = await run({
      optimizer: { name: 'sgd', learningRate: 0.1, momentum: 0.9 },
      batchSize: 4,
      steps: 2,
      gradients: ['dense_1/kernel'],
    });
    const first = weights[0] as { w: number[]; b: number };
    const hand = byHand(first.w, first.b, [0, 1, 2, 3]);
    const [kernel] = drains[1]?.gradients ?? [];
    expect(kernel?.values[0]).toBeCloseTo(hand.dw[0], 5);
    // The second update carries the first one's velocity: it is not −η·∇w.
    const second = weights[1] as { w: number[]; b: number };
    expect(
      Math.abs((second.w[0] as number) - ((first.w[0] as number) - 0.1 * hand.dw[0])),
    ).toBeGreaterThan(1e-3);
  });

  it('is absent without the option, and the steps are the same', async () => {
    const asked = await run({
      optimizer: { name: 'sgd', learningRate: 0.1 },
      batchSize: 2,
      steps: 3,
      gradients: ['dense_1/kernel'],
    });
    const plain = await run({
      optimizer: { name: 'sgd', learningRate: 0.1 },
      batchSize: 2,
      steps: 3,
    });
    expect(plain.drains.every((d) => d.gradients === undefined)).toBe(true);
    plain.weights.forEach((step, s) =>
      step.w.forEach((v, i) => expect(v).toBeCloseTo(asked.weights[s]?.w[i] as number, 6)),
    );
  });

  it('refuses a weight the model does not have, naming it', () => {
    const model = dense1(W0, B0);
    const optimizer = makeOptimizer({ name: 'sgd', learningRate: 0.1 });
    try {
      expect(() =>
        createStepper(model, DATA, 4, {
          optimizer,
          loss: 'meanSquaredError',
          batchSize: 4,
          seed: 7,
          gradients: ['dense_9/kernel'],
        }),
      ).toThrow(InvalidConfigError);
    } finally {
      optimizer.dispose();
      model.dispose();
    }
  });
});
