// Pooling gradients on wasm (our MaxPoolGrad; the shipped AvgPoolGrad) equal the cpu backend's,
// including ties, which ReLU outputs are full of: the gradient goes to the window's first maximum.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers'; // registers tfjs' gradient functions
import { describe, expect, test } from 'vitest';
import { onBothBackends, relativeError, seededValues, size } from './helpers';

interface PoolCase {
  x: [number, number, number, number];
  pool: [number, number];
  strides: [number, number];
  pad: 'same' | 'valid';
}

const cases: PoolCase[] = [
  { x: [2, 8, 8, 3], pool: [2, 2], strides: [2, 2], pad: 'valid' },
  { x: [2, 7, 7, 2], pool: [3, 3], strides: [2, 2], pad: 'same' },
  { x: [1, 6, 5, 4], pool: [2, 2], strides: [1, 1], pad: 'same' },
  { x: [3, 9, 8, 1], pool: [3, 2], strides: [1, 2], pad: 'valid' },
  { x: [2, 26, 26, 8], pool: [2, 2], strides: [2, 2], pad: 'valid' },
];

/** ReLU of seeded values, rounded to quarters so windows hold many equal maxima. */
function tiedInput(shape: number[], seed: number): tf.Tensor4D {
  const values = seededValues(size(shape), seed).map((v) => Math.max(0, Math.round(v * 4) / 4));
  return tf.tensor4d(values, shape as [number, number, number, number]);
}

function poolGradient(c: PoolCase, kind: 'max' | 'avg', seed: number): Float32Array {
  return tf.tidy(() => {
    const x = tiedInput(c.x, seed);
    const pool = kind === 'max' ? tf.maxPool : tf.avgPool;
    const outShape = pool(x, c.pool, c.strides, c.pad).shape;
    const weights = tf.tensor(seededValues(size(outShape), seed + 1), outShape);
    const f = (a: tf.Tensor) =>
      tf.sum(tf.mul(pool(a as tf.Tensor4D, c.pool, c.strides, c.pad), weights));
    return tf.grad(f)(x).dataSync() as Float32Array;
  });
}

describe.each(['max', 'avg'] as const)('%sPool gradients on wasm match cpu', (kind) => {
  test.each(
    cases.map(
      (c, i) =>
        [`x ${c.x.join('×')}, pool ${c.pool}, strides ${c.strides}, ${c.pad}`, c, i] as const,
    ),
  )('%s', async (_, c, i) => {
    const [cpu, wasm] = await onBothBackends(() => poolGradient(c, kind, 10 * i));
    expect(relativeError(wasm, cpu)).toBeLessThan(1e-5);
  });
});

test('1-D pooling (tfjs pools over an expanded axis) gradients on wasm match cpu', async () => {
  const run = () =>
    tf.tidy(() => {
      const x = tf.tensor3d(seededValues(2 * 21 * 3, 5), [2, 21, 3]);
      const f = (a: tf.Tensor) => {
        const x4 = tf.expandDims(a, 1) as tf.Tensor4D; // [batch, 1, steps, channels]
        const maxed = tf.maxPool(x4, [1, 3], [1, 2], 'valid');
        const averaged = tf.avgPool(x4, [1, 2], [1, 2], 'same');
        return tf.add(tf.sum(tf.square(maxed)), tf.sum(tf.square(averaged)));
      };
      return tf.grad(f)(x).dataSync() as Float32Array;
    });
  const [cpu, wasm] = await onBothBackends(run);
  expect(relativeError(wasm, cpu)).toBeLessThan(1e-5);
});
