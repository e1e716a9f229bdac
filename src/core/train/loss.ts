// Losses and the accuracy count, as tfjs ops. Same formulas as tfjs-layers/Keras (probabilities
// clipped to [ε, 1 − ε] before the log), so curves match what model.fit would show.
import * as tf from '@tensorflow/tfjs-core';
import type { LossName } from '../types.ts';

const EPSILON = 1e-7;

/** Mean loss over the batch. yTrue, yPred: [batch, ...yShape]. */
export function computeLoss(name: LossName, yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  const last = yPred.rank - 1;
  switch (name) {
    case 'categoricalCrossentropy': {
      // −Σ y·log p over classes, then mean over the batch
      const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, last, true)), EPSILON, 1 - EPSILON);
      return tf.mean(tf.neg(tf.sum(tf.mul(yTrue, tf.log(p)), last)));
    }
    case 'binaryCrossentropy': {
      const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
      const perValue = tf.add(
        tf.mul(yTrue, tf.log(p)),
        tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))),
      );
      return tf.mean(tf.neg(perValue));
    }
    case 'meanSquaredError':
      return tf.mean(tf.squaredDifference(yTrue, yPred));
  }
}

/** Whether `accuracy` means something for this loss (classification). */
export function hasAccuracy(name: LossName): boolean {
  return name !== 'meanSquaredError';
}

/**
 * Number of correct predictions in the batch, as a float scalar. Categorical: argmax matches. Binary:
 * each output thresholded at 0.5 matches, averaged over the outputs of a sample.
 */
export function correctCount(name: LossName, yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  const last = yPred.rank - 1;
  if (name === 'binaryCrossentropy') {
    const hits = tf.cast(tf.equal(tf.greater(yPred, 0.5), tf.greater(yTrue, 0.5)), 'float32');
    return tf.div(tf.sum(hits), yPred.shape[last] as number);
  }
  return tf.sum(tf.cast(tf.equal(tf.argMax(yPred, last), tf.argMax(yTrue, last)), 'float32'));
}
