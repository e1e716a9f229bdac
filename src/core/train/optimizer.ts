import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerSpec } from '../types.ts';
import { checkNumber, checkOneOf, checkPositive } from '../validate.ts';

export function makeOptimizer(spec: OptimizerSpec): tf.Optimizer {
  const name = checkOneOf('optimizer.name', spec?.name, ['sgd', 'adam'] as const);
  const learningRate = checkPositive('optimizer.learningRate', spec.learningRate);
  if (name === 'adam') return tf.train.adam(learningRate);
  const momentum = spec.name === 'sgd' ? (spec.momentum ?? 0) : 0;
  checkNumber('optimizer.momentum', momentum, 0, 1);
  // tf.train.momentum with momentum 0 is plain SGD plus an accumulator; use the real thing.
  return momentum > 0 ? tf.train.momentum(learningRate, momentum) : tf.train.sgd(learningRate);
}
