// Messages between the SGD lab's page code and its worker. Every request carries an id that its
// reply echoes, so the client can match them.
import type { BackendName, WeightsJson } from '../../../src/core/page';

export type SgdRequest =
  | { type: 'init'; id: number; wasmPath: string; backend?: BackendName; start?: [number, number] }
  | { type: 'reset'; id: number; start: [number, number] }
  | { type: 'step'; id: number; learningRate: number; momentum: number; batchSize: number }
  | { type: 'export'; id: number; weightsFile: string }
  | { type: 'dispose'; id: number };

export interface StepReport {
  step: number;
  /** Samples in this minibatch (the last of an epoch may be smaller). */
  batchSize: number;
  batchLoss: number;
  /** [kernel, bias] of the 2-parameter Dense(1): before the step, its gradient, after the step. */
  w: [number, number];
  grad: [number, number];
  next: [number, number];
  /** The 4×3 Dense kernel on the same minibatch. */
  panel: {
    shape: number[];
    before: Float32Array;
    grad: Float32Array;
    after: Float32Array;
    loss: number;
  };
}

export type SgdReply =
  | { type: 'ready'; id: number; backend: BackendName; panel: [Float32Array, Float32Array] }
  | { type: 'reset'; id: number }
  | { type: 'stepped'; id: number; report: StepReport }
  /** The loss became NaN or ±Infinity at `step` (the core's DivergenceError): the run is over. */
  | { type: 'diverged'; id: number; step: number; loss: number }
  | { type: 'exported'; id: number; modelJson: string; weights: ArrayBuffer; json: WeightsJson }
  | { type: 'disposed'; id: number }
  | { type: 'error'; id: number; message: string };
