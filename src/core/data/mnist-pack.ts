// The packed MNIST subset: a tiny binary made at build time by scripts/prepare-assets.ts and read in the
// browser and in Node. Layout (little-endian):
//   0  'ANMN'            magic
//   4  u16 version       1
//   6  u8 rows, u8 cols  28, 28
//   8  u32 trainCount
//   12 u32 testCount
//   16 train pixels (trainCount·rows·cols u8), train labels (trainCount u8),
//      test pixels, test labels
import { InvalidConfigError } from '../errors.ts';
import type { Dataset, DatasetSplit } from '../types.ts';

export const MNIST_MAGIC = 'ANMN';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 16;
export const MNIST_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Raw digits: `pixels` holds count·rows·cols bytes (0 = background, 255 = ink). */
export interface MnistPart {
  pixels: Uint8Array;
  labels: Uint8Array;
}

export interface MnistPackInput {
  rows: number;
  cols: number;
  train: MnistPart;
  test: MnistPart;
}

export function encodeMnistPack(input: MnistPackInput): Uint8Array {
  const { rows, cols, train, test } = input;
  const size = rows * cols;
  const bytes = new Uint8Array(
    MNIST_HEADER_BYTES + (train.labels.length + test.labels.length) * (size + 1),
  );
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MNIST_MAGIC.charCodeAt(i);
  view.setUint16(4, MNIST_VERSION, true);
  view.setUint8(6, rows);
  view.setUint8(7, cols);
  view.setUint32(8, train.labels.length, true);
  view.setUint32(12, test.labels.length, true);
  let offset = MNIST_HEADER_BYTES;
  for (const part of [train, test]) {
    bytes.set(part.pixels, offset);
    offset += part.pixels.length;
    bytes.set(part.labels, offset);
    offset += part.labels.length;
  }
  return bytes;
}

function fail(received: unknown, reason: string): never {
  throw new InvalidConfigError('mnistPack', received, reason);
}

function toDataset(bytes: Uint8Array, offset: number, count: number, rows: number, cols: number) {
  const size = rows * cols;
  const x = new Float32Array(count * size); // [count, rows, cols, 1]
  const y = new Float32Array(count * 10); // [count, 10] one-hot
  for (let i = 0; i < x.length; i++) x[i] = (bytes[offset + i] as number) / 255;
  const labelsAt = offset + count * size;
  for (let n = 0; n < count; n++) {
    const label = bytes[labelsAt + n] as number;
    if (label > 9) fail(label, `label of digit ${n} is not 0–9`);
    y[n * 10 + label] = 1;
  }
  const dataset: Dataset = {
    x,
    xShape: [rows, cols, 1],
    y,
    yShape: [10],
    classes: MNIST_CLASSES.slice(),
  };
  return { dataset, end: labelsAt + count };
}

/** Reads a pack made by `encodeMnistPack`: pixels scaled to [0, 1], shape [n, 28, 28, 1], one-hot y. */
export function parseMnistPack(buffer: ArrayBuffer): DatasetSplit {
  if (buffer.byteLength < MNIST_HEADER_BYTES)
    fail(buffer.byteLength, 'file is shorter than its header');
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MNIST_MAGIC) fail(magic, `magic is not ${MNIST_MAGIC}`);
  const version = view.getUint16(4, true);
  if (version !== MNIST_VERSION) fail(version, `version ${MNIST_VERSION} expected`);
  const rows = view.getUint8(6);
  const cols = view.getUint8(7);
  const trainCount = view.getUint32(8, true);
  const testCount = view.getUint32(12, true);
  const expectedBytes = MNIST_HEADER_BYTES + (trainCount + testCount) * (rows * cols + 1);
  if (buffer.byteLength !== expectedBytes) {
    fail(
      buffer.byteLength,
      `${expectedBytes} bytes expected for ${trainCount}+${testCount} digits`,
    );
  }
  const train = toDataset(bytes, MNIST_HEADER_BYTES, trainCount, rows, cols);
  const test = toDataset(bytes, train.end, testCount, rows, cols);
  return { train: train.dataset, test: test.dataset };
}
