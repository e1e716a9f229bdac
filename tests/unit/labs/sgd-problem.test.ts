// The SGD lab draws pathLoss's landscape while its worker steps a real Dense(1) with tfjs gradients.
// Both must be the same function: the loss matches the layer's MSE, the gradient tfjs computes
// matches central finite differences of pathLoss, and the landscape is pathLoss on its grid.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  PATH_DOMAIN,
  PATH_START,
  PATH_TRUE,
  landscape,
  panelProblem,
  pathLoss,
  pathProblem,
} from '../../../components/labs/sgd/problem';
import { buildModel, initBackend } from '../../../src/core/index';

beforeAll(async () => {
  expect(await initBackend('cpu')).toBe('cpu');
});

const problem = pathProblem();

/** MSE and its gradient for ŷ = w1·x + w2 as the worker computes them: a Dense(1) and tf autodiff. */
function tfLossAndGradient(w1: number, w2: number): { loss: number; grad: [number, number] } {
  const model = buildModel({ inputShape: [1], layers: [{ type: 'dense', units: 1 }], seed: 3 });
  try {
    const layer = model.layers[0];
    if (!layer) throw new Error('no layer');
    tf.tidy(() => layer.setWeights([tf.tensor2d([[w1]]), tf.tensor1d([w2])]));
    const [kernel, bias] = model.trainableWeights.map((w) => w.read() as tf.Variable);
    return tf.tidy(() => {
      const x = tf.tensor2d(problem.x, [problem.n, 1]); // [n, 1]
      const y = tf.tensor2d(problem.y, [problem.n, 1]); // [n, 1]
      const { value, grads } = tf.variableGrads(
        () => tf.mean(tf.squaredDifference(y, model.apply(x) as tf.Tensor)) as tf.Scalar,
        [kernel as tf.Variable, bias as tf.Variable],
      );
      const g = (v: tf.Variable | undefined): number =>
        (grads[v?.name ?? ''] as tf.Tensor).dataSync()[0] as number;
      return { loss: value.dataSync()[0] as number, grad: [g(kernel), g(bias)] };
    });
  } finally {
    model.dispose();
  }
}

/** Central differences of pathLoss (float64 arithmetic on the float32 data). */
function numericGradient(w1: number, w2: number, h = 1e-4): [number, number] {
  return [
    (pathLoss(problem, w1 + h, w2) - pathLoss(problem, w1 - h, w2)) / (2 * h),
    (pathLoss(problem, w1, w2 + h) - pathLoss(problem, w1, w2 - h)) / (2 * h),
  ];
}

const POINTS: [number, number][] = [PATH_START, [0, 0], [3.5, -3.5], [PATH_TRUE.w1, PATH_TRUE.w2]];

describe.each(POINTS)('at (w1, w2) = (%d, %d)', (w1, w2) => {
  test('pathLoss equals the Dense(1) layer’s mean squared error', () => {
    const { loss } = tfLossAndGradient(w1, w2);
    expect(pathLoss(problem, w1, w2)).toBeCloseTo(loss, 3);
  });

  test('the gradient tfjs follows matches finite differences of pathLoss', () => {
    const { grad } = tfLossAndGradient(w1, w2);
    const numeric = numericGradient(w1, w2);
    for (let i = 0; i < 2; i++) {
      const scale = Math.max(1, Math.abs(numeric[i] ?? 0));
      expect(Math.abs((grad[i] ?? NaN) - (numeric[i] ?? NaN)) / scale).toBeLessThan(1e-3);
    }
  });
});

describe('the path problem', () => {
  test('is seeded: the same seed gives the same data, another seed other data', () => {
    expect(pathProblem().x).toEqual(problem.x);
    expect(pathProblem(6).x).not.toEqual(problem.x);
    expect(panelProblem().y).toEqual(panelProblem().y);
  });

  test('its loss is lowest near the true weights and much higher at the start', () => {
    const atTrue = pathLoss(problem, PATH_TRUE.w1, PATH_TRUE.w2);
    // Noise σ = 0.3: the best fit's MSE is about σ² = 0.09.
    expect(atTrue).toBeGreaterThan(0.03);
    expect(atTrue).toBeLessThan(0.2);
    expect(pathLoss(problem, ...PATH_START)).toBeGreaterThan(20 * atTrue);
  });

  test('the landscape is pathLoss at each cell’s centre, w1 across and w2 up', () => {
    const grid = landscape(problem, 10);
    expect(grid.values).toHaveLength(100);
    const [w1lo, w1hi] = PATH_DOMAIN.w1;
    const [w2lo, w2hi] = PATH_DOMAIN.w2;
    for (const [i, j] of [
      [0, 0],
      [3, 7],
      [9, 9],
    ] as const) {
      const w1 = w1lo + ((j + 0.5) / 10) * (w1hi - w1lo);
      const w2 = w2lo + ((i + 0.5) / 10) * (w2hi - w2lo);
      expect(grid.values[i * 10 + j]).toBeCloseTo(pathLoss(problem, w1, w2), 4);
    }
  });
});
