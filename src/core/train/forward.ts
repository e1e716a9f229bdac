// The training step's forward pass. For a stack of built-in Dense layers on rank-2 input it runs each
// layer's own math, f(x·W + b), as tfjs ops on the layer's own variables; anything else goes through
// model.apply. Why: tfjs-layers' Dense.call multiplies through tf.fused.matMul, which under a gradient
// tape reshapes both operands to rank 3 and back (3 Reshape kernels, their saved inputs and their
// gradients per layer), and its bias goes through a separate add anyway when the activation is not
// fusable (tanh, softmax). On TF Playground's 2→4→2→2 that was ~30 of the step's 145 kernels; tfjs'
// per-kernel bookkeeping (tape, saved tensors, tidy), not arithmetic, is what a tiny step costs.
// Same variables, same ops in the same order as Dense.call, so the same values (a unit test checks it
// against model.apply) and the same gradients through tfjs' autodiff.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** x: [batch, ...xShape] → prediction [batch, ...yShape], recorded on the gradient tape. */
export type Forward = (x: tf.Tensor) => tf.Tensor;

// The activations of tfjs-layers (activations.ts), each being exactly this tfjs op.
const ACTIVATIONS: Record<string, (x: tf.Tensor) => tf.Tensor> = {
  linear: (x) => x,
  relu: (x) => tf.relu(x),
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
  softmax: (x) => tf.softmax(x, -1),
  elu: (x) => tf.elu(x),
  selu: (x) => tf.selu(x),
};

interface DenseStep {
  kernel: tf.Variable; // [inputs, units]
  bias: tf.Variable | null; // [units]
  activation: (x: tf.Tensor) => tf.Tensor;
}

function denseSteps(model: tfl.LayersModel): DenseStep[] | null {
  const input = model.inputs[0]?.shape;
  if (model.inputs.length !== 1 || model.outputs.length !== 1 || input?.length !== 2) return null;
  const steps: DenseStep[] = [];
  let previous = model.inputs[0];
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    // Only the built-in Dense (not subclasses such as the course's MyDense), in a plain chain.
    if (layer.getClassName() !== 'Dense' || layer.inboundNodes.length !== 1) return null;
    const node = layer.inboundNodes[0];
    if (node?.inputTensors.length !== 1 || node.inputTensors[0] !== previous) return null;
    const config = layer.getConfig();
    const activation = ACTIVATIONS[String(config['activation'] ?? 'linear')];
    const weights = layer.trainableWeights;
    const expected = config['useBias'] === false ? 1 : 2;
    if (!activation || weights.length !== expected || layer.weights.length !== expected)
      return null;
    const named = (short: string) =>
      weights.find((w) => w.originalName.endsWith(`/${short}`))?.read() as tf.Variable | undefined;
    const kernel = named('kernel');
    const bias = expected === 2 ? named('bias') : undefined;
    if (kernel?.rank !== 2 || (expected === 2 && bias?.rank !== 1)) return null;
    steps.push({ kernel, bias: bias ?? null, activation });
    previous = node.outputTensors[0];
  }
  return steps.length > 0 && previous === model.outputs[0] ? steps : null;
}

/** The forward pass the stepper records gradients through. `direct: false` forces model.apply. */
export function createForward(model: tfl.LayersModel, options: { direct?: boolean } = {}): Forward {
  const steps = options.direct === false ? null : denseSteps(model);
  if (steps === null) return (x) => model.apply(x, { training: true }) as tf.Tensor;
  return (x) => {
    let h = x; // [batch, inputs]
    for (const { kernel, bias, activation } of steps) {
      const z = tf.matMul(h, kernel); // [batch, units]
      h = activation(bias ? tf.add(z, bias) : z);
    }
    return h;
  };
}
