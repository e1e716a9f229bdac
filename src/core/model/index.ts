export { buildModel } from './build.ts';
export { inferShapes, type LayerShapeInfo, type Shape } from './shapes.ts';
export { LAYER_TYPES, ACTIVATIONS, CLASS_NAMES } from './spec.ts';
export { summarize, type SummaryRow } from './summary.ts';
export { MyDense, type MyDenseArgs } from './custom-dense.ts';
export { predict, modelInputShape } from './predict.ts';
export {
  exportWeightsJson,
  saveModelArtifacts,
  toModelFiles,
  type ModelArtifactsData,
  type WeightsJson,
} from './export.ts';
export { listWeights, readWeights, weightKind, type WeightRef } from './weights.ts';
export { createActivationProbe, type ActivationProbe } from './activations.ts';
export {
  lstmGates,
  type LstmCellInput,
  type LstmGates,
  type CellActivation,
} from './lstm-gates.ts';
