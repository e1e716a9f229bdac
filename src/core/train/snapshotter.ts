// Builds Snapshots as plain data: weights (copies), validation loss/accuracy, probe activations.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { createActivationProbe, type ActivationProbe } from '../model/activations.ts';
import { listWeights, readWeights } from '../model/weights.ts';
import type { ActivationSnapshot, Dataset, LossName, Snapshot } from '../types.ts';
import { computeLoss, correctCount, hasAccuracy } from './loss.ts';

/**
 * Validation and probe activations may each take at most this share of the wall time: each is re-run
 * only once the time since its last run is 1/BUDGET times what that run took (a big validation set or
 * an LSTM probe — ~2 ms of tiny kernels — then refreshes less often than snapshots are taken).
 */
const BUDGET = 0.05;
const VALIDATION_CHUNK = 256;

export interface SnapshotBase {
  step: number;
  epoch: number;
  loss: number;
  metrics: Record<string, number>;
}

export interface Snapshotter {
  /** `final` forces fresh validation and activations (pause, stop, done, step). */
  take(base: SnapshotBase, final: boolean): Promise<Snapshot>;
  dispose(): void;
}

export interface SnapshotterOptions {
  loss: LossName;
  validation?: { data: Dataset; count: number } | undefined;
  probe?: Float32Array | undefined;
  clock: () => number;
}

export function createSnapshotter(
  model: tfl.LayersModel,
  options: SnapshotterOptions,
): Snapshotter {
  const { loss, clock } = options;
  const weightRefs = listWeights(model);
  const probe: ActivationProbe | null = options.probe ? createActivationProbe(model) : null;
  const validation = options.validation
    ? {
        x: tf.tensor(options.validation.data.x, [
          options.validation.count,
          ...options.validation.data.xShape,
        ]),
        y: tf.tensor(options.validation.data.y, [
          options.validation.count,
          ...options.validation.data.yShape,
        ]),
        count: options.validation.count,
      }
    : null;
  let lastValidation: Record<string, number> = {};
  let nextValidationAt = -Infinity;
  let nextProbeAt = -Infinity;

  async function runProbe(): Promise<ActivationSnapshot[] | null> {
    if (probe === null || options.probe === undefined) return null;
    const started = clock();
    const activations = await probe.run(options.probe);
    nextProbeAt = clock() + (clock() - started) / BUDGET;
    return activations;
  }

  async function validate(): Promise<Record<string, number>> {
    if (validation === null) return {};
    const started = clock();
    const sums = tf.tidy(() => {
      let lossSum: tf.Tensor = tf.scalar(0);
      let correct: tf.Tensor = tf.scalar(0);
      for (let start = 0; start < validation.count; start += VALIDATION_CHUNK) {
        const size = Math.min(VALIDATION_CHUNK, validation.count - start);
        const x = tf.slice(validation.x, start, size);
        const y = tf.slice(validation.y, start, size);
        const pred = model.apply(x, { training: false }) as tf.Tensor;
        lossSum = tf.add(lossSum, tf.mul(computeLoss(loss, y, pred), size));
        if (hasAccuracy(loss)) correct = tf.add(correct, correctCount(loss, y, pred));
      }
      return tf.stack([lossSum, correct]); // [2]
    });
    const [lossSum, correct] = await sums.data();
    sums.dispose();
    const metrics: Record<string, number> = { valLoss: (lossSum as number) / validation.count };
    if (hasAccuracy(loss)) metrics['valAccuracy'] = (correct as number) / validation.count;
    const took = clock() - started;
    nextValidationAt = clock() + took / BUDGET;
    return metrics;
  }

  return {
    async take(base, final) {
      if (validation !== null && (final || clock() >= nextValidationAt))
        lastValidation = await validate();
      const weights = await readWeights(model, weightRefs);
      const activations = final || clock() >= nextProbeAt ? await runProbe() : null;
      const snapshot: Snapshot = {
        step: base.step,
        epoch: base.epoch,
        loss: base.loss,
        metrics: { ...base.metrics, ...lastValidation },
        weights,
      };
      if (activations) snapshot.activations = activations;
      return snapshot;
    },
    dispose() {
      if (validation) tf.dispose([validation.x, validation.y]);
    },
  };
}
