// Conv2DBackpropInput for the wasm backend, replacing the shipped one: on the MNIST CNNs the shipped
// kernel (a direct C++ loop, no XNNPACK) was the slowest kernel of a training step. Here
//
//   dx[b, ih, iw, inC] = Σ over (oh, ow, kh, kw) with oh·sh + kh − padTop = ih, ow·sw + kw − padLeft = iw
//                        of Σ_outC dy[b, oh, ow, outC] · W[kh, kw, inC, outC]
//
// is computed as dcols = dy · Wᵀ on the backend's XNNPACK matmul, then each dcols entry is added to the
// input pixel it came from (see im2col.ts). Wᵀ is transposed in TypeScript: it is tiny, and the
// backend's matmul is ~10× slower with transposeB.
import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { type ConvKernelOptions } from './conv2d-backprop-filter';
import { assertNhwcFloat, copyRows, heapFloats, matMul, samplesPerChunk, withShape } from './heap';
import { positionsPerSample, scatterColumns, tapCount } from './im2col';

/** W [taps, outC] → Wᵀ [outC, taps] as a new wasm tensor. */
function transposedFilter(backend: BackendWasm, filter: TensorInfo, taps: number, outC: number) {
  const out = backend.makeOutput([outC, taps], 'float32');
  const w = heapFloats(backend, filter);
  const wt = heapFloats(backend, out);
  for (let t = 0; t < taps; t++) {
    for (let o = 0; o < outC; o++) wt[o * taps + t] = w[t * outC + o] as number;
  }
  return out;
}

export function makeConv2dBackpropInput(options: ConvKernelOptions = {}): KernelFunc {
  const maxScratch = options.maxScratchFloats ?? 1 << 22;
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const dy = inputs['dy'] as TensorInfo; // [batch, outH, outW, outC]
    const filter = inputs['filter'] as TensorInfo; // [kh, kw, inC, outC]
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
      attrs as unknown as Conv2DBackpropInputAttrs;
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      backend_util.convertConv2DDataFormat(dataFormat),
    );
    assertNhwcFloat('Conv2DBackpropInput', info, [dy, filter]);
    const taps = tapCount(info);
    const perSample = positionsPerSample(info);
    const dx = wasm.makeOutput(info.inShape, 'float32'); // [batch, inH, inW, inC]
    heapFloats(wasm, dx).fill(0);
    const wt = transposedFilter(wasm, filter, taps, info.outChannels); // [outC, taps]
    const chunk = samplesPerChunk(taps * perSample, maxScratch);
    for (let b0 = 0; b0 < info.batchSize; b0 += chunk) {
      const b1 = Math.min(info.batchSize, b0 + chunk);
      const wholeBatch = b0 === 0 && b1 === info.batchSize;
      const dyRows = wholeBatch
        ? withShape(dy, [info.batchSize * perSample, info.outChannels])
        : copyRows(wasm, dy, b0 * perSample, (b1 - b0) * perSample, info.outChannels);
      const dcols = matMul(wasm, dyRows, wt); // [positions, taps]
      scatterColumns(heapFloats(wasm, dcols), heapFloats(wasm, dx), info, b0, b1);
      wasm.disposeData(dcols.dataId);
      if (!wholeBatch) wasm.disposeData(dyRows.dataId);
    }
    wasm.disposeData(wt.dataId);
    return dx;
  };
}

export const conv2dBackpropInputConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: makeConv2dBackpropInput(),
};
