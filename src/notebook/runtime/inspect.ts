// Turns a value a cell produced into an Output the page can draw: tensors show shape, dtype and
// values; models and layers their summary; helper results (charts, images) themselves; anything
// else its pretty-printed text.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { formatValue } from './format';
import type { Dim, Output, SummaryRow } from './protocol';
import { previewTensor } from './tensor-preview';

/** What helpers return: already an output. `display(x)` and a final expression both show it. */
export class Displayable {
  readonly output: Output;
  constructor(output: Output) {
    this.output = output;
  }
}

export function tensorOutput(tensor: tf.Tensor): Output {
  if (tensor.isDisposed) return { type: 'value', text: `Tensor (descartado com dispose())` };
  const values = tensor.dataSync() as ArrayLike<number> | string[];
  return {
    type: 'tensor',
    dtype: tensor.dtype,
    shape: tensor.shape.slice(),
    size: tensor.size,
    preview: previewTensor(tensor.shape, tensor.dtype, values),
  };
}

function firstShape(shape: unknown): Dim[] {
  if (!Array.isArray(shape)) return [];
  return (Array.isArray(shape[0]) ? (shape[0] as Dim[]) : (shape as Dim[])).slice();
}

/** `read()`, or `fallback` when it throws. */
function orElse<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function layerRow(layer: tfl.layers.Layer): SummaryRow {
  // An unbuilt layer has neither: it learns its input size on the first call (build()).
  return {
    name: layer.name,
    kind: layer.getClassName(),
    outputShape: orElse(() => firstShape(layer.outputShape), []),
    params: orElse(() => layer.countParams(), 0),
  };
}

/** Trainable parameters; 0 for a layer that has not been built yet. */
function trainableParams(source: tfl.LayersModel | tfl.layers.Layer): number {
  return orElse(
    () =>
      source.trainableWeights.reduce(
        (sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? 0), 1),
        0,
      ),
    0,
  );
}

export function summaryOutput(source: tfl.LayersModel | tfl.layers.Layer): Output {
  const rows = source instanceof tfl.LayersModel ? source.layers.map(layerRow) : [layerRow(source)];
  const total = rows.reduce((sum, row) => sum + row.params, 0);
  return {
    type: 'summary',
    name: source.name,
    rows,
    total,
    trainable: trainableParams(source),
  };
}

/** The output for a value, or undefined when there is nothing to show (undefined). */
export function toOutput(value: unknown): Output | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Displayable) return value.output;
  if (value instanceof tf.Tensor) return tensorOutput(value);
  if (value instanceof tfl.LayersModel || value instanceof tfl.layers.Layer) {
    return summaryOutput(value);
  }
  return { type: 'value', text: formatValue(value) };
}
