// The SGD lab's two models, stepped together on the core's stepper: the same seeded minibatch for
// both (same seed, same sample count), the core's MSE, one core optimizer per model, and the core's
// gradient report for ∇w. Each step reports the weights before, the gradient of that step and the
// weights after. All state lives in the trainer this factory makes; the worker holds one.
import * as tf from '@tensorflow/tfjs-core';
import {
  DivergenceError,
  buildModel,
  createStepper,
  exportWeightsJson,
  makeOptimizer,
  readWeights,
  saveModelArtifacts,
  toModelFiles,
  type Dataset,
  type Stepper,
  type WeightSnapshot,
  type WeightsJson,
} from '../../../src/core/index';
import type { SgdConfig } from './config';
import { panelProblem, pathProblem, type Regression } from './problem';
import type { StepReport } from './protocol';

/** The names the lab shows (data-weights) and exports; fixed, not tfjs' per-process numbering. */
export const PATH_LAYER = 'dense_1';
export const PANEL_LAYER = 'dense_2';
/** Seed of the minibatch order; a change of settings starts a new order from the next seed. */
const BATCH_SEED = 11;
/**
 * A minibatch loss past this is a divergence, though still a number: the landscape's loss is at most
 * ~100 and the panel's starts near 1, so the weights are then in the thousands, and the next few
 * steps would only overflow them (and the heatmaps' legends would count the digits).
 */
const DIVERGED_LOSS = 1e6;

type Model = ReturnType<typeof buildModel>;

/** One model with its data, its current weights and, once stepping, its stepper and optimizer. */
interface Lane {
  model: Model;
  data: Dataset;
  count: number;
  weights: WeightSnapshot[];
  running: { stepper: Stepper; optimizer: tf.Optimizer } | null;
}

export interface SgdTrainer {
  /** The panel's initial [kernel, bias]. */
  readonly panel: [Float32Array, Float32Array];
  /** One step of both models on the next minibatch; DivergenceError names the lab's step. */
  step(config: SgdConfig): Promise<StepReport>;
  /** Back to step 0: the path model at `start`, the panel at its initial weights. */
  reset(start: readonly [number, number]): Promise<void>;
  exportFiles(
    weightsFile: string,
  ): Promise<{ modelJson: string; weights: ArrayBuffer; json: WeightsJson }>;
  dispose(): void;
}

function dataset(problem: Regression): Dataset {
  return { x: problem.x, xShape: [problem.features], y: problem.y, yShape: [problem.outputs] };
}

function lane(problem: Regression, layer: string, units: number, seed: number): Lane {
  const model = buildModel({
    inputShape: [problem.features],
    layers: [{ type: 'dense', units, name: layer }],
    seed,
  });
  return { model, data: dataset(problem), count: problem.n, weights: [], running: null };
}

function setWeights(model: Model, values: readonly [Float32Array, Float32Array]): void {
  const layer = model.layers[0];
  const [kernel, bias] = layer?.getWeights() ?? [];
  if (!layer || !kernel || !bias) throw new Error('sgd trainer: a Dense layer without weights');
  tf.tidy(() =>
    layer.setWeights([
      tf.tensor(values[0], kernel.shape), // [in, units]
      tf.tensor(values[1], bias.shape), // [units]
    ]),
  );
}

const valuesOf = (weights: readonly WeightSnapshot[], i: number): Float32Array =>
  weights[i]?.values ?? new Float32Array(0);

export async function createSgdTrainer(start: readonly [number, number]): Promise<SgdTrainer> {
  const path = lane(pathProblem(), PATH_LAYER, 1, 3);
  const panel = lane(panelProblem(), PANEL_LAYER, 3, 4);
  const lanes = [path, panel];
  const initialPanel = (await readWeights(panel.model)).map((w) => w.values) as [
    Float32Array,
    Float32Array,
  ];
  let settings = '';
  let restarts = 0;
  let steps = 0;

  const stopLanes = (): void => {
    for (const l of lanes) {
      l.running?.stepper.dispose();
      l.running?.optimizer.dispose();
      l.running = null;
    }
    settings = '';
  };

  /** Steppers for `config`; new ones (fresh velocity, a new batch order) when it changed. */
  const ensureRunning = (config: SgdConfig): void => {
    const key = `${config.learningRate}|${config.momentum}|${config.batchSize}`;
    if (key === settings && lanes.every((l) => l.running !== null)) return;
    stopLanes();
    for (const l of lanes) {
      const optimizer = makeOptimizer({
        name: 'sgd',
        learningRate: config.learningRate,
        momentum: config.momentum,
      });
      const stepper = createStepper(l.model, l.data, l.count, {
        optimizer,
        loss: 'meanSquaredError',
        batchSize: config.batchSize,
        // Same seed and sample count for both lanes: the same minibatch for both.
        seed: BATCH_SEED + restarts,
        gradients: l.weights.map((w) => w.name),
      });
      l.running = { stepper, optimizer };
    }
    settings = key;
    restarts += 1;
  };

  const reset = async (at: readonly [number, number]): Promise<void> => {
    stopLanes();
    setWeights(path.model, [Float32Array.of(at[0]), Float32Array.of(at[1])]);
    setWeights(panel.model, initialPanel);
    for (const l of lanes) l.weights = await readWeights(l.model);
    restarts = 0;
    steps = 0;
  };

  await reset(start);

  return {
    panel: [initialPanel[0].slice(), initialPanel[1].slice()],
    async step(config) {
      ensureRunning(config);
      const before = lanes.map((l) => l.weights);
      for (const l of lanes) l.running?.stepper.runStep();
      let drained;
      try {
        drained = await Promise.all(
          lanes.map((l) => (l.running as { stepper: Stepper }).stepper.drain()),
        );
      } catch (error) {
        // The stepper counts from its own start; the reader counts the lab's steps.
        if (error instanceof DivergenceError && error.data.code === 'divergence')
          throw new DivergenceError(steps + 1, error.data.loss);
        throw error;
      }
      const [p, q] = drained;
      const worst = Math.max(p?.losses[0] ?? 0, q?.losses[0] ?? 0);
      if (worst > DIVERGED_LOSS) throw new DivergenceError(steps + 1, worst);
      for (const l of lanes) l.weights = await readWeights(l.model);
      steps += 1;
      const [pathBefore = [], panelBefore = []] = before;
      const pathGrad = p?.gradients ?? [];
      return {
        step: steps,
        batchSize: p?.samples ?? 0,
        batchLoss: p?.losses[0] ?? NaN,
        w: [valuesOf(pathBefore, 0)[0] ?? NaN, valuesOf(pathBefore, 1)[0] ?? NaN],
        grad: [valuesOf(pathGrad, 0)[0] ?? NaN, valuesOf(pathGrad, 1)[0] ?? NaN],
        next: [valuesOf(path.weights, 0)[0] ?? NaN, valuesOf(path.weights, 1)[0] ?? NaN],
        panel: {
          shape: panel.weights[0]?.shape.slice() ?? [],
          before: valuesOf(panelBefore, 0),
          grad: valuesOf(q?.gradients ?? [], 0),
          // A copy: the lane keeps its own for the next step's "before".
          after: valuesOf(panel.weights, 0).slice(),
          loss: q?.losses[0] ?? NaN,
        },
      };
    },
    reset,
    async exportFiles(weightsFile) {
      const files = toModelFiles(await saveModelArtifacts(path.model), weightsFile);
      return { ...files, json: exportWeightsJson(path.model) };
    },
    dispose() {
      stopLanes();
      for (const l of lanes) l.model.dispose();
    },
  };
}
