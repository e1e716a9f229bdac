// The core's main-thread entry: everything that works without tfjs — types, typed errors, datasets,
// spec checks and shape inference, and the worker client. Importing index.ts instead would bundle all
// of tfjs (~640 KB) into the page even when only the client is used; tfjs belongs in the worker.
export type * from './types.ts';
export * from './errors.ts';
export * from './data/index.ts';
export { inferShapes, type LayerShapeInfo, type Shape } from './model/shapes.ts';
export { LAYER_TYPES, ACTIVATIONS, CLASS_NAMES } from './model/spec.ts';
export type { SummaryRow } from './model/summary.ts';
export type { ModelArtifactsData, WeightsJson } from './model/export.ts';
export {
  lstmGates,
  type CellActivation,
  type LstmCellInput,
  type LstmGates,
} from './model/lstm-gates.ts';
export {
  createTrainerClient,
  errorFromWire,
  type TrainerClient,
  type WorkerLike,
} from './worker/client.ts';
export type * from './worker/protocol.ts';
