// The stepper's direct Dense forward pass must be the model's own: same predictions as model.apply,
// and the same losses and weights after training through it.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, pointSet, type ModelSpec } from '../../../src/core/index.ts';
import { createForward } from '../../../src/core/train/forward.ts';
import { makeOptimizer } from '../../../src/core/train/optimizer.ts';
import { createStepper } from '../../../src/core/train/stepper.ts';
import { expectNoLeakedTensors, startBackend } from './helpers.ts';

const dense = (units: number, activation: string, useBias = true) =>
  ({ type: 'dense', units, activation, useBias }) as ModelSpec['layers'][number];

const SPECS: Record<string, ModelSpec> = {
  playground: {
    inputShape: [2],
    layers: [dense(4, 'tanh'), dense(2, 'tanh'), dense(2, 'softmax')],
    seed: 1,
  },
  everyActivation: {
    inputShape: [2],
    layers: [
      dense(5, 'relu'),
      dense(5, 'sigmoid'),
      dense(5, 'elu', false),
      dense(5, 'selu'),
      dense(3, 'linear'),
      dense(3, 'softmax'),
    ],
    seed: 4,
  },
};
const DATA = pointSet('circles', { n: 60, seed: 2 });

beforeAll(startBackend);

/** Counts model.apply calls, to tell the direct pass from the fallback. */
function countApply(model: ReturnType<typeof buildModel>): { readonly calls: number } {
  const counter = { calls: 0 };
  const apply = model.apply.bind(model);
  model.apply = (...args: Parameters<typeof model.apply>) => {
    counter.calls++;
    return apply(...args);
  };
  return counter;
}

describe('createForward', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name}: the direct pass predicts what model.apply predicts`, () => {
      const model = buildModel(spec);
      const x = tf.tensor(DATA.x, [60, 2]);
      const [direct, viaModel] = [createForward(model), createForward(model, { direct: false })];
      const applied = countApply(model);
      const a = tf.tidy(() => direct(x));
      expect(applied.calls).toBe(0);
      const b = tf.tidy(() => viaModel(x));
      expect(applied.calls).toBe(1);
      expect(a.shape).toEqual(b.shape);
      const [av, bv] = [a.dataSync(), b.dataSync()];
      for (let i = 0; i < av.length; i++) expect(av[i]).toBeCloseTo(bv[i] as number, 6);
      tf.dispose([a, b, x]);
      model.dispose();
    });
  }

  it('trains to the same losses and weights as model.apply', async () => {
    const run = async (direct: boolean) => {
      const model = buildModel(SPECS['playground'] as ModelSpec);
      const optimizer = makeOptimizer({ name: 'sgd', learningRate: 0.03 });
      const stepper = createStepper(model, DATA, 60, {
        optimizer,
        loss: 'categoricalCrossentropy',
        batchSize: 10,
        seed: 1,
        forward: createForward(model, { direct }),
      });
      for (let i = 0; i < 30; i++) stepper.runStep();
      const drained = await stepper.drain();
      const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
      stepper.dispose();
      optimizer.dispose();
      model.dispose();
      return { ...drained, weights };
    };
    const [direct, viaModel] = await expectNoLeakedTensors(() =>
      Promise.all([run(true), run(false)]),
    );
    expect(direct.correct).toBe(viaModel.correct);
    expect(direct.samples).toBe(300);
    direct.losses.forEach((loss, i) => expect(loss).toBeCloseTo(viaModel.losses[i] as number, 5));
    direct.weights.flat().forEach((w, i) => expect(w).toBeCloseTo(viaModel.weights.flat()[i]!, 5));
    // The first loss is untrained (~ln 2); training moved it.
    expect(direct.losses[29]).not.toBeCloseTo(direct.losses[0] as number, 3);
  });

  it('falls back to model.apply for layers it does not know (MyDense)', () => {
    const model = buildModel({
      inputShape: [2],
      layers: [{ type: 'myDense', units: 3, activation: 'tanh' }, dense(2, 'softmax')],
      seed: 1,
    });
    const applied = countApply(model);
    const x = tf.tensor(DATA.x, [60, 2]);
    tf.tidy(() => createForward(model)(x));
    expect(applied.calls).toBe(1);
    x.dispose();
    model.dispose();
  });
});
