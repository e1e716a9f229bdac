// Seeded mini-batches. Once per epoch the whole dataset is gathered in a new seeded order (one kernel),
// then each batch is a slice of it — the cheapest honest shuffle tfjs offers.
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../data/rng.ts';

export interface Batch {
  x: tf.Tensor; // [batch, ...xShape]
  y: tf.Tensor; // [batch, ...yShape]
  /** True when this batch is the last one of its epoch. */
  lastOfEpoch: boolean;
}

export interface Batcher {
  /** Tensors the caller owns and must dispose (usually inside a tf.tidy). */
  next(): Batch;
  readonly batchesPerEpoch: number;
  dispose(): void;
}

export function createBatcher(xs: tf.Tensor, ys: tf.Tensor, batchSize: number, rng: Rng): Batcher {
  const n = xs.shape[0] as number;
  const size = Math.min(batchSize, n);
  const batchesPerEpoch = Math.ceil(n / size);
  let epoch: { x: tf.Tensor; y: tf.Tensor } | null = null;
  let position = 0;

  const shuffle = (): { x: tf.Tensor; y: tf.Tensor } => {
    const order = tf.tensor1d(Int32Array.from(rng.permutation(n)), 'int32');
    // kept: next() usually runs inside the caller's tf.tidy, and the epoch outlives that batch
    epoch = { x: tf.keep(tf.gather(xs, order)), y: tf.keep(tf.gather(ys, order)) };
    order.dispose();
    return epoch;
  };

  return {
    batchesPerEpoch,
    next() {
      const current = epoch ?? shuffle();
      // The last batch of an epoch may be smaller (Keras does the same).
      const count = Math.min(size, n - position);
      const x = tf.slice(current.x, position, count);
      const y = tf.slice(current.y, position, count);
      position += count;
      const lastOfEpoch = position >= n;
      if (lastOfEpoch) {
        tf.dispose([current.x, current.y]);
        epoch = null;
        position = 0;
      }
      return { x, y, lastOfEpoch };
    },
    dispose() {
      if (epoch) tf.dispose([epoch.x, epoch.y]);
      epoch = null;
    },
  };
}
