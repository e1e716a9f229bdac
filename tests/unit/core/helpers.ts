// Shared test setup for the core: one backend per test file (vitest forks a process per file).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { expect } from 'vitest';

/** Starts the backend the core tests run on and returns its name. */
export async function startBackend(): Promise<string> {
  await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
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
