// The SGD lab's worker: two real tfjs Dense layers stepped one minibatch at a time with tfjs'
// optimizers, reporting for each step the weights before, the gradient tfjs computed, and the
// weights after. The core's train() does not expose gradients, so this is the one lab that owns its
// loop (see the report in issue 5); models, backend and seeds still come from the core.
import * as tf from '@tensorflow/tfjs-core';
import {
  buildModel,
  createRng,
  exportWeightsJson,
  initBackend,
  saveModelArtifacts,
  toModelFiles,
  type Rng,
} from '../../../src/core/index';
import { PATH_START, panelProblem, pathProblem, type Regression } from './problem';
import type { SgdReply, SgdRequest, StepReport } from './protocol';

type Model = ReturnType<typeof buildModel>;

interface Trained {
  problem: Regression;
  model: Model;
}

/** The parts of DedicatedWorkerGlobalScope used here (the project's lib settings omit WebWorker). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SgdRequest>) => void): void;
  close(): void;
}
const scope = self as unknown as WorkerScope;
// Worker-local state: one lab per worker, created on init and dropped on dispose.
let path: Trained | null = null;
let panel: Trained | null = null;
// One optimizer per model: a MomentumOptimizer keys its accumulators by position in the variable
// list, so one optimizer shared by two models mixes their velocities (and their shapes).
let optimizers: [tf.Optimizer, tf.Optimizer] | null = null;
let optimizerKey = '';
let order: Uint32Array = new Uint32Array(0);
let position = 0;
let rng: Rng = createRng(11);
let steps = 0;

function post(reply: SgdReply, transfer: Transferable[] = []): void {
  scope.postMessage(reply, transfer);
}

function setPathWeights(start: [number, number]): void {
  const layer = path?.model.layers[0];
  if (!layer) return;
  tf.tidy(() => layer.setWeights([tf.tensor2d([[start[0]]]), tf.tensor1d([start[1]])]));
}

function disposeOptimizers(): void {
  for (const optimizer of optimizers ?? []) optimizer.dispose();
  optimizers = null;
  optimizerKey = '';
}

function makeOptimizer(learningRate: number, momentum: number): tf.Optimizer {
  return momentum > 0 ? tf.train.momentum(learningRate, momentum) : tf.train.sgd(learningRate);
}

function resetRun(start: [number, number]): void {
  setPathWeights(start);
  disposeOptimizers();
  rng = createRng(11);
  order = new Uint32Array(0);
  position = 0;
  steps = 0;
}

/** The next minibatch's sample indices: a seeded permutation per epoch, sliced in order. */
function nextBatch(n: number, size: number): Uint32Array {
  if (position >= order.length) {
    order = rng.permutation(n);
    position = 0;
  }
  const batch = order.slice(position, Math.min(order.length, position + size));
  position += batch.length;
  return batch;
}

function gather(values: Float32Array, width: number, indices: Uint32Array): Float32Array {
  const out = new Float32Array(indices.length * width);
  indices.forEach((index, i) =>
    out.set(values.subarray(index * width, (index + 1) * width), i * width),
  );
  return out;
}

function weightsOf(model: Model): Float32Array[] {
  return model.trainableWeights.map((w) => new Float32Array(w.read().dataSync() as Float32Array));
}

/** One step on `trained`: returns [kernel before, ∇kernel, kernel after, …] and the batch loss. */
function stepOne(trained: Trained, indices: Uint32Array, opt: tf.Optimizer) {
  const { problem, model } = trained;
  const before = weightsOf(model);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.tidy(() => {
    const xb = tf.tensor2d(gather(problem.x, problem.features, indices), [
      indices.length,
      problem.features,
    ]);
    const yb = tf.tensor2d(gather(problem.y, problem.outputs, indices), [
      indices.length,
      problem.outputs,
    ]);
    // Mean squared error over the minibatch: [batch, outputs] → scalar
    return tf.variableGrads(
      () =>
        tf.mean(
          tf.squaredDifference(yb, model.apply(xb, { training: true }) as tf.Tensor),
        ) as tf.Scalar,
      variables,
    );
  });
  const gradients = variables.map(
    (v) => new Float32Array((grads[v.name] as tf.Tensor).dataSync() as Float32Array),
  );
  opt.applyGradients(grads);
  const loss = value.dataSync()[0] as number;
  tf.dispose([value, ...Object.values(grads)]);
  return {
    before,
    gradients,
    after: weightsOf(model),
    loss,
    shapes: variables.map((v) => v.shape.slice()),
  };
}

