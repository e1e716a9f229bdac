// The lesson's custom layer: a Dense written by hand on tf.layers.Layer. State is created in build()
// with addWeight, the computation lives in call() — the same contract as tfjs-layers' own Dense
// (y = f(xW + b)), so the training core trains it and snapshots its weights like any built-in layer.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types';
import type { Activation } from '../types.ts';

export interface MyDenseArgs extends LayerArgs {
  units: number;
  activation?: Activation;
  /** Seed of the kernel's glorotUniform initializer. */
  seed?: number;
}

const ACTIVATE: Record<Activation, (x: tf.Tensor) => tf.Tensor> = {
  linear: (x) => x,
  relu: (x) => tf.relu(x),
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
  softmax: (x) => tf.softmax(x),
  elu: (x) => tf.elu(x),
  selu: (x) => tf.selu(x),
};

export class MyDense extends tfl.layers.Layer {
  /** The name tfjs serializes and looks up when a saved model is loaded back. */
  static className = 'MyDense';
  readonly units: number;
  readonly activation: Activation;
  readonly seed: number | undefined;
  private kernel: tfl.LayerVariable | null = null;
  private bias: tfl.LayerVariable | null = null;

  constructor(args: MyDenseArgs) {
    super(args);
    this.units = args.units;
    this.activation = args.activation ?? 'linear';
    this.seed = args.seed;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const inputDim = shape[shape.length - 1] as number;
    const init = this.seed === undefined ? {} : { seed: this.seed };
    // kernel: [atributos de entrada, units]; bias: [units]
    this.kernel = this.addWeight(
      'kernel',
      [inputDim, this.units],
      'float32',
      tfl.initializers.glorotUniform(init),
    );
    this.bias = this.addWeight('bias', [this.units], 'float32', tfl.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs; // [batch, in]
      if (this.kernel === null || this.bias === null)
        throw new Error(`${this.name}: call() before build()`);
      const z = tf.add(
        tf.matMul(x as tf.Tensor2D, this.kernel.read() as tf.Tensor2D),
        this.bias.read(),
      ); // [batch, units]
      return ACTIVATE[this.activation](z);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config: tf.serialization.ConfigDict = {
      ...super.getConfig(),
      units: this.units,
      activation: this.activation,
    };
    if (this.seed !== undefined) config['seed'] = this.seed;
    return config;
  }
}

// Lets tf.loadLayersModel rebuild a saved model that contains MyDense.
tf.serialization.registerClass(MyDense);
