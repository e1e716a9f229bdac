// The optimizer loop itself: one `optimizer.minimize` per batch, no model.fit (its callbacks and
// per-batch logs cost ~40% on tiny models). Nothing is read back per step: each step's loss stays on
// the device until `drain()` reads a whole slice of steps with one stack. Accuracy is counted there
// too, once per slice over the kept predictions: on a tiny model tfjs' per-kernel bookkeeping is the
// step's cost, and counting per step put 8 more kernels (argMax, equal, cast, sum, saved inputs) on the
// gradient tape of every step.
// With `gradients`, a step is variableGrads + applyGradients (what minimize does inside) so the
// gradients of the chosen weights outlive it; drain() reads the last step's as plain data.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { createRng } from '../data/rng.ts';
import { DivergenceError, InvalidConfigError } from '../errors.ts';
import { listWeights, type WeightRef } from '../model/weights.ts';
import type { Dataset, LossName, WeightSnapshot } from '../types.ts';
import { createBatcher } from './batches.ts';
import { createForward, type Forward } from './forward.ts';
import { computeLoss, correctCount, hasAccuracy } from './loss.ts';

export interface Drained {
  /** Loss of each step since the last drain, in order. */
  losses: Float32Array;
  correct: number;
  samples: number;
  /**
   * With StepperOptions.gradients: ∂loss/∂weight of the last step drained (on its minibatch, at the
   * weights before that step), one per weight asked for, in that order. Copies: plain data.
   */
  gradients?: WeightSnapshot[];
}

export interface Stepper {
  /** Queues one optimizer step (synchronous; tfjs kernels run or are enqueued). */
  runStep(): void;
  /** Reads the pending losses; throws DivergenceError at the first NaN/Infinity. */
  drain(): Promise<Drained>;
  readonly steps: number;
  /** Completed epochs. */
  readonly epochs: number;
  readonly accuracy: boolean;
  dispose(): void;
}

export interface StepperOptions {
  optimizer: tf.Optimizer;
  loss: LossName;
  batchSize: number;
  seed: number;
  /** The forward pass to differentiate; default createForward(model). */
  forward?: Forward;
  /** Weights whose gradients drain() reports, named as in snapshots ("dense_1/kernel"). */
  gradients?: readonly string[];
}

/** The trainable weights named in `names`, in that order; InvalidConfigError names a missing one. */
function reportedWeights(model: tfl.LayersModel, names: readonly string[]): WeightRef[] {
  const refs = listWeights(model);
  return names.map((name) => {
    const ref = refs.find((r) => r.name === name);
    if (ref === undefined || !ref.variable.trainable) {
      throw new InvalidConfigError('gradients', name, 'is not a trainable weight of the model');
    }
    return ref;
  });
}

export function createStepper(
  model: tfl.LayersModel,
  data: Dataset,
  count: number,
  options: StepperOptions,
): Stepper {
  const { optimizer, loss } = options;
  const accuracy = hasAccuracy(loss);
  const xs = tf.tensor(data.x, [count, ...data.xShape]);
  const ys = tf.tensor(data.y, [count, ...data.yShape]);
  const batcher = createBatcher(xs, ys, options.batchSize, createRng(options.seed));
  // An explicit var list: without it minimize differentiates against every variable in the process.
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const forward = options.forward ?? createForward(model);
  const reported = reportedWeights(model, options.gradients ?? []);
  /** The last step's gradients of `reported`, in order; disposed by the next step or drain. */
  let lastGradients: tf.Tensor[] = [];
  let costs: tf.Scalar[] = [];
  // Each step's targets and predictions, kept for drain()'s accuracy count.
  let targets: tf.Tensor[] = []; // [batch, ...yShape] each
  let predictions: tf.Tensor[] = []; // [batch, ...yShape] each
  let pendingSamples = 0;
  let steps = 0;
  let drainedSteps = 0;
  let epochs = 0;

  return {
    get steps() {
      return steps;
    },
    get epochs() {
      return epochs;
    },
    accuracy,
    runStep() {
      const { cost, samples, lastOfEpoch, gradients } = tf.tidy(() => {
        const batch = batcher.next();
        const f = (): tf.Scalar => {
          const pred = forward(batch.x); // [batch, ...yShape]
          if (accuracy) {
            // kept: they survive the gradient's tidy; drain() disposes them
            targets.push(tf.keep(batch.y));
            predictions.push(tf.keep(pred));
          }
          return computeLoss(loss, batch.y, pred);
        };
        const samples = batch.x.shape[0] as number;
        if (reported.length === 0) {
          const cost = optimizer.minimize(f, true, variables) as tf.Scalar;
          return { cost, samples, lastOfEpoch: batch.lastOfEpoch, gradients: [] };
        }
        const { value, grads } = tf.variableGrads(f, variables);
        optimizer.applyGradients(grads);
        // Returned from the tidy, so kept; every other gradient is disposed with it.
        const gradients = reported.map(
          (ref) => grads[(ref.variable.read() as tf.Variable).name] as tf.Tensor,
        );
        return { cost: value, samples, lastOfEpoch: batch.lastOfEpoch, gradients };
      });
      tf.dispose(lastGradients);
      lastGradients = gradients;
      costs.push(cost);
      pendingSamples += samples;
      steps++;
      if (lastOfEpoch) epochs++;
    },
    async drain() {
      if (costs.length === 0) return { losses: new Float32Array(0), correct: 0, samples: 0 };
      const [stepCosts, stepTargets, stepPredictions, samples, firstStep, stepGradients] = [
        costs,
        targets,
        predictions,
        pendingSamples,
        drainedSteps,
        lastGradients,
      ];
      lastGradients = [];
      costs = [];
      targets = [];
      predictions = [];
      pendingSamples = 0;
      drainedSteps = steps;
      const lossTensor = tf.stack(stepCosts); // [steps]
      const correctTensor =
        stepPredictions.length > 0
          ? tf.tidy(() =>
              // [samples, ...yShape] both: every step of the slice at once
              correctCount(loss, tf.concat(stepTargets), tf.concat(stepPredictions)),
            )
          : null;
      tf.dispose([...stepCosts, ...stepTargets, ...stepPredictions]);
      try {
        const [losses, correct, ...gradientValues] = await Promise.all([
          lossTensor.data() as Promise<Float32Array>,
          correctTensor ? correctTensor.data() : Promise.resolve(new Float32Array(1)),
          ...stepGradients.map((g) => g.data() as Promise<Float32Array>),
        ]);
        const bad = losses.findIndex((value) => !Number.isFinite(value));
        if (bad >= 0) throw new DivergenceError(firstStep + bad + 1, losses[bad] as number);
        const drained: Drained = {
          losses: new Float32Array(losses),
          correct: correct[0] as number,
          samples,
        };
        if (reported.length > 0) {
          drained.gradients = reported.map((ref, i) => ({
            name: ref.name,
            layer: ref.layer,
            kind: ref.kind,
            shape: ref.variable.shape.slice() as number[],
            // A copy: the cpu backend's data() is its own backing store.
            values: new Float32Array(gradientValues[i] as Float32Array),
          }));
        }
        return drained;
      } finally {
        tf.dispose(correctTensor ? [lossTensor, correctTensor] : [lossTensor]);
        tf.dispose(stepGradients);
      }
    },
    dispose() {
      tf.dispose([...costs, ...targets, ...predictions, ...lastGradients, xs, ys]);
      lastGradients = [];
      costs = [];
      targets = [];
      predictions = [];
      batcher.dispose();
    },
  };
}
