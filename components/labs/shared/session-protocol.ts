// Messages between session.ts (page) and session.worker.ts. Requests carry an id that the reply
// echoes; snapshots and state changes are pushed without one.
import type {
  ActivationSnapshot,
  BackendName,
  RunState,
  Snapshot,
  WeightsJson,
} from '../../../src/core/index';
import type { Prepared, SessionSetup } from './session-types';

export type SessionRequest =
  | { type: 'init'; id: number; backend: BackendName; wasmPath: string }
  | { type: 'prepare'; id: number; setup: SessionSetup }
  | { type: 'train'; id: number }
  | { type: 'pause'; id: number }
  | { type: 'step'; id: number }
  | { type: 'probe'; id: number; index: number }
  | { type: 'predict'; id: number; x: Float32Array; shape: number[] }
  | { type: 'exportModel'; id: number; weightsFile: string }
  | { type: 'exportWeights'; id: number }
  | { type: 'dispose'; id: number };

export type SessionReply =
  | { type: 'ready'; id: number; backend: BackendName }
  | { type: 'prepared'; id: number; prepared: Prepared }
  | { type: 'ok'; id: number }
  | { type: 'snapshot'; id: number; snapshot: Snapshot }
  | { type: 'activations'; id: number; activations: ActivationSnapshot[] }
  | { type: 'predicted'; id: number; y: Float32Array }
  | { type: 'model'; id: number; modelJson: string; weights: ArrayBuffer }
  | { type: 'weights'; id: number; json: WeightsJson }
  | { type: 'error'; id: number; message: string };

export type SessionEvent =
  | { type: 'push-snapshot'; generation: number; snapshot: Snapshot }
  | { type: 'push-state'; generation: number; state: RunState; message?: string };

/** Buffers of a snapshot, to transfer rather than copy. */
export function snapshotBuffers(snapshot: Snapshot): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const w of snapshot.weights) buffers.add(w.values.buffer as ArrayBuffer);
  for (const a of snapshot.activations ?? []) buffers.add(a.values.buffer as ArrayBuffer);
  return [...buffers];
}
