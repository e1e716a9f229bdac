// ModelSpec → tf.Sequential. Specs are checked and their shapes inferred first, so a bad spec fails
// with InvalidConfigError / ShapeMismatchError before tfjs sees it. Every initializer is seeded.
import * as tfl from '@tensorflow/tfjs-layers';
import type { ModelSpec } from '../types.ts';
import { MyDense } from './custom-dense.ts';
import { seededGlorotUniform, seededOrthogonal } from './initializers.ts';
import { inferResolved } from './shapes.ts';
import { asPair, resolveSpec, type ResolvedLayer } from './spec.ts';

type AnyLayer = InstanceType<typeof tfl.layers.Layer>;

function makeLayer(layer: ResolvedLayer, inputShape: number[] | undefined, seed: number): AnyLayer {
  const base = { name: layer.name, ...(inputShape ? { inputShape } : {}) };
  switch (layer.type) {
    case 'dense':
      return tfl.layers.dense({
        ...base,
        units: layer.units,
        activation: layer.activation ?? 'linear',
        useBias: layer.useBias ?? true,
        kernelInitializer: seededGlorotUniform(seed),
      });
    case 'myDense':
      return new MyDense({
        ...base,
        units: layer.units,
        activation: layer.activation ?? 'linear',
        seed,
      });
    case 'conv1d':
      return tfl.layers.conv1d({
        ...base,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides ?? 1,
        padding: layer.padding ?? 'valid',
        activation: layer.activation ?? 'linear',
        kernelInitializer: seededGlorotUniform(seed),
      });
    case 'conv2d':
      return tfl.layers.conv2d({
        ...base,
        filters: layer.filters,
        kernelSize: asPair(layer.kernelSize),
        strides: asPair(layer.strides ?? 1),
        padding: layer.padding ?? 'valid',
        activation: layer.activation ?? 'linear',
        kernelInitializer: seededGlorotUniform(seed),
      });
    case 'maxPooling1d':
    case 'averagePooling1d': {
      const make =
        layer.type === 'maxPooling1d' ? tfl.layers.maxPooling1d : tfl.layers.averagePooling1d;
      return make({ ...base, poolSize: layer.poolSize, strides: layer.strides ?? layer.poolSize });
    }
    case 'maxPooling2d':
    case 'averagePooling2d': {
      const make =
        layer.type === 'maxPooling2d' ? tfl.layers.maxPooling2d : tfl.layers.averagePooling2d;
      return make({
        ...base,
        poolSize: asPair(layer.poolSize),
        strides: asPair(layer.strides ?? layer.poolSize),
      });
    }
    case 'lstm':
      return tfl.layers.lstm({
        ...base,
        units: layer.units,
        returnSequences: layer.returnSequences ?? false,
        // Keras' defaults, not tfjs' (hardSigmoid, no forget bias): the lesson's gate formulas use
        // the logistic sigmoid, and a forget bias of 1 makes the LSTM remember from the first step.
        recurrentActivation: 'sigmoid',
        unitForgetBias: true,
        kernelInitializer: seededGlorotUniform(seed),
        recurrentInitializer: seededOrthogonal(seed + 1),
      });
    case 'flatten':
      return tfl.layers.flatten(base);
    case 'dropout':
      // Not seeded on purpose: tfjs draws the mask from the seed alone, so a seeded Dropout would drop
      // the same units at every step.
      return tfl.layers.dropout({ ...base, rate: layer.rate });
  }
}

/**
 * Builds a tf.Sequential from `spec` with tfjs-layers option names. Same spec and seed, same initial
 * weights. Throws InvalidConfigError for a bad field, ShapeMismatchError when layers don't fit.
 */
export function buildModel(spec: ModelSpec): tfl.Sequential {
  const resolved = resolveSpec(spec);
  inferResolved(resolved);
  const layers = resolved.layers.map((layer, i) =>
    // Spread seeds apart so equal-shaped layers don't start with equal weights.
    makeLayer(layer, i === 0 ? resolved.inputShape : undefined, resolved.seed * 1000 + i * 10),
  );
  return tfl.sequential({ layers });
}
