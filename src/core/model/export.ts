// Export for the reader: weights as readable JSON, and the model in tfjs' own format (model.json +
// one binary weights file) as plain data the page turns into downloads.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { listWeights } from './weights.ts';

export interface WeightsJson {
  format: 'anatomia-weights';
  version: 1;
  weights: { name: string; layer: string; kind: string; shape: number[]; values: number[] }[];
}

export function exportWeightsJson(model: tfl.LayersModel): WeightsJson {
  return {
    format: 'anatomia-weights',
    version: 1,
    weights: listWeights(model).map((ref) => ({
      name: ref.name,
      layer: ref.layer,
      kind: ref.kind,
      shape: ref.variable.shape.slice() as number[],
      values: Array.from(ref.variable.read().dataSync()),
    })),
  };
}

/** What model.save hands to an IOHandler, as plain data (no tfjs types). */
export interface ModelArtifactsData {
  modelTopology: object;
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
  weightData: ArrayBuffer;
}

/** The model's topology and weights, captured with a custom IOHandler instead of a download. */
export async function saveModelArtifacts(model: tfl.LayersModel): Promise<ModelArtifactsData> {
  let captured: ModelArtifactsData | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const weightData =
        data === undefined
          ? new ArrayBuffer(0)
          : Array.isArray(data)
            ? tf.io.concatenateArrayBuffers(data)
            : data;
      captured = {
        modelTopology: (artifacts.modelTopology ?? {}) as object,
        weightSpecs: (artifacts.weightSpecs ?? []).map((spec) => ({
          name: spec.name,
          shape: spec.shape.slice(),
          dtype: spec.dtype,
        })),
        weightData,
      };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (captured === null) throw new Error('model.save did not call the save handler');
  return captured;
}

/**
 * The two files of tfjs' format: `model.json` (text) and `<weightsFile>` (binary), loadable with
 * tf.loadLayersModel once served side by side.
 */
export function toModelFiles(
  artifacts: ModelArtifactsData,
  weightsFile = 'model.weights.bin',
): { modelJson: string; weights: ArrayBuffer } {
  const modelJson = JSON.stringify({
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers`,
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [`./${weightsFile}`], weights: artifacts.weightSpecs }],
  });
  return { modelJson, weights: artifacts.weightData };
}
