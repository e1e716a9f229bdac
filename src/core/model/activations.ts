// Activations for one sample: every layer's output (feature maps for Conv2D), plus, for LSTM layers,
// the gates and states per time step recomputed from the layer's weights (lstm-gates.ts).
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { ShapeMismatchError } from '../errors.ts';
import type { ActivationSnapshot } from '../types.ts';
import { sizeOf } from '../validate.ts';
import { isCellActivation, lstmGates } from './lstm-gates.ts';

export interface ActivationProbe {
  /** `sample` is one input without the batch axis, flat. */
  run(sample: Float32Array): Promise<ActivationSnapshot[]>;
}

type Layer = tfl.LayersModel['layers'][number];

interface Tapped {
  layer: Layer;
  output: tfl.SymbolicTensor;
}

async function lstmActivations(
  layer: Layer,
  input: Float32Array,
  inputShape: number[],
): Promise<ActivationSnapshot[]> {
  const config = layer.getConfig();
  const activation = config['activation'];
  const recurrentActivation = config['recurrentActivation'];
  if (
    config['goBackwards'] === true ||
    !isCellActivation(activation) ||
    !isCellActivation(recurrentActivation)
  ) {
    return []; // only the plain forward LSTM is re-stated; its output is still reported
  }
  const [steps, inputDim] = inputShape as [number, number];
  const units = config['units'] as number;
  const [kernel, recurrentKernel, bias] = await Promise.all(
    layer.weights.map((w) => w.read().data() as Promise<Float32Array>),
  );
  if (kernel === undefined || recurrentKernel === undefined) return [];
  const gates = lstmGates({
    input,
    steps,
    inputDim,
    units,
    kernel,
    recurrentKernel,
    bias: bias ?? null,
    activation,
    recurrentActivation,
  });
  return (['i', 'f', 'o', 'c', 'h'] as const).map((kind) => ({
    layer: layer.name,
    kind,
    shape: [steps, units],
    values: gates[kind],
  }));
}

export function createActivationProbe(model: tfl.LayersModel): ActivationProbe {
  const input = model.inputs[0];
  if (input === undefined) throw new Error('model has no input');
  const sampleShape = input.shape.slice(1) as number[];
  const tapped: Tapped[] = model.layers
    .filter((layer) => layer.getClassName() !== 'InputLayer' && !Array.isArray(layer.output))
    .map((layer) => ({ layer, output: layer.output as tfl.SymbolicTensor }));
  // A second graph over the same layers, with every layer's output as an output. It shares the weights,
  // so it must never be disposed (that would dispose the model's weights too).
  const tap = tfl.model({ inputs: model.inputs, outputs: tapped.map((t) => t.output) });

  return {
    async run(sample) {
      if (sample.length !== sizeOf(sampleShape)) {
        throw new ShapeMismatchError(
          model.layers[0]?.name ?? 'input',
          [null, ...sampleShape],
          [sample.length],
        );
      }
      const outputs = tf.tidy(() => {
        const result = tap.predict(tf.tensor(sample, [1, ...sampleShape]));
        return Array.isArray(result) ? result : [result];
      });
      let values: Float32Array[];
      try {
        values = (await Promise.all(outputs.map((t) => t.data()))).map(
          (v) => new Float32Array(v as Float32Array),
        );
      } finally {
        tf.dispose(outputs);
      }
      const byTensorId = new Map<number, { values: Float32Array; shape: number[] }>();
      byTensorId.set(input.id, { values: sample, shape: sampleShape });
      const snapshots: ActivationSnapshot[] = [];
      for (const [k, { layer, output }] of tapped.entries()) {
        const shape = output.shape.slice(1) as number[];
        const value = values[k] as Float32Array;
        byTensorId.set(output.id, { values: value, shape });
        snapshots.push({ layer: layer.name, kind: 'output', shape, values: value });
        if (layer.getClassName() === 'LSTM') {
          const source = byTensorId.get((layer.input as tfl.SymbolicTensor).id);
          if (source)
            snapshots.push(...(await lstmActivations(layer, source.values, source.shape)));
        }
      }
      return snapshots;
    },
  };
}
