// The two halves of a convolution as a matrix product, for NHWC tensors. A filter tap is
// (kh, kw, inC), flattened in tfjs' filter order [kh, kw, inC, outC]; a position is (b, oh, ow).
//
//   filter gradient:  dW [taps, outC]      = colsᵀ [taps, positions] · dy [positions, outC]
//   input gradient:   dcols [positions, taps] = dy [positions, outC] · Wᵀ [outC, taps], then
//                     every dcols entry is added back to the input pixel its tap read.
import type { backend_util } from '@tensorflow/tfjs-core';

/** kh·kw·inC. */
export function tapCount(info: backend_util.Conv2DInfo): number {
  return info.filterHeight * info.filterWidth * info.inChannels;
}

/** outH·outW: positions per sample. */
export function positionsPerSample(info: backend_util.Conv2DInfo): number {
  return info.outHeight * info.outWidth;
}

/** Output indices o in [lo, hi) read an input index o·stride + tap − pad inside [0, inSize). */
function validRange(tap: number, pad: number, stride: number, inSize: number, outSize: number) {
  const lo = Math.min(outSize, Math.max(0, Math.ceil((pad - tap) / stride)));
  const hi = Math.max(lo, Math.min(outSize, Math.ceil((inSize + pad - tap) / stride)));
  return [lo, hi] as const;
}

function hasPadding({ padInfo: p }: backend_util.Conv2DInfo): boolean {
  return p.top > 0 || p.bottom > 0 || p.left > 0 || p.right > 0;
}

/**
 * Writes samples [b0, b1) of x as colsᵀ, laid out [taps, (b1 − b0)·outH·outW]. Taps that fall into
 * the padding read 0. Writes are sequential; reads stride by inC·strideWidth.
 */
export function fillTransposedColumns(
  x: Float32Array, // [batch, inH, inW, inC]
  cols: Float32Array, // [taps, (b1 − b0)·outH·outW]
  info: backend_util.Conv2DInfo,
  b0: number,
  b1: number,
): void {
  const { inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const rowLength = (b1 - b0) * outHeight * outWidth;
  const xRowStride = inWidth * inChannels;
  const xBatchStride = inHeight * xRowStride;
  const xColStep = strideWidth * inChannels;
  // Only taps that fall into the padding stay 0; one memset beats a fill per row.
  if (hasPadding(info)) cols.fill(0, 0, tapCount(info) * rowLength);

  for (let kh = 0; kh < filterHeight; kh++) {
    const [ohLo, ohHi] = validRange(kh, top, strideHeight, inHeight, outHeight);
    for (let kw = 0; kw < filterWidth; kw++) {
      const [owLo, owHi] = validRange(kw, left, strideWidth, inWidth, outWidth);
      const xColOffset = (owLo * strideWidth + kw - left) * inChannels;
      for (let ic = 0; ic < inChannels; ic++) {
        const row = ((kh * filterWidth + kw) * inChannels + ic) * rowLength;
        for (let b = b0; b < b1; b++) {
          const sampleStart = row + (b - b0) * outHeight * outWidth;
          for (let oh = ohLo; oh < ohHi; oh++) {
            const at = sampleStart + oh * outWidth;
            let xAt = b * xBatchStride + (oh * strideHeight + kh - top) * xRowStride;
            xAt += xColOffset + ic;
            for (let ow = owLo; ow < owHi; ow++) {
              cols[at + ow] = x[xAt] as number;
              xAt += xColStep;
            }
          }
        }
      }
    }
  }
}

/**
 * Adds dcols [(b1 − b0)·outH·outW, taps] of samples [b0, b1) into dx: each entry goes to the input
 * pixel its tap read in the forward pass; taps in the padding are dropped. Reads are sequential.
 */
export function scatterColumns(
  dcols: Float32Array, // [(b1 − b0)·outH·outW, taps]
  dx: Float32Array, // [batch, inH, inW, inC], accumulated into
  info: backend_util.Conv2DInfo,
  b0: number,
  b1: number,
): void {
  const { inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const taps = tapCount(info);
  let src = 0;
  for (let b = b0; b < b1; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++, src += taps) {
        for (let kh = 0; kh < filterHeight; kh++) {
          const ih = oh * strideHeight + kh - top;
          if (ih < 0 || ih >= inHeight) continue;
          for (let kw = 0; kw < filterWidth; kw++) {
            const iw = ow * strideWidth + kw - left;
            if (iw < 0 || iw >= inWidth) continue;
            const from = src + (kh * filterWidth + kw) * inChannels;
            const to = ((b * inHeight + ih) * inWidth + iw) * inChannels;
            for (let ic = 0; ic < inChannels; ic++) {
              (dx[to + ic] as number) += dcols[from + ic] as number;
            }
          }
        }
      }
    }
  }
}
