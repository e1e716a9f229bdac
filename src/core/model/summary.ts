// summary() as data: one row per layer with its output shape and parameter count, from a spec (no
// tfjs needed) or from a built model (including hand-written layers like MyDense).
import * as tfl from '@tensorflow/tfjs-layers';
import type { ModelSpec } from '../types.ts';
import { inferShapes, type Shape } from './shapes.ts';

export interface SummaryRow {
  name: string;
  className: string;
  outputShape: Shape;
  params: number;
}

export function summarize(source: ModelSpec | tfl.LayersModel): SummaryRow[] {
  if (source instanceof tfl.LayersModel) {
    return source.layers.map((layer) => {
      const shape = layer.outputShape;
      const first = Array.isArray(shape[0]) ? (shape[0] as Shape) : (shape as Shape);
      return {
        name: layer.name,
        className: layer.getClassName(),
        outputShape: first.slice(),
        params: layer.countParams(),
      };
    });
  }
  return inferShapes(source).map(({ name, className, outputShape, params }) => ({
    name,
    className,
    outputShape,
    params,
  }));
}
