// Kernels we add to tfjs-backend-wasm 4.22. Found by running real training steps of every lesson
// model type on wasm (tests/unit/core/backend/): the only missing kernel was Conv2DBackpropFilter,
// which Conv2D and Conv1D (run by tfjs as a Conv2D) need. Two shipped kernels are replaced because a
// profile of a CNN training step showed them as its slowest kernels (see each file).
import {
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
} from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input';
import { maxPoolGradConfig } from './max-pool-grad';

/** Kernels the installed tfjs-backend-wasm lacks. */
const missing: readonly KernelConfig[] = [conv2dBackpropFilterConfig];
/** Shipped kernels replaced by faster TypeScript-over-heap ones. */
const replacements: readonly KernelConfig[] = [conv2dBackpropInputConfig, maxPoolGradConfig];

export const addedWasmKernels: readonly string[] = missing.map((k) => k.kernelName);
export const replacedWasmKernels: readonly string[] = replacements.map((k) => k.kernelName);

/**
 * Registers our kernels on the 'wasm' backend. Idempotent. A missing kernel that a newer
 * tfjs-backend-wasm does ship is left to the package.
 */
export function registerWasmTrainingKernels(): void {
  for (const config of missing) {
    if (getKernel(config.kernelName, 'wasm') == null) registerKernel(config);
  }
  for (const config of replacements) {
    const current = getKernel(config.kernelName, 'wasm');
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (current != null) unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
}
