// A fresh process (vitest runs each file in its own fork): when wasm cannot start, cpu takes over.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test, vi } from 'vitest';
import { initBackend } from '../../../../src/core/backend/index';

test('wasm whose binaries cannot be found falls back to cpu', async () => {
  // tfjs warns about the failed start; keep the test output clean.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  expect(await initBackend('wasm', { wasmPath: '/nonexistent/anatomia/tfjs/' })).toBe('cpu');
  expect(tf.getBackend()).toBe('cpu');
  expect(warn).toHaveBeenCalled();
  warn.mockRestore();
});
