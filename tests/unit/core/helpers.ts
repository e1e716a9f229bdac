// Shared test setup for the core: one backend per test file (vitest forks a process per file).
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { initBackend, type BackendName } from '../../../src/core/index.ts';

/** Starts the backend the core tests run on (wasm; CORE_TEST_BACKEND=cpu to compare). */
export async function startBackend(): Promise<BackendName> {
  const preferred = (process.env['CORE_TEST_BACKEND'] ?? 'wasm') as BackendName;
  const backend = await initBackend(preferred);
  expect(backend).toBe(preferred);
  return backend;
}

/** Runs `fn` and checks that it leaves tf.memory().numTensors where it found it. */
export async function expectNoLeakedTensors<T>(fn: () => Promise<T> | T): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await fn();
  expect(tf.memory().numTensors).toBe(before);
  return result;
}

/** A clock that advances by `stepMs` every time it is read: deterministic time for snapshot tests. */
export function fakeClock(stepMs: number): () => number {
  let now = 0;
  return () => (now += stepMs);
}
