// Inference as plain data in, plain data out.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { ShapeMismatchError } from '../errors.ts';
import { sizeOf } from '../validate.ts';

/** The input shape a model expects, batch axis first as null. */
export function modelInputShape(model: tfl.LayersModel): (number | null)[] {
  return (model.inputs[0]?.shape ?? []).slice();
}

/**
 * Runs `model` on `x` of shape `shape` ([n, ...sample shape]) and returns its outputs, flat
 * ([n, ...output shape]). Throws ShapeMismatchError naming both shapes when x doesn't fit.
 */
export function predict(model: tfl.LayersModel, x: Float32Array, shape: number[]): Float32Array {
  const expected = modelInputShape(model);
  const fits =
    shape.length === expected.length &&
    expected.every((dim, i) => dim === null || dim === shape[i]) &&
    x.length === sizeOf(shape);
  if (!fits) throw new ShapeMismatchError(model.layers[0]?.name ?? 'input', expected, shape);
  const out = tf.tidy(() => model.predict(tf.tensor(x, shape)) as tf.Tensor);
  try {
    // A copy: the cpu backend would hand out its own buffer, which the caller may transfer.
    return new Float32Array(out.dataSync() as Float32Array);
  } finally {
    out.dispose();
  }
}
