// What a training lab asks of the worker that trains it. Labs program against this; session.ts
// implements it over the core's worker client. Plain data only, as in src/core/types.ts.
import type {
  ActivationSnapshot,
  BackendName,
  Dataset,
  LabeledPoint,
  ModelSpec,
  PointSetName,
  RunState,
  Snapshot,
  TrainOptions,
  WeightsJson,
} from '../../../src/core/index';

/** Data described, not shipped: the worker generates or fetches it, so the page stays light. */
export type DataSource =
  | { kind: 'points'; name: PointSetName; n: number; seed: number; testFraction: number }
  | { kind: 'custom'; points: LabeledPoint[]; classes: number }
  | { kind: 'sine'; n: number; steps: number; seed: number; testFraction: number }
  /** A reader's own series, cut into windows of `steps` values that predict the next one. */
  | { kind: 'series'; values: number[]; steps: number; testFraction: number }
  | { kind: 'mnist'; url: string; train?: number; test?: number };

export interface SessionSetup {
  model: ModelSpec;
  data: DataSource;
  options: Omit<TrainOptions, 'validation' | 'probe' | 'startPaused'>;
  /** Index into the test set of the sample whose activations snapshots carry. */
  probe?: number;
}

export interface Prepared {
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
  /** One optimizer step; resolves with its snapshot. */
  step(): Promise<Snapshot>;
  /** Chooses another probe sample; resolves with its activations now. */
  setProbe(index: number): Promise<ActivationSnapshot[]>;
  onSnapshot(cb: (snapshot: Snapshot) => void): void;
  onState(cb: (state: RunState, error?: string) => void): void;
  /** Runs the current model on x [n, ...sample shape]. */
  predict(x: Float32Array, shape: number[]): Promise<Float32Array>;
  exportModel(weightsFile: string): Promise<{ modelJson: string; weights: ArrayBuffer }>;
  exportWeights(): Promise<WeightsJson>;
  /** Stops everything, disposes every tensor and terminates the worker. */
  dispose(): void;
}
