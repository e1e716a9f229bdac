import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeMnistPack } from '../../../src/core';
import { createDatasets, MNIST_URL } from '../../../src/notebook/runtime/datasets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A pack of 3 training digits (labels 7, 0, 9) and 1 test digit (label 4); pixel p of digit n is n+p. */
function pack(): ArrayBuffer {
  const size = 28 * 28;
  const pixels = (count: number) =>
    Uint8Array.from(
      { length: count * size },
      (_, i) => (Math.floor(i / size) * 50 + (i % size)) % 256,
    );
  const bytes = encodeMnistPack({
    rows: 28,
    cols: 28,
    train: { pixels: pixels(3), labels: Uint8Array.from([7, 0, 9]) },
    test: { pixels: pixels(1), labels: Uint8Array.from([4]) },
  });
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function gzip(buffer: ArrayBuffer): Promise<ArrayBuffer> {
  const stream = new Blob([buffer]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

describe('anatomia.mnist()', () => {
  it('turns the pack into [n, 28, 28, 1] pixels in [0, 1], one-hot labels and the digits', async () => {
    const { mnist } = createDatasets({ load: async () => pack() });
    const { train, test } = await mnist();
    expect(train.x.shape).toEqual([3, 28, 28, 1]);
    expect(train.y.shape).toEqual([3, 10]);
    expect(train.labels).toEqual([7, 0, 9]);
    expect(test.x.shape).toEqual([1, 28, 28, 1]);
    expect(test.labels).toEqual([4]);
    expect(Array.from(train.y.dataSync().slice(0, 10))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    // Digit 1, pixel 5 was stored as 50 + 5 = 55.
    expect(train.x.dataSync()[28 * 28 + 5]).toBeCloseTo(55 / 255, 6);
    tf.dispose([train.x, train.y, test.x, test.y]);
  });

  it('reads a gzipped pack too, and downloads it only once per kernel', async () => {
    const zipped = await gzip(pack());
    const load = vi.fn(async () => zipped);
    const { mnist } = createDatasets({ load });
    const first = await mnist();
    const second = await mnist();
    expect(load).toHaveBeenCalledTimes(1);
    expect(second.train.labels).toEqual([7, 0, 9]);
    // Each call makes its own tensors: disposing one call's tensors leaves the other's intact.
    tf.dispose([first.train.x, first.train.y, first.test.x, first.test.y]);
    expect(second.train.x.isDisposed).toBe(false);
    tf.dispose([second.train.x, second.train.y, second.test.x, second.test.y]);
  });

  it('says in pt-BR which address failed and retries on the next call', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response('não achei', { status: 404 }))
      .mockResolvedValueOnce(new Response(pack()));
    vi.stubGlobal('fetch', fetchMock);
    const { mnist } = createDatasets();
    await expect(mnist()).rejects.toThrow(
      `Não foi possível baixar os dígitos MNIST (${MNIST_URL}): resposta HTTP 404`,
    );
    const { train, test } = await mnist();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock).toHaveBeenCalledWith(MNIST_URL);
    expect(train.labels).toHaveLength(3);
    tf.dispose([train.x, train.y, test.x, test.y]);
  });
});
