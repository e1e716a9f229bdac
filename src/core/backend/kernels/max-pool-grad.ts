// MaxPoolGrad for the wasm backend, replacing the shipped one (a generic 3-D pooling gradient in C++
// that visits, for every input pixel, every window covering it), which a profile of a CNN training
// step showed as its second-slowest kernel. Here each window is scanned once per channel, and
// dy goes to the first maximum (strict >, row-major window order): the cpu backend's rule
// too, so ties (e.g. all-zero ReLU windows) match it exactly.
import {
  backend_util,
  MaxPoolGrad,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { assertNhwcFloat, heapFloats } from './heap';

const maxPoolGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const dy = inputs['dy'] as TensorInfo; // [batch, outH, outW, channels]
  const input = inputs['input'] as TensorInfo; // [batch, inH, inW, channels]
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  assertNhwcFloat('MaxPoolGrad', info, [dy, input]);
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;

  const dxInfo = wasm.makeOutput(input.shape, 'float32');
  const dx = heapFloats(wasm, dxInfo);
  const x = heapFloats(wasm, input);
  const g = heapFloats(wasm, dy);
  dx.fill(0);
  const rowStride = inWidth * channels;
  let dyAt = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const ih0 = Math.max(0, oh * strideHeight - top);
      const ih1 = Math.min(inHeight, oh * strideHeight - top + filterHeight);
      for (let ow = 0; ow < outWidth; ow++, dyAt += channels) {
        const iw0 = Math.max(0, ow * strideWidth - left);
        const iw1 = Math.min(inWidth, ow * strideWidth - left + filterWidth);
        const corner = (b * inHeight + ih0) * rowStride + iw0 * channels;
        for (let c = 0; c < channels; c++) {
          let best = -Infinity;
          let at = -1;
          for (let ih = ih0, row = corner + c; ih < ih1; ih++, row += rowStride) {
            for (let iw = iw0, i = row; iw < iw1; iw++, i += channels) {
              const v = x[i] as number;
              if (v > best) {
                best = v;
                at = i;
              }
            }
          }
          if (at >= 0) (dx[at] as number) += g[dyAt + c] as number;
        }
      }
    }
  }
  return dxInfo;
};

export const maxPoolGradConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad,
};
