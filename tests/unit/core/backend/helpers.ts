// Shared by the backend tests: seeded data, cross-backend runs and error measures.
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { initBackend } from '../../../../src/core/backend/index';

/** Deterministic uniform values in [lo, hi) (mulberry32). */
export function seededValues(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = lo + (hi - lo) * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
  return out;
}

export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** max |a − b| / max |b|: the error relative to the reference's scale. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs((actual[i] as number) - (expected[i] as number)));
    scale = Math.max(scale, Math.abs(expected[i] as number));
  }
  return scale === 0 ? diff : diff / scale;
}

/** Runs `fn` with `backend` active; tensors must be created inside. Results must be plain data. */
export async function onBackend<T>(backend: 'cpu' | 'wasm', fn: () => T | Promise<T>): Promise<T> {
  if (backend === 'wasm') expect(await initBackend('wasm')).toBe('wasm');
  else expect(await tf.setBackend('cpu')).toBe(true);
  return fn();
}

/** Runs `fn` on cpu and on wasm with the same inputs; returns [cpu, wasm]. */
export async function onBothBackends<T>(fn: () => T | Promise<T>): Promise<[T, T]> {
  const cpu = await onBackend('cpu', fn);
  const wasm = await onBackend('wasm', fn);
  return [cpu, wasm];
}

/**
 * Like tfjs-layers' expectNoLeakedTensors: `fn` must leave tf.memory().numTensors unchanged, and the
 * backend's own buffer count too (kernels' scratch on the wasm heap is invisible to numTensors).
 */
export async function expectNoLeakedTensors(fn: () => unknown): Promise<void> {
  const tensors = tf.memory().numTensors;
  const buffers = tf.backend().numDataIds();
  await fn();
  expect(tf.memory().numTensors).toBe(tensors);
  expect(tf.backend().numDataIds()).toBe(buffers);
}
