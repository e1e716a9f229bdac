// A fresh process (vitest runs each file in its own fork): wasm loads from the caller's wasmPath, and
// only the SIMD or plain binary is ever requested, even where threads would be detected.
import * as tf from '@tensorflow/tfjs-core';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { initBackend } from '../../../../src/core/backend/index';

const dist = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist',
);
const served = mkdtempSync(join(tmpdir(), 'anatomia-tfjs-'));
afterAll(() => rmSync(served, { recursive: true, force: true }));

test('wasm starts from a wasmPath that serves only the SIMD and plain binaries', async () => {
  for (const file of ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm']) {
    copyFileSync(join(dist, file), join(served, file));
  }
  // As a cross-origin-isolated page would report; the threaded binary is absent from `served`.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  expect(await initBackend('wasm', { wasmPath: served })).toBe('wasm');
  const sum = tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4]));
  expect(Array.from(await sum.data())).toEqual([4, 6]);
});
