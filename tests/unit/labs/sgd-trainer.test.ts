// The SGD lab's trainer (components/labs/sgd/trainer.ts) on the core's stepper: each step reports
// the gradient of the mean squared error on the minibatch it took, the same minibatch for both
// models, and the weights it moved to; every Momento trains; a reset repeats the same steps.
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PATH_START, panelProblem, pathProblem } from '../../../components/labs/sgd/problem';
import { createSgdTrainer, type SgdTrainer } from '../../../components/labs/sgd/trainer';
import { DivergenceError, createRng, initBackend } from '../../../src/core/index';

beforeAll(async () => {
  expect(await initBackend('cpu')).toBe('cpu');
});

const path = pathProblem();
const panel = panelProblem();
const all = Array.from({ length: 64 }, (_, i) => i);
/** The first minibatch of the core's batcher with the trainer's seed (11). */
const firstBatch = (size: number): number[] =>
  Array.from(createRng(11).permutation(64)).slice(0, size);

/** ∂/∂(w1, w2) of the MSE of ŷ = w1·x + w2 over `batch`: (2/B) Σ err·x and (2/B) Σ err. */
function pathGradient(w1: number, w2: number, batch: readonly number[]): [number, number] {
  let g1 = 0;
  let g2 = 0;
  for (const i of batch) {
    const x = path.x[i] as number;
    const err = w1 * x + w2 - (path.y[i] as number);
    g1 += (2 * err * x) / batch.length;
    g2 += (2 * err) / batch.length;
  }
  return [g1, g2];
}

/** ∂/∂W of the MSE (mean over samples and the 3 outputs) of ŷ = xW + b; W [4, 3], row-major. */
function panelGradient(w: Float32Array, b: Float32Array, batch: readonly number[]): Float64Array {
  const grad = new Float64Array(12);
  for (const i of batch) {
    for (let o = 0; o < 3; o++) {
      let y = b[o] as number;
      for (let f = 0; f < 4; f++) y += (panel.x[i * 4 + f] as number) * (w[f * 3 + o] as number);
      const err = y - (panel.y[i * 3 + o] as number);
      for (let f = 0; f < 4; f++) {
        const k = f * 3 + o;
        grad[k] =
          (grad[k] as number) + (2 * err * (panel.x[i * 4 + f] as number)) / (3 * batch.length);
      }
    }
  }
  return grad;
}

let trainer: SgdTrainer | null = null;
let baseline = 0;
const start = async (): Promise<SgdTrainer> => {
  baseline = tf.memory().numTensors;
  trainer = await createSgdTrainer(PATH_START);
  return trainer;
};
afterEach(() => {
  trainer?.dispose();
  trainer = null;
  // Models, steppers, optimizers and gradients: all gone with the trainer.
  expect(tf.memory().numTensors).toBe(baseline);
});

describe('a step of the SGD lab', () => {
  test('reports the MSE gradient on the whole set, and w moves by −η·∇w', async () => {
    const t = await start();
    const r = await t.step({ learningRate: 0.1, momentum: 0, batchSize: 64 });
    expect(r.step).toBe(1);
    expect(r.batchSize).toBe(64);
    expect(r.w).toEqual(PATH_START);
    const [g1, g2] = pathGradient(...PATH_START, all);
    expect(r.grad[0]).toBeCloseTo(g1, 3);
    expect(r.grad[1]).toBeCloseTo(g2, 3);
    expect(r.next[0]).toBeCloseTo(PATH_START[0] - 0.1 * g1, 4);
    expect(r.next[1]).toBeCloseTo(PATH_START[1] - 0.1 * g2, 4);
    expect(r.panel.shape).toEqual([4, 3]);
    expect(r.panel.before).toEqual(t.panel[0]);
    const hand = panelGradient(t.panel[0], t.panel[1], all);
    r.panel.grad.forEach((g, k) => expect(g).toBeCloseTo(hand[k] as number, 4));
    r.panel.after.forEach((w, k) =>
      expect(w).toBeCloseTo((r.panel.before[k] as number) - 0.1 * (r.panel.grad[k] as number), 5),
    );
  });

  test('takes both models on the same minibatch, and the next step starts where it ended', async () => {
    const t = await start();
    const r = await t.step({ learningRate: 0.1, momentum: 0, batchSize: 4 });
    const batch = firstBatch(4);
    const [g1, g2] = pathGradient(...PATH_START, batch);
    expect(r.batchSize).toBe(4);
    expect(r.grad[0]).toBeCloseTo(g1, 4);
    expect(r.grad[1]).toBeCloseTo(g2, 4);
    const hand = panelGradient(t.panel[0], t.panel[1], batch);
    r.panel.grad.forEach((g, k) => expect(g).toBeCloseTo(hand[k] as number, 4));
    const second = await t.step({ learningRate: 0.1, momentum: 0, batchSize: 4 });
    expect(second.step).toBe(2);
    expect(second.w).toEqual(r.next);
    expect(second.panel.before).toEqual(r.panel.after);
  });

  test.each([0.5, 0.9])('trains both models with Momento %d', async (momentum) => {
    const t = await start();
    for (let s = 1; s <= 5; s++) {
      const r = await t.step({ learningRate: 0.1, momentum, batchSize: 4 });
      expect(r.step).toBe(s);
      expect([...r.next, ...r.panel.after].every(Number.isFinite)).toBe(true);
    }
  });

  test('a reset repeats the same steps from the start', async () => {
    const t = await start();
    const config = { learningRate: 0.1, momentum: 0.9, batchSize: 16 };
    const first = [await t.step(config), await t.step(config)];
    await t.reset(PATH_START);
    const again = [await t.step(config), await t.step(config)];
    expect(again.map((r) => r.step)).toEqual([1, 2]);
    expect(again.map((r) => r.next)).toEqual(first.map((r) => r.next));
    expect(again.map((r) => Array.from(r.panel.after))).toEqual(
      first.map((r) => Array.from(r.panel.after)),
    );
  });

  test('a learning rate far too large ends in DivergenceError at the lab’s step', async () => {
    const t = await start();
    await t.step({ learningRate: 0.1, momentum: 0, batchSize: 64 });
    let error: unknown = null;
    for (let s = 0; s < 200 && error === null; s++) {
      await t.step({ learningRate: 10, momentum: 0, batchSize: 64 }).catch((e: unknown) => {
        error = e;
      });
    }
    expect(error).toBeInstanceOf(DivergenceError);
    const data = (error as DivergenceError).data;
    // Counted from the lab's first step, not from the change of learning rate.
    expect(data.code === 'divergence' && data.step).toBeGreaterThan(2);
    // Stopped while the loss is still a number, before the weights overflow to ±Infinity.
    expect(data.code === 'divergence' && Number.isFinite(data.loss)).toBe(true);
  });
});
