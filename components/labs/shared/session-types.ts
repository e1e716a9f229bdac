// What a training lab asks of the worker that trains it. Labs program against this; session.ts
// implements it over the core's worker client. Plain data only, as in src/core/types.ts.
import type {
  ActivationSnapshot,
  BackendName,
  Dataset,
  DatasetRequest,
  LabeledPoint,
  ModelSpec,
  RunState,
  Snapshot,
  TrainOptions,
  WeightsJson,
} from '../../../src/core/page';

/**
 * The core's dataset requests (generated or fetched in the worker, so the page stays light), plus
 * the reader's own data, which the page turns into a raw dataset (raw-data.ts).
 */
export type DataSource =
  | Exclude<DatasetRequest, { kind: 'raw' }>
  | { kind: 'raw'; train: Dataset; test?: Dataset }
  | { kind: 'custom'; points: LabeledPoint[]; classes: number };

export interface SessionSetup {
  model: ModelSpec;
  data: DataSource;
  options: Omit<TrainOptions, 'validation' | 'probe' | 'startPaused'>;
  /** Index into the test set of the sample whose activations snapshots carry. */
  probe?: number;
}

export interface Prepared {
  /** The backend this model trains on (the worker may pick cpu for tiny models). */
  backend: BackendName;
  train: Dataset;
  /** Empty (n = 0) when the source has no held-out part. */
  test: Dataset;
  /** The untrained model at step 0: initial weights and, with a probe, its activations. */
  snapshot: Snapshot;
}

export interface LabSession {
  /** Starts tfjs in the worker; resolves with the backend actually running. */
  readonly backend: Promise<BackendName>;
  /** Builds a fresh model and its data (disposing any previous run). */
  prepare(setup: SessionSetup): Promise<Prepared>;
  /** Starts or resumes training. */
  train(): void;
  pause(): void;
  /** Steps per second at most, for this model and the next ones (Infinity: full speed). */
  setSpeed(stepsPerSecond: number): void;
  /** One optimizer step; resolves with its snapshot. */
  step(): Promise<Snapshot>;
  /** Chooses another probe sample; resolves with its activations now. */
  setProbe(index: number): Promise<ActivationSnapshot[]>;
  onSnapshot(cb: (snapshot: Snapshot) => void): void;
  onState(cb: (state: RunState, error?: string) => void): void;
  /** Runs the current model on x [n, ...sample shape]. */
  predict(x: Float32Array, shape: number[]): Promise<Float32Array>;
  /** tfjs' format: model.json text and the binary weights it points at. */
  exportModel(): Promise<{ modelJson: string; weights: ArrayBuffer }>;
  exportWeights(): Promise<WeightsJson>;
  /** Stops everything, disposes every tensor and terminates the worker. */
  dispose(): void;
}
