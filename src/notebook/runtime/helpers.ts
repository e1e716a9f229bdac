// Helpers cells call to show rich outputs: images and charts as plain data, drawn by the page.
// Each returns a Displayable, so it shows as a cell's final expression or through display().
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { Displayable } from './inspect';
import type { ChartSpec } from './protocol';

/** Rows beyond this are dropped from a chart: Plot stays fast and the message small. */
const MAX_ROWS = 10_000;

type Row = Record<string, number | string>;
type ImageSource = tf.Tensor | number[] | number[][] | number[][][];

function toTensorData(source: tf.Tensor | ArrayLike<number> | unknown[]): {
  shape: number[];
  values: Float32Array;
} {
  return tf.tidy(() => {
    const t = source instanceof tf.Tensor ? source : tf.tensor(source as number[]);
    return { shape: t.shape.slice(), values: Float32Array.from(t.dataSync() as ArrayLike<number>) };
  });
}

/** A grayscale [h, w] / [h, w, 1] or RGB(A) [h, w, 3|4] image; leading axes of size 1 dropped. */
export function image(source: ImageSource, options: { label?: string } = {}): Displayable {
  const { shape, values } = toTensorData(source);
  while (shape.length > 3 && shape[0] === 1) shape.shift();
  if (shape.length === 3 && shape[0] === 1 && ![1, 3, 4].includes(shape[2] as number))
    shape.shift();
  const [height = 0, width = 0, channels = 1] = shape;
  if (shape.length < 2 || shape.length > 3 || ![1, 3, 4].includes(channels)) {
    throw new RangeError(
      `image: expected shape [h, w], [h, w, 1], [h, w, 3] or [h, w, 4], got [${shape.join(', ')}]`,
    );
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // [0, 1] and [0, 255] images keep their brightness; anything else is stretched to fit.
  const [min, max] = lo >= 0 && hi <= 1 ? [0, 1] : lo >= 0 && hi <= 255 ? [0, 255] : [lo, hi];
  const scale = max > min ? 255 / (max - min) : 0;
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) {
      const v = values[p * channels + (channels === 1 ? 0 : c)] ?? 0;
      pixels[p * 4 + c] = (v - min) * scale;
    }
    pixels[p * 4 + 3] = channels === 4 ? ((values[p * 4 + 3] ?? 0) - min) * scale : 255;
  }
  const output = { type: 'image' as const, width, height, pixels };
  return new Displayable(
    options.label === undefined ? output : { ...output, label: options.label },
  );
}

export interface MarkOptions {
  x?: string;
  y?: string;
  /** Column whose values split the data into series (one colour each). */
  z?: string;
  title?: string;
}

function rowsOf(data: readonly unknown[], columns: string[]): Row[] {
  return data.slice(0, MAX_ROWS).map((item, index) => {
    if (typeof item === 'number') return { x: index, y: item };
    const row: Row = {};
    for (const column of columns) {
      const value = (item as Record<string, unknown>)[column];
      if (typeof value === 'number' || typeof value === 'string') row[column] = value;
    }
    return row;
  });
}

function marks(mark: 'line' | 'dot' | 'barY' | 'areaY') {
  return (data: readonly unknown[], options: MarkOptions = {}): Displayable => {
    const x = options.x ?? 'x';
    const y = options.y ?? 'y';
    const columns = [x, y, ...(options.z === undefined ? [] : [options.z])];
    const spec: ChartSpec = { chart: 'marks', mark, data: rowsOf(data, columns), x, y };
    if (options.z !== undefined) spec.z = options.z;
    if (options.title !== undefined) spec.title = options.title;
    return new Displayable({ type: 'chart', spec });
  };
}

/** A weight tensor, a layer's weight, or a layer (its first weight, the kernel) as a heatmap. */
function weights(source: tf.Tensor | tfl.LayerVariable | tfl.layers.Layer): Displayable {
  let name = 'pesos';
  let tensor: tf.Tensor;
  if (source instanceof tfl.layers.Layer) {
    const first = source.weights[0];
    if (first === undefined) {
      throw new Error(`${source.name} has no weights yet: call it (or build the model) first`);
    }
    name = first.name;
    tensor = first.read();
  } else if (source instanceof tf.Tensor) {
    tensor = source;
  } else {
    name = source.name;
    tensor = source.read();
  }
  const { shape, values } = toTensorData(tensor);
  return new Displayable({ type: 'chart', spec: { chart: 'weights', name, shape, values } });
}

interface HistoryLike {
  history: Record<string, unknown[]>;
}

/**
 * A loss curve from a list of losses, or from model.fit's History. val_loss is "validação": it comes
 * from validationSplit/validationData, the held-out set that choices are made on (not the test set).
 */
function loss(source: readonly number[] | HistoryLike): Displayable {
  const points: { step: number; value: number; series: string }[] = [];
  const add = (values: readonly unknown[] | undefined, series: string) =>
    values?.forEach((value, step) => {
      if (typeof value === 'number') points.push({ step: step + 1, value, series });
    });
  if (Array.isArray(source)) add(source, 'treino');
  else {
    const { history } = source as HistoryLike;
    add(history['loss'], 'treino');
    add(history['val_loss'], 'validação');
  }
  return new Displayable({ type: 'chart', spec: { chart: 'loss', points } });
}

/** Feature maps of one sample: [h, w, channels] (a leading batch axis of 1 is fine). */
function featureMaps(source: tf.Tensor, options: { title?: string } = {}): Displayable {
  const { shape, values } = toTensorData(source);
  const spec: ChartSpec = { chart: 'featureMaps', shape, values };
  if (options.title !== undefined) spec.title = options.title;
  return new Displayable({ type: 'chart', spec });
}

export const plot = {
  line: marks('line'),
  dot: marks('dot'),
  bar: marks('barY'),
  area: marks('areaY'),
  weights,
  loss,
  featureMaps,
};
