// anatomia.mnist() for cells: the course's packed MNIST subset (the file the Conv2D lab trains on)
// as tensors, so a lesson can train and evaluate on real digits. The pack is fetched and unpacked
// once per kernel; each call makes fresh tensors, which the cell's tracking scope owns.
import * as tf from '@tensorflow/tfjs-core';
import { gunzipIfNeeded, parseMnistPack } from '../../core';

export interface MnistPart {
  /** [n, 28, 28, 1], pixels in [0, 1] (0 = background). */
  x: tf.Tensor4D;
  /** [n, 10], one-hot. */
  y: tf.Tensor2D;
  /** The digit of each sample, 0–9. */
  labels: number[];
}

export interface MnistTensors {
  /** 2,000 digits for training (and for a validation split the cell makes). */
  train: MnistPart;
  /** 500 digits kept apart for the final test. */
  test: MnistPart;
}

export interface DatasetsOptions {
  /** Where the pack comes from; default: fetch `${BASE_URL}data/mnist.bin.gz`. */
  load?: () => Promise<ArrayBuffer>;
}

export const MNIST_URL = `${import.meta.env.BASE_URL}data/mnist.bin.gz`;

async function fetchPack(): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(MNIST_URL);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Não foi possível baixar os dígitos MNIST (${MNIST_URL}): ${reason}`, {
      cause: error,
    });
  }
  if (!response.ok) {
    throw new Error(
      `Não foi possível baixar os dígitos MNIST (${MNIST_URL}): resposta HTTP ${response.status}`,
    );
  }
  return response.arrayBuffer();
}

function labelsOf(oneHot: Float32Array, count: number): number[] {
  const labels: number[] = [];
  for (let n = 0; n < count; n++) {
    const row = oneHot.subarray(n * 10, n * 10 + 10);
    labels.push(row.indexOf(1));
  }
  return labels;
}

export function createDatasets(options: DatasetsOptions = {}) {
  const load = options.load ?? fetchPack;
  let pack: Promise<ArrayBuffer> | undefined;

  /** The packed digits as tensors: `train` (2,000) and `test` (500). */
  async function mnist(): Promise<MnistTensors> {
    pack ??= load().then(gunzipIfNeeded);
    let bytes: ArrayBuffer;
    try {
      bytes = await pack;
    } catch (error) {
      pack = undefined; // a failed download is retried on the next call
      throw error;
    }
    const split = parseMnistPack(bytes);
    const part = (data: typeof split.train): MnistPart => {
      const count = data.y.length / 10;
      const [rows = 28, cols = 28] = data.xShape;
      return {
        x: tf.tensor4d(data.x, [count, rows, cols, 1]),
        y: tf.tensor2d(data.y, [count, 10]),
        labels: labelsOf(data.y, count),
      };
    };
    return { train: part(split.train), test: part(split.test) };
  }

  return { mnist };
}
