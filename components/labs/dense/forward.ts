// The Dense lab's decision boundary is the trained network evaluated on a grid of points. The weights
// arrive in every snapshot, and a 2-D MLP over a 40×40 grid is ~50k multiply-adds, so the page runs
// y = f(xW + b) itself instead of asking the worker and waiting a round trip per frame.
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
 * Runs the MLP on `points` [n, inputs] and returns the last layer's outputs [n, classes]
 * (probabilities when the last activation is softmax).
 */
export function forward(
  layers: readonly DenseLayerWeights[],
  points: Float32Array,
  n: number,
): Float32Array {
  let current = points; // [n, inputs]
  for (const layer of layers) {
    const out = new Float32Array(n * layer.units); // [n, units]
    const f = apply[layer.activation];
    for (let s = 0; s < n; s++) {
      for (let u = 0; u < layer.units; u++) {
        let sum = layer.bias[u] as number;
        for (let i = 0; i < layer.inputs; i++) {
          sum +=
            (current[s * layer.inputs + i] as number) *
            (layer.kernel[i * layer.units + u] as number);
        }
        out[s * layer.units + u] = f(sum);
      }
      if (layer.activation === 'softmax') softmaxRow(out, s * layer.units, layer.units);
    }
    current = out;
  }
  return current;
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
