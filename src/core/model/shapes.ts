// Shape flow through a spec, computed without tfjs: each layer's input and output shape and its
// parameter count, or a ShapeMismatchError naming the layer, the shape it needs and the one it got.
// We are stricter than tfjs on purpose: tfjs applies Dense to the last axis of a rank-4 tensor, which
// silently "works" after a Conv2D without Flatten; the lesson wants that mistake to be visible.
import { ShapeMismatchError } from '../errors.ts';
import type { ModelSpec } from '../types.ts';
import { CLASS_NAMES, asPair, resolveSpec, type ResolvedLayer, type ResolvedSpec } from './spec.ts';

export type Shape = (number | null)[];

export interface LayerShapeInfo {
  name: string;
  type: ResolvedLayer['type'];
  className: string;
  /** With the batch axis first, as null: [null, 28, 28, 1]. */
  inputShape: Shape;
  outputShape: Shape;
  params: number;
}

/** Output length along one axis for a window of `size` moving by `stride` (tfjs' convOutputLength). */
function windowLength(
  length: number,
  size: number,
  stride: number,
  padding: 'valid' | 'same',
): number {
  return padding === 'same' ? Math.ceil(length / stride) : Math.floor((length - size) / stride) + 1;
}

function product(dims: Shape): number {
  return dims.reduce<number>((a, b) => a * (b ?? 1), 1);
}

function requireRank(layer: ResolvedLayer, input: Shape, rank: number, expected: Shape): number[] {
  if (input.length !== rank) throw new ShapeMismatchError(layer.name, expected, input);
  return input.slice(1) as number[];
}

function inferLayer(layer: ResolvedLayer, input: Shape): { output: Shape; params: number } {
  const last = input[input.length - 1] ?? null;
  switch (layer.type) {
    case 'dense':
    case 'myDense': {
      // Dense wants (amostras, atributos); a rank-3/4 input needs Flatten first.
      const [features] = requireRank(layer, input, 2, [null, product(input.slice(1))]);
      const useBias = layer.type === 'dense' ? (layer.useBias ?? true) : true;
      return {
        output: [null, layer.units],
        params: (features as number) * layer.units + (useBias ? layer.units : 0),
      };
    }
    case 'conv1d': {
      const [steps, channels] = requireRank(layer, input, 3, [null, null, last]) as [
        number,
        number,
      ];
      const padding = layer.padding ?? 'valid';
      const length = windowLength(steps, layer.kernelSize, layer.strides ?? 1, padding);
      if (length < 1)
        throw new ShapeMismatchError(layer.name, [null, layer.kernelSize, channels], input);
      return {
        output: [null, length, layer.filters],
        params: layer.kernelSize * channels * layer.filters + layer.filters,
      };
    }
    case 'conv2d': {
      const [h, w, c] = requireRank(layer, input, 4, [null, null, null, last]) as [
        number,
        number,
        number,
      ];
      const [kh, kw] = asPair(layer.kernelSize);
      const [sh, sw] = asPair(layer.strides ?? 1);
      const padding = layer.padding ?? 'valid';
      const oh = windowLength(h, kh, sh, padding);
      const ow = windowLength(w, kw, sw, padding);
      if (oh < 1 || ow < 1) throw new ShapeMismatchError(layer.name, [null, kh, kw, c], input);
      return {
        output: [null, oh, ow, layer.filters],
        params: kh * kw * c * layer.filters + layer.filters,
      };
    }
    case 'maxPooling1d':
    case 'averagePooling1d': {
      const [steps, channels] = requireRank(layer, input, 3, [null, null, last]) as [
        number,
        number,
      ];
      const length = windowLength(steps, layer.poolSize, layer.strides ?? layer.poolSize, 'valid');
      if (length < 1)
        throw new ShapeMismatchError(layer.name, [null, layer.poolSize, channels], input);
      return { output: [null, length, channels], params: 0 };
    }
    case 'maxPooling2d':
    case 'averagePooling2d': {
      const [h, w, c] = requireRank(layer, input, 4, [null, null, null, last]) as [
        number,
        number,
        number,
      ];
      const [ph, pw] = asPair(layer.poolSize);
      const [sh, sw] = asPair(layer.strides ?? layer.poolSize);
      const oh = windowLength(h, ph, sh, 'valid');
      const ow = windowLength(w, pw, sw, 'valid');
      if (oh < 1 || ow < 1) throw new ShapeMismatchError(layer.name, [null, ph, pw, c], input);
      return { output: [null, oh, ow, c], params: 0 };
    }
    case 'lstm': {
      const [steps, features] = requireRank(layer, input, 3, [null, null, last]) as [
        number,
        number,
      ];
      const u = layer.units;
      return {
        output: layer.returnSequences ? [null, steps, u] : [null, u],
        // Four gates, each with a kernel, a recurrent kernel and a bias: 4·u·(features + u + 1).
        params: 4 * u * (features + u + 1),
      };
    }
    case 'flatten': {
      // tfjs' Flatten needs at least 3 axes (batch + 2).
      if (input.length < 3) throw new ShapeMismatchError(layer.name, [null, null, last], input);
      return { output: [null, product(input.slice(1))], params: 0 };
    }
    case 'dropout':
      return { output: input.slice(), params: 0 };
  }
}

/** Each layer's shapes and parameter count for `spec`; throws ShapeMismatchError where pieces don't fit. */
export function inferShapes(spec: ModelSpec): LayerShapeInfo[] {
  return inferResolved(resolveSpec(spec));
}

export function inferResolved(resolved: ResolvedSpec): LayerShapeInfo[] {
  let shape: Shape = [null, ...resolved.inputShape];
  return resolved.layers.map((layer) => {
    const { output, params } = inferLayer(layer, shape);
    const info: LayerShapeInfo = {
      name: layer.name,
      type: layer.type,
      className: CLASS_NAMES[layer.type],
      inputShape: shape,
      outputShape: output,
      params,
    };
    shape = output;
    return info;
  });
}