async function handle(message: SgdRequest): Promise<void> {
  switch (message.type) {
    case 'init': {
      const backend = await initBackend(message.backend ?? 'wasm', { wasmPath: message.wasmPath });
      path = {
        problem: pathProblem(),
        model: buildModel({ inputShape: [1], layers: [{ type: 'dense', units: 1 }], seed: 3 }),
      };
      panel = {
        problem: panelProblem(),
        model: buildModel({ inputShape: [4], layers: [{ type: 'dense', units: 3 }], seed: 4 }),
      };
      resetRun(message.start ?? PATH_START);
      const [kernel, bias] = weightsOf(panel.model);
      post({
        type: 'ready',
        id: message.id,
        backend,
        panel: [kernel as Float32Array, bias as Float32Array],
      });
      return;
    }
    case 'reset': {
      resetRun(message.start);
      post({ type: 'reset', id: message.id });
      return;
    }
    case 'step': {
      if (!path || !panel) throw new Error('sgd worker: step before init');
      const key = `${message.learningRate}|${message.momentum}`;
      if (optimizers === null || key !== optimizerKey) {
        // A new learning rate or momentum starts fresh optimizers (their velocity restarts at 0).
        disposeOptimizers();
        optimizers = [
          makeOptimizer(message.learningRate, message.momentum),
          makeOptimizer(message.learningRate, message.momentum),
        ];
        optimizerKey = key;
      }
      const indices = nextBatch(path.problem.n, message.batchSize);
      const p = stepOne(path, indices, optimizers[0]);
      const q = stepOne(panel, indices, optimizers[1]);
      steps += 1;
      const report: StepReport = {
        step: steps,
        batch: Array.from(indices),
        batchLoss: p.loss,
        w: [p.before[0]?.[0] ?? NaN, p.before[1]?.[0] ?? NaN],
        grad: [p.gradients[0]?.[0] ?? NaN, p.gradients[1]?.[0] ?? NaN],
        next: [p.after[0]?.[0] ?? NaN, p.after[1]?.[0] ?? NaN],
        panel: {
          shape: q.shapes[0] ?? [],
          before: q.before[0] ?? new Float32Array(0),
          grad: q.gradients[0] ?? new Float32Array(0),
          after: q.after[0] ?? new Float32Array(0),
          loss: q.loss,
        },
      };
      post({ type: 'stepped', id: message.id, report }, [
        report.panel.before.buffer,
        report.panel.grad.buffer,
        report.panel.after.buffer,
      ]);
      return;
    }
    case 'export': {
      if (!path) throw new Error('sgd worker: export before init');
      const files = toModelFiles(await saveModelArtifacts(path.model), message.weightsFile);
      post(
        {
          type: 'exported',
          id: message.id,
          modelJson: files.modelJson,
          weights: files.weights,
          json: exportWeightsJson(path.model),
        },
        [files.weights],
      );
      return;
    }
    case 'dispose': {
      disposeOptimizers();
      path?.model.dispose();
      panel?.model.dispose();
      path = panel = null;
      post({ type: 'disposed', id: message.id });
      scope.close();
      return;
    }
  }
}

scope.addEventListener('message', (event: MessageEvent<SgdRequest>) => {
  handle(event.data).catch((error: unknown) => {
    post({
      type: 'error',
      id: event.data.id,
      message: error instanceof Error ? error.message : String(error),
    });
  });
});
