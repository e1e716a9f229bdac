// initBackend in Node: wasm by default with our kernels, idempotent under repeated and concurrent
// calls, cpu on request, webgl (unavailable in Node) falling back to wasm.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import {
  addedWasmKernels,
  initBackend,
  replacedWasmKernels,
} from '../../../../src/core/backend/index';

test('initBackend() starts wasm with our training kernels registered, even called twice at once', async () => {
  expect(await Promise.all([initBackend(), initBackend('wasm')])).toEqual(['wasm', 'wasm']);
  expect(tf.getBackend()).toBe('wasm');
  expect(addedWasmKernels).toEqual(['Conv2DBackpropFilter']);
  for (const name of [...addedWasmKernels, ...replacedWasmKernels]) {
    expect(tf.getKernel(name, 'wasm')).toBeDefined();
  }
});

test('repeated and concurrent calls keep the same running backend', async () => {
  const backend = tf.backend();
  const results = await Promise.all([initBackend('wasm'), initBackend(), initBackend('wasm')]);
  expect(results).toEqual(['wasm', 'wasm', 'wasm']);
  expect(tf.backend()).toBe(backend);
});

test('cpu on request, then back to wasm', async () => {
  expect(await initBackend('cpu')).toBe('cpu');
  expect(tf.getBackend()).toBe('cpu');
  expect(await initBackend('wasm')).toBe('wasm');
  expect(tf.getBackend()).toBe('wasm');
});

test('webgl, which cannot start in Node, falls back to wasm', async () => {
  expect(await initBackend('webgl')).toBe('wasm');
  expect(tf.getBackend()).toBe('wasm');
});
