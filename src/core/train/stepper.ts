// The optimizer loop itself: one `optimizer.minimize` per batch, no model.fit (its callbacks and
// per-batch logs cost ~40% on tiny models). Nothing is read back per step: each step's loss stays on
// the device until `drain()` reads a whole slice of steps with one stack. Accuracy is counted there
// too, once per slice over the kept predictions: on a tiny model tfjs' per-kernel bookkeeping is the
// step's cost, and counting per step put 8 more kernels (argMax, equal, cast, sum, saved inputs) on the
// gradient tape of every step.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { createRng } from '../data/rng.ts';
import { DivergenceError } from '../errors.ts';
import type { Dataset, LossName } from '../types.ts';
import { createBatcher } from './batches.ts';
import { createForward, type Forward } from './forward.ts';
import { computeLoss, correctCount, hasAccuracy } from './loss.ts';

export interface Drained {
  /** Loss of each step since the last drain, in order. */
  losses: Float32Array;
  correct: number;
  samples: number;
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
      const { cost, samples, lastOfEpoch } = tf.tidy(() => {
        const batch = batcher.next();
        const cost = optimizer.minimize(
          () => {
            const pred = forward(batch.x); // [batch, ...yShape]
            if (accuracy) {
              // kept: they survive minimize's tidy; drain() disposes them
              targets.push(tf.keep(batch.y));
              predictions.push(tf.keep(pred));
            }
            return computeLoss(loss, batch.y, pred);
          },
          true,
          variables,
        ) as tf.Scalar;
        return { cost, samples: batch.x.shape[0] as number, lastOfEpoch: batch.lastOfEpoch };
      });
      costs.push(cost);
      pendingSamples += samples;
      steps++;
      if (lastOfEpoch) epochs++;
    },
    async drain() {
      if (costs.length === 0) return { losses: new Float32Array(0), correct: 0, samples: 0 };
      const [stepCosts, stepTargets, stepPredictions, samples, firstStep] = [
        costs,
        targets,
        predictions,
        pendingSamples,
        drainedSteps,
      ];
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
        const [losses, correct] = await Promise.all([
          lossTensor.data() as Promise<Float32Array>,
          correctTensor ? correctTensor.data() : Promise.resolve(new Float32Array(1)),
        ]);
        const bad = losses.findIndex((value) => !Number.isFinite(value));
        if (bad >= 0) throw new DivergenceError(firstStep + bad + 1, losses[bad] as number);
        return { losses: new Float32Array(losses), correct: correct[0] as number, samples };
      } finally {
        tf.dispose(correctTensor ? [lossTensor, correctTensor] : [lossTensor]);
      }
    },
    dispose() {
      tf.dispose([...costs, ...targets, ...predictions, xs, ys]);
      costs = [];
      targets = [];
      predictions = [];
      batcher.dispose();
    },
  };
}
