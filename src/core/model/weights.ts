// Reading a model's weights out as plain data (the only form in which they leave the core).
import type * as tfl from '@tensorflow/tfjs-layers';
import type { WeightKind, WeightSnapshot } from '../types.ts';

export interface WeightRef {
  /** "<layer>/<weight>", stable across models: tfjs suffixes variable names (_1, _2) per process. */
  name: string;
  layer: string;
  kind: WeightKind;
  variable: tfl.LayerVariable;
}

export function weightKind(shortName: string): WeightKind {
  if (shortName === 'kernel') return 'kernel';
  if (shortName === 'recurrent_kernel') return 'recurrent';
  if (shortName === 'bias') return 'bias';
  return 'other';
}

/** Every weight of every layer, in layer order (kernel, recurrent kernel, bias). */
export function listWeights(model: tfl.LayersModel): WeightRef[] {
  const refs: WeightRef[] = [];
  for (const layer of model.layers) {
    for (const variable of layer.weights) {
      const short = variable.originalName.slice(variable.originalName.lastIndexOf('/') + 1);
      refs.push({
        name: `${layer.name}/${short}`,
        layer: layer.name,
        kind: weightKind(short),
        variable,
      });
    }
  }
  return refs;
}

/**
 * Copies of the current weight values. Copies, because the cpu backend's data() hands out its own
 * backing store: transferring or editing that would corrupt the model.
 */
export async function readWeights(
  model: tfl.LayersModel,
  refs = listWeights(model),
): Promise<WeightSnapshot[]> {
  const values = await Promise.all(refs.map((ref) => ref.variable.read().data()));
  return refs.map((ref, i) => ({
    name: ref.name,
    layer: ref.layer,
    kind: ref.kind,
    shape: ref.variable.shape.slice() as number[],
    values: new Float32Array(values[i] as Float32Array),
  }));
}
