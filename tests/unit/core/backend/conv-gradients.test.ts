// Conv2D/Conv1D gradients on wasm (our Conv2DBackpropFilter and Conv2DBackpropInput kernels) equal the
// cpu backend's, for every stride, padding and channel count the lessons can produce.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers'; // registers tfjs' gradient functions
import { describe, expect, test } from 'vitest';
import { makeConv2dBackpropFilter } from '../../../../src/core/backend/kernels/conv2d-backprop-filter';
import { makeConv2dBackpropInput } from '../../../../src/core/backend/kernels/conv2d-backprop-input';
import { onBackend, onBothBackends, relativeError, seededValues, size } from './helpers';

type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
interface ConvCase {
  x: [number, number, number, number]; // [batch, h, w, inC]
  filter: [number, number, number, number]; // [kh, kw, inC, outC]
  strides: number | [number, number];
  pad: Pad;
}

const cases: ConvCase[] = [
  { x: [2, 7, 7, 1], filter: [3, 3, 1, 4], strides: 1, pad: 'same' },
  { x: [2, 8, 8, 3], filter: [3, 3, 3, 5], strides: 2, pad: 'same' },
  { x: [3, 9, 7, 2], filter: [2, 3, 2, 3], strides: 2, pad: 'valid' },
  { x: [2, 10, 10, 4], filter: [5, 5, 4, 8], strides: [2, 1], pad: 'valid' },
  {
    x: [1, 6, 5, 3],
    filter: [3, 3, 3, 2],
    strides: 1,
    pad: [
      [0, 0],
      [1, 2],
      [0, 1],
      [0, 0],
    ],
  },
  { x: [2, 6, 6, 2], filter: [5, 5, 2, 3], strides: 1, pad: 'same' },
  {
    x: [1, 7, 6, 2],
    filter: [3, 2, 2, 2],
    strides: 2,
    pad: [
      [0, 0],
      [2, 0],
      [3, 1],
      [0, 0],
    ],
  },
  { x: [2, 5, 5, 6], filter: [1, 1, 6, 7], strides: 1, pad: 'valid' },
  { x: [2, 4, 4, 2], filter: [4, 4, 2, 3], strides: 3, pad: 'same' },
  { x: [2, 9, 9, 2], filter: [2, 2, 2, 3], strides: 3, pad: 'valid' },
  { x: [4, 28, 28, 1], filter: [5, 5, 1, 8], strides: 1, pad: 'valid' },
  { x: [3, 12, 12, 8], filter: [3, 3, 8, 16], strides: 1, pad: 'same' },
];

function describeCase(c: ConvCase): string {
  const pad = typeof c.pad === 'string' ? c.pad : JSON.stringify(c.pad);
  return `x ${c.x.join('×')}, filter ${c.filter.join('×')}, strides ${String(c.strides)}, ${pad}`;
}

/** d/dx and d/dfilter of Σ conv2d(x, filter) · weights, as plain arrays. */
function convGradients(c: ConvCase, seed: number): { dx: Float32Array; dw: Float32Array } {
  return tf.tidy(() => {
    const x = tf.tensor4d(seededValues(size(c.x), seed), c.x);
    const filter = tf.tensor4d(seededValues(size(c.filter), seed + 1), c.filter);
    const outShape = tf.conv2d(x, filter, c.strides, c.pad).shape;
    const weights = tf.tensor(seededValues(size(outShape), seed + 2), outShape);
    const f = (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), weights));
    const [dx, dw] = tf.grads(f)([x, filter]) as [tf.Tensor, tf.Tensor];
    return { dx: dx.dataSync() as Float32Array, dw: dw.dataSync() as Float32Array };
  });
}

describe('Conv2D gradients on wasm match cpu', () => {
  test.each(cases.map((c, i) => [describeCase(c), c, i] as const))('%s', async (_, c, i) => {
    const [cpu, wasm] = await onBothBackends(() => convGradients(c, 100 * i));
    expect(relativeError(wasm.dw, cpu.dw)).toBeLessThan(1e-4);
    expect(relativeError(wasm.dx, cpu.dx)).toBeLessThan(1e-4);
  });
});

describe('Conv1D (run by tfjs as a Conv2D) gradients on wasm match cpu', () => {
  const conv1dCases = [
    { x: [3, 20, 2], filter: [3, 2, 4], stride: 2, pad: 'same' as const },
    { x: [2, 17, 1], filter: [5, 1, 3], stride: 1, pad: 'valid' as const },
  ];
  test.each(conv1dCases)('x $x, filter $filter, stride $stride, $pad', async (c) => {
    const run = () =>
      tf.tidy(() => {
        const x = tf.tensor3d(seededValues(size(c.x), 7), c.x as [number, number, number]);
        const w = tf.tensor3d(
          seededValues(size(c.filter), 8),
          c.filter as [number, number, number],
        );
        const f = (a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.square(tf.conv1d(a as tf.Tensor3D, b as tf.Tensor3D, c.stride, c.pad)));
        return tf
          .grads(f)([x, w])
          .map((g) => g.dataSync() as Float32Array);
      });
    const [cpu, wasm] = await onBothBackends(run);
    expect(relativeError(wasm[0]!, cpu[0]!)).toBeLessThan(1e-4);
    expect(relativeError(wasm[1]!, cpu[1]!)).toBeLessThan(1e-4);
  });
});

test('gradient kernels split a batch whose scratch would exceed the limit: same result, no buffer left', async () => {
  await onBackend('wasm', () => {
    const c = cases[1] as ConvCase;
    const attrs = {
      strides: c.strides,
      pad: c.pad,
      dataFormat: 'NHWC',
    } as unknown as tf.NamedAttrMap;
    const backend = tf.backend();
    const x = tf.tensor4d(seededValues(size(c.x), 3), c.x);
    const filter = tf.tensor4d(seededValues(size(c.filter), 4), c.filter);
    const dy = tf.conv2d(x, filter, c.strides, c.pad);
    const buffers = backend.numDataIds();
    // 50 floats forces one sample per chunk.
    const small = { maxScratchFloats: 50 };
    const run = (kernel: tf.KernelFunc, inputs: tf.NamedTensorInfoMap, extra: object) => {
      const out = kernel({
        inputs,
        backend,
        attrs: { ...attrs, ...extra } as tf.NamedAttrMap,
      }) as tf.TensorInfo;
      const values = backend.readSync(out.dataId) as Float32Array;
      backend.disposeData(out.dataId);
      return values;
    };
    const dwChunked = run(makeConv2dBackpropFilter(small), { x, dy }, { filterShape: c.filter });
    const dwWhole = run(makeConv2dBackpropFilter(), { x, dy }, { filterShape: c.filter });
    const dxChunked = run(makeConv2dBackpropInput(small), { dy, filter }, { inputShape: c.x });
    const dxWhole = run(makeConv2dBackpropInput(), { dy, filter }, { inputShape: c.x });
    expect(relativeError(dwChunked, dwWhole)).toBeLessThan(1e-6);
    expect(relativeError(dxChunked, dxWhole)).toBeLessThan(1e-6);
    // Scratch (colsᵀ, Wᵀ, dy chunks, partial products) is freed on the wasm heap.
    expect(backend.numDataIds()).toBe(buffers);
    tf.dispose([x, filter, dy]);
  });
});
