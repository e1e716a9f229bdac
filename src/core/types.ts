// The core's public data types. Everything here is plain data: it crosses a worker boundary with
// structuredClone (Float32Array buffers are transferred), and never holds a tf.Tensor.

export type BackendName = 'wasm' | 'cpu' | 'webgl';

export type Activation = 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'softmax' | 'elu' | 'selu';
export type Padding = 'valid' | 'same';

/** One layer of a sequential model, spelled with tfjs-layers option names. */
export type LayerSpec =
  | { type: 'dense'; units: number; activation?: Activation; useBias?: boolean; name?: string }
  | {
      type: 'conv1d';
      filters: number;
      kernelSize: number;
      strides?: number;
      padding?: Padding;
      activation?: Activation;
      name?: string;
    }
  | {
      type: 'conv2d';
      filters: number;
      kernelSize: number | [number, number];
      strides?: number | [number, number];
      padding?: Padding;
      activation?: Activation;
      name?: string;
    }
  | { type: 'maxPooling1d' | 'averagePooling1d'; poolSize: number; strides?: number; name?: string }
  | {
      type: 'maxPooling2d' | 'averagePooling2d';
      poolSize: number | [number, number];
      strides?: number | [number, number];
      name?: string;
    }
  | { type: 'lstm'; units: number; returnSequences?: boolean; name?: string }
  /** The lesson's custom layer (src/core/model/custom-dense.ts): a Dense written by hand with addWeight. */
  | { type: 'myDense'; units: number; activation?: Activation; name?: string }
  | { type: 'flatten'; name?: string }
  | { type: 'dropout'; rate: number; name?: string };

export interface ModelSpec {
  /** Shape of one sample, without the batch axis: [atributos], [passos, atributos], [h, w, canais]. */
  inputShape: number[];
  layers: LayerSpec[];
  /** Seed for every kernel/recurrent initializer; same seed, same initial weights. */
  seed?: number;
}

/** A dataset as plain arrays. x has shape [n, ...xShape], y has shape [n, ...yShape]. */
export interface Dataset {
  x: Float32Array;
  xShape: number[];
  y: Float32Array;
  yShape: number[];
  /** Class names (classification) or undefined (regression). */
  classes?: string[];
}

export interface DatasetSplit {
  train: Dataset;
  test: Dataset;
}

export type OptimizerSpec =
  { name: 'sgd'; learningRate: number; momentum?: number } | { name: 'adam'; learningRate: number };

export type LossName = 'categoricalCrossentropy' | 'binaryCrossentropy' | 'meanSquaredError';

export interface TrainOptions {
  optimizer: OptimizerSpec;
  loss: LossName;
  batchSize: number;
  /** Epochs to run; Infinity trains until stopped. */
  epochs: number;
  /** Seed for shuffling. */
  seed?: number;
  /** Snapshots per second at most (default 30). 0 turns periodic snapshots off. */
  snapshotHz?: number;
  /**
   * Held-out data for test loss/accuracy ('valLoss', 'valAccuracy'), evaluated with snapshots but at
   * most ~5% of the training time (a big set is re-evaluated less often), and always at pause/stop/done.
   */
  validation?: Dataset;
  /** When set, each snapshot carries activations (feature maps, LSTM gates) for this one sample. */
  probe?: Float32Array;
  /** Start paused (state 'paused', 0 steps): the caller drives with step(n) or resume(). */
  startPaused?: boolean;
  /**
   * Optimizer steps per second at most while training (default Infinity: as fast as the machine
   * goes). A slow rate is slow motion: when steps are further apart than snapshots, every step gets
   * its own snapshot, so one update can be followed with the eye.
   */
  stepsPerSecond?: number;
}

export type WeightKind = 'kernel' | 'bias' | 'recurrent' | 'other';

export interface WeightSnapshot {
  /** e.g. "dense_1/kernel" */
  name: string;
  /** owning layer name, e.g. "dense_1" */
  layer: string;
  kind: WeightKind;
  shape: number[];
  values: Float32Array;
}

export interface ActivationSnapshot {
  layer: string;
  /** 'output' for any layer; LSTM layers add 'i', 'f', 'c', 'o', 'h' per timestep. */
  kind: 'output' | 'i' | 'f' | 'c' | 'o' | 'h';
  shape: number[];
  values: Float32Array;
}

export interface Snapshot {
  /** Optimizer steps so far. */
  step: number;
  /** Completed epochs (0 during the first pass over the data). */
  epoch: number;
  /** Mean training loss over the steps since the previous snapshot. */
  loss: number;
  /**
   * 'accuracy' (classification; mean over the steps since the previous snapshot), 'valLoss' and
   * 'valAccuracy' (with TrainOptions.validation).
   */
  metrics: Record<string, number>;
  weights: WeightSnapshot[];
  /**
   * With TrainOptions.probe: activations for the probe sample, when refreshed. They are refreshed at
   * most within ~5% of the training time (so not on every snapshot of an expensive model) and always
   * on the snapshots of pause, stop, done and step(n); keep showing the last ones meanwhile.
   */
  activations?: ActivationSnapshot[];
}

export type RunState = 'idle' | 'training' | 'paused' | 'done' | 'error' | 'stopped';
