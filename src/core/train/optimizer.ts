import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerSpec } from '../types.ts';
import { checkNumber, checkOneOf, checkPositive } from '../validate.ts';

/**
 * tfjs 4.22's MomentumOptimizer.dispose frees the momentum and the accumulators but not the
 * learning-rate scalar it inherits from SGDOptimizer (`c`): one tensor lost per optimizer.
 */
class MomentumOptimizer extends tf.MomentumOptimizer {
  override dispose(): void {
    super.dispose();
    this.c.dispose();
  }
}

export function makeOptimizer(spec: OptimizerSpec): tf.Optimizer {
  const name = checkOneOf('optimizer.name', spec?.name, ['sgd', 'adam'] as const);
  const learningRate = checkPositive('optimizer.learningRate', spec.learningRate);
  if (name === 'adam') return tf.train.adam(learningRate);
  const momentum = spec.name === 'sgd' ? (spec.momentum ?? 0) : 0;
  checkNumber('optimizer.momentum', momentum, 0, 1);
  // tf.train.momentum with momentum 0 is plain SGD plus an accumulator; use the real thing.
  return momentum > 0 ? new MomentumOptimizer(learningRate, momentum) : tf.train.sgd(learningRate);
}
