// Small helpers for kernels written in TypeScript over the wasm backend's heap.
import { BatchMatMul, getKernel, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * A float32 view of a tensor's bytes on the wasm heap. Take views only after the last allocation
 * (makeOutput, another kernel): growing the wasm memory detaches every view taken before.
 */
export function heapFloats(backend: BackendWasm, tensor: TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(tensor) as Float32Array;
}

/** The same bytes under another shape, like the wasm Reshape kernel (which also shares the data). */
export function withShape(tensor: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: tensor.dataId, shape, dtype: tensor.dtype };
}

/** a [m, k] · b [k, n] → a new wasm tensor [m, n], on the backend's XNNPACK matmul. */
export function matMul(backend: BackendWasm, a: TensorInfo, b: TensorInfo): TensorInfo {
  const kernel = getKernel(BatchMatMul, 'wasm');
  if (kernel == null) throw new Error('wasm backend has no BatchMatMul kernel');
  // Only the plain product is fast: with transposeA/transposeB the backend is ~10× slower.
  const out = kernel.kernelFunc({
    inputs: { a, b },
    backend,
    attrs: { transposeA: false, transposeB: false },
  }) as TensorInfo;
  return withShape(out, [a.shape[0] as number, b.shape[1] as number]);
}

/** A new wasm tensor [count, rowLength] holding a copy of rows [start, start + count) of `tensor`. */
export function copyRows(
  backend: BackendWasm,
  tensor: TensorInfo,
  start: number,
  count: number,
  rowLength: number,
): TensorInfo {
  const out = backend.makeOutput([count, rowLength], 'float32');
  const from = start * rowLength;
  heapFloats(backend, out).set(
    heapFloats(backend, tensor).subarray(from, from + count * rowLength),
  );
  return out;
}

/** How many samples fit in one chunk when each needs `floatsPerSample` floats of scratch. */
export function samplesPerChunk(floatsPerSample: number, maxFloats: number): number {
  return Math.max(1, Math.floor(maxFloats / Math.max(1, floatsPerSample)));
}

export function assertNhwcFloat(
  kernel: string,
  info: { dataFormat: string },
  tensors: TensorInfo[],
): void {
  // The wasm backend's forward Conv2D and pooling are NHWC-only too.
  if (info.dataFormat !== 'channelsLast') {
    throw new Error(`wasm backend ${kernel} does not support dataFormat '${info.dataFormat}'`);
  }
  if (tensors.some((t) => t.dtype !== 'float32')) {
    throw new Error(`wasm backend ${kernel} needs float32 tensors`);
  }
}
