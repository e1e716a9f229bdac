// Validates a ModelSpec once, at the boundary, and resolves defaults (names, tuples, strides), so the
// shape inference and the builder read one normalized form.
import { InvalidConfigError } from '../errors.ts';
import type { Activation, LayerSpec, ModelSpec, Padding } from '../types.ts';
import { checkInteger, checkNumber, checkOneOf, checkShape } from '../validate.ts';

export const LAYER_TYPES = [
  'dense',
  'myDense',
  'conv1d',
  'conv2d',
  'maxPooling1d',
  'averagePooling1d',
  'maxPooling2d',
  'averagePooling2d',
  'lstm',
  'flatten',
  'dropout',
] as const satisfies readonly LayerSpec['type'][];

export const ACTIVATIONS = [
  'linear',
  'relu',
  'tanh',
  'sigmoid',
  'softmax',
  'elu',
  'selu',
] as const satisfies readonly Activation[];

const PADDINGS = ['valid', 'same'] as const satisfies readonly Padding[];

/** tfjs-layers' class name for each spec type, as `summary()` prints it. */
export const CLASS_NAMES: Record<LayerSpec['type'], string> = {
  dense: 'Dense',
  myDense: 'MyDense',
  conv1d: 'Conv1D',
  conv2d: 'Conv2D',
  maxPooling1d: 'MaxPooling1D',
  averagePooling1d: 'AveragePooling1D',
  maxPooling2d: 'MaxPooling2D',
  averagePooling2d: 'AveragePooling2D',
  lstm: 'LSTM',
  flatten: 'Flatten',
  dropout: 'Dropout',
};

// Keras-style default names: dense_1, conv2d_1, max_pooling2d_1 … counted per model, so the same spec
// always gives the same names (tfjs' own counters are global to the process).
const NAME_PREFIX: Record<LayerSpec['type'], string> = {
  dense: 'dense',
  myDense: 'my_dense',
  conv1d: 'conv1d',
  conv2d: 'conv2d',
  maxPooling1d: 'max_pooling1d',
  averagePooling1d: 'average_pooling1d',
  maxPooling2d: 'max_pooling2d',
  averagePooling2d: 'average_pooling2d',
  lstm: 'lstm',
  flatten: 'flatten',
  dropout: 'dropout',
};

export type ResolvedLayer = LayerSpec & { name: string };

export interface ResolvedSpec {
  inputShape: number[];
  layers: ResolvedLayer[];
  seed: number;
}

function checkPair(field: string, value: unknown, min: number): [number, number] {
  if (Array.isArray(value)) {
    if (value.length !== 2)
      throw new InvalidConfigError(field, value, 'must be a number or a pair');
    return [checkInteger(`${field}[0]`, value[0], min), checkInteger(`${field}[1]`, value[1], min)];
  }
  const n = checkInteger(field, value, min);
  return [n, n];
}

function checkLayer(layer: LayerSpec, at: string): void {
  const activation = 'activation' in layer ? layer.activation : undefined;
  if (activation !== undefined) checkOneOf(`${at}.activation`, activation, ACTIVATIONS);
  switch (layer.type) {
    case 'dense':
    case 'myDense':
    case 'lstm':
      checkInteger(`${at}.units`, layer.units, 1, 4096);
      break;
    case 'conv1d':
      checkInteger(`${at}.filters`, layer.filters, 1, 1024);
      checkInteger(`${at}.kernelSize`, layer.kernelSize, 1);
      if (layer.strides !== undefined) checkInteger(`${at}.strides`, layer.strides, 1);
      if (layer.padding !== undefined) checkOneOf(`${at}.padding`, layer.padding, PADDINGS);
      break;
    case 'conv2d':
      checkInteger(`${at}.filters`, layer.filters, 1, 1024);
      checkPair(`${at}.kernelSize`, layer.kernelSize, 1);
      if (layer.strides !== undefined) checkPair(`${at}.strides`, layer.strides, 1);
      if (layer.padding !== undefined) checkOneOf(`${at}.padding`, layer.padding, PADDINGS);
      break;
    case 'maxPooling1d':
    case 'averagePooling1d':
      checkInteger(`${at}.poolSize`, layer.poolSize, 1);
      if (layer.strides !== undefined) checkInteger(`${at}.strides`, layer.strides, 1);
      break;
    case 'maxPooling2d':
    case 'averagePooling2d':
      checkPair(`${at}.poolSize`, layer.poolSize, 1);
      if (layer.strides !== undefined) checkPair(`${at}.strides`, layer.strides, 1);
      break;
    case 'dropout':
      checkNumber(`${at}.rate`, layer.rate, 0, 0.99);
      break;
    case 'flatten':
      break;
  }
  if ('useBias' in layer && layer.useBias !== undefined && typeof layer.useBias !== 'boolean') {
    throw new InvalidConfigError(`${at}.useBias`, layer.useBias, 'must be true or false');
  }
  if (
    layer.type === 'lstm' &&
    layer.returnSequences !== undefined &&
    typeof layer.returnSequences !== 'boolean'
  ) {
    throw new InvalidConfigError(
      `${at}.returnSequences`,
      layer.returnSequences,
      'must be true or false',
    );
  }
}

/** Checks every field of `spec` and fills in names and the seed. Throws InvalidConfigError. */
export function resolveSpec(spec: ModelSpec): ResolvedSpec {
  if (typeof spec !== 'object' || spec === null)
    throw new InvalidConfigError('spec', spec, 'must be an object');
  const inputShape = checkShape('inputShape', spec.inputShape);
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
    throw new InvalidConfigError('layers', spec.layers, 'needs at least one layer');
  }
  const seed = spec.seed ?? 1;
  if (!Number.isInteger(seed)) throw new InvalidConfigError('seed', seed, 'must be an integer');
  const counts = new Map<string, number>();
  const names = new Set<string>();
  const layers = spec.layers.map((layer, i): ResolvedLayer => {
    const at = `layers[${i}]`;
    if (typeof layer !== 'object' || layer === null)
      throw new InvalidConfigError(at, layer, 'must be an object');
    const type = checkOneOf(`${at}.type`, layer.type, LAYER_TYPES);
    checkLayer(layer, at);
    const count = (counts.get(type) ?? 0) + 1;
    counts.set(type, count);
    const name = layer.name ?? `${NAME_PREFIX[type]}_${count}`;
    if (typeof name !== 'string' || !/^[A-Za-z_][\w.-]*$/.test(name)) {
      throw new InvalidConfigError(
        `${at}.name`,
        name,
        'must start with a letter and hold letters, digits, _ . -',
      );
    }
    if (names.has(name))
      throw new InvalidConfigError(`${at}.name`, name, 'is used by another layer');
    names.add(name);
    return { ...layer, name };
  });
  return { inputShape: inputShape.slice(), layers, seed };
}

export function asPair(value: number | [number, number]): [number, number] {
  return Array.isArray(value) ? value : [value, value];
}
