// The Dense lab's decision boundary is the trained network evaluated on a grid of points. The weights
// arrive in every snapshot, and a 2-D MLP over a 40×40 grid is ~50k multiply-adds, so the page runs
// y = f(xW + b) itself instead of asking the worker and waiting a round trip per frame. The network
// view needs every layer's outputs over its own grid (one thumbnail per neuron): forwardLayers.
import type { Activation, WeightSnapshot } from '../../../src/core/page';

export interface DenseLayerWeights {
  /** [inputs, units], row-major */
  kernel: Float32Array;
  /** [units] */
  bias: Float32Array;
  inputs: number;
  units: number;
  activation: Activation;
}

const apply: Record<Activation, (x: number) => number> = {
  linear: (x) => x,
  relu: (x) => (x > 0 ? x : 0),
  tanh: Math.tanh,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  elu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  selu: (x) => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1)),
  // Softmax is applied over the whole row below; per value it is the identity.
  softmax: (x) => x,
};

/** Pairs each layer's kernel and bias from a snapshot, in layer order. */
export function denseLayers(
  weights: readonly WeightSnapshot[],
  activations: readonly Activation[],
): DenseLayerWeights[] {
  const kernels = weights.filter((w) => w.kind === 'kernel');
  return kernels.map((k, i) => {
    const bias = weights.find((w) => w.layer === k.layer && w.kind === 'bias');
    const [inputs = 0, units = 0] = k.shape;
    return {
      kernel: k.values,
      bias: bias?.values ?? new Float32Array(units),
      inputs,
      units,
      activation: activations[i] ?? 'linear',
    };
  });
}

/**
 * Runs the MLP on `points` [n, inputs] and returns every layer's outputs, input side first:
 * outputs[l] is [n, units of layer l] after its activation. Pass the array a previous call returned
 * as `outputs` to reuse its buffers: a view that redraws every frame then allocates nothing.
 */
export function forwardLayers(
  layers: readonly DenseLayerWeights[],
  points: Float32Array,
  n: number,
  outputs: Float32Array[] = [],
): Float32Array[] {
  outputs.length = layers.length;
  let current = points; // [n, inputs]
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l] as DenseLayerWeights;
    let out = outputs[l];
    if (out === undefined || out.length !== n * layer.units) {
      out = new Float32Array(n * layer.units); // [n, units]
      outputs[l] = out;
    }
    denseForward(layer, current, n, out);
    current = out;
  }
  return outputs;
}

/**
 * Runs the MLP on `points` [n, inputs] and returns the last layer's outputs [n, classes]
 * (probabilities when the last activation is softmax); with no layer, the points themselves.
 */
export function forward(
  layers: readonly DenseLayerWeights[],
  points: Float32Array,
  n: number,
): Float32Array {
  return forwardLayers(layers, points, n).at(-1) ?? points;
}

/** out [n, units] = f(input [n, inputs] · kernel [inputs, units] + bias [units]) */
function denseForward(
  layer: DenseLayerWeights,
  input: Float32Array,
  n: number,
  out: Float32Array,
): void {
  const { kernel, bias, inputs, units } = layer;
  const f = apply[layer.activation];
  for (let s = 0; s < n; s++) {
    for (let u = 0; u < units; u++) {
      let sum = bias[u] as number;
      for (let i = 0; i < inputs; i++) {
        sum += (input[s * inputs + i] as number) * (kernel[i * units + u] as number);
      }
      out[s * units + u] = f(sum);
    }
    if (layer.activation === 'softmax') softmaxRow(out, s * units, units);
  }
}

function softmaxRow(values: Float32Array, start: number, length: number): void {
  let max = -Infinity;
  for (let i = start; i < start + length; i++) max = Math.max(max, values[i] as number);
  let sum = 0;
  for (let i = start; i < start + length; i++) {
    const e = Math.exp((values[i] as number) - max);
    values[i] = e;
    sum += e;
  }
  for (let i = start; i < start + length; i++) values[i] = (values[i] as number) / sum;
}
