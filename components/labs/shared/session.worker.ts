// The labs' training worker: builds the model from a spec, makes the data from a description, and
// runs the core's train() on it, pushing snapshots to the page. All tfjs lives here; the page only
// draws. (Interim host until src/core/worker lands; it uses only the core's public index.)
import {
  buildModel,
  createActivationProbe,
  exportWeightsJson,
  initBackend,
  predict,
  readWeights,
  saveModelArtifacts,
  toModelFiles,
  train,
  type Snapshot,
  type TrainingRun,
} from '../../../src/core/index';
import { makeData } from './session-data';
import {
  snapshotBuffers,
  type SessionEvent,
  type SessionReply,
  type SessionRequest,
} from './session-protocol';
import type { Prepared, SessionSetup } from './session-types';

/** The parts of DedicatedWorkerGlobalScope used here (the project's lib settings omit WebWorker). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SessionRequest>) => void): void;
  close(): void;
}
const scope = self as unknown as WorkerScope;

type Model = ReturnType<typeof buildModel>;

interface Current {
  setup: SessionSetup;
  model: Model;
  data: Omit<Prepared, 'snapshot'>;
  probe: Float32Array | undefined;
  run: TrainingRun | null;
  generation: number;
}

// One lab per worker: this is the worker's whole state, replaced on every prepare.
let current: Current | null = null;
let generation = 0;

function reply(message: SessionReply | SessionEvent, transfer: ArrayBuffer[] = []): void {
  scope.postMessage(message, transfer);
}

function sampleOf(data: Prepared['test'], index: number): Float32Array | undefined {
  const size = data.xShape.reduce((a, b) => a * b, 1);
  const n = data.x.length / size;
  if (n === 0) return undefined;
  const i = Math.max(0, Math.min(n - 1, index));
  return data.x.slice(i * size, (i + 1) * size);
}

/** Stops the run and waits until its driver let go of the model, so the model can be disposed. */
async function stopRun(): Promise<void> {
  const run = current?.run;
  if (!run || !current) return;
  current.run = null;
  run.stop();
  await run.done;
}

/** The run is made on first Treinar/Passo, so a prepared model costs nothing until used. */
function ensureRun(c: Current, paused: boolean): TrainingRun {
  if (c.run) return c.run;
  const test = c.data.test;
  const run = train(c.model, c.data.train, {
    ...c.setup.options,
    ...(test.x.length > 0 ? { validation: test } : {}),
    ...(c.probe ? { probe: c.probe } : {}),
    startPaused: paused,
  });
  const mine = c.generation;
  run.onSnapshot((snapshot: Snapshot) => {
    if (mine !== generation) return;
    reply({ type: 'push-snapshot', generation: mine, snapshot }, snapshotBuffers(snapshot));
  });
  run.onState((state) => {
    if (mine === generation) reply({ type: 'push-state', generation: mine, state });
  });
  run.done.then((result) => {
    if (mine === generation && result.error) {
      reply({
        type: 'push-state',
        generation: mine,
        state: 'error',
        message: result.error.message,
      });
    }
  });
  c.run = run;
  return run;
}

async function initialSnapshot(c: Current): Promise<Snapshot> {
  const weights = await readWeights(c.model);
  const snapshot: Snapshot = { step: 0, epoch: 0, loss: NaN, metrics: {}, weights };
  if (c.probe) snapshot.activations = await createActivationProbe(c.model).run(c.probe);
  return snapshot;
}

async function handle(message: SessionRequest): Promise<void> {
  const { id } = message;
  switch (message.type) {
    case 'init': {
      const backend = await initBackend(message.backend, { wasmPath: message.wasmPath });
      reply({ type: 'ready', id, backend });
      return;
    }
    case 'prepare': {
      generation++;
      await stopRun();
      current?.model.dispose();
      current = null;
      const data = await makeData(message.setup.data);
      const model = buildModel(message.setup.model);
      const probeSet = data.test.x.length > 0 ? data.test : data.train;
      const c: Current = {
        setup: message.setup,
        model,
        data,
        probe:
          message.setup.probe === undefined ? undefined : sampleOf(probeSet, message.setup.probe),
        run: null,
        generation,
      };
      current = c;
      const snapshot = await initialSnapshot(c);
      // Copies of the data go to the page (it draws them); the worker keeps its own.
      const prepared: Prepared = {
        train: structuredClone(data.train),
        test: structuredClone(data.test),
        snapshot,
      };
      reply({ type: 'prepared', id, prepared }, snapshotBuffers(snapshot));
      return;
    }
    case 'train': {
      if (!current) throw new Error('train before prepare');
      const run = ensureRun(current, false);
      run.resume();
      reply({ type: 'ok', id });
      return;
    }
    case 'pause': {
      current?.run?.pause();
      reply({ type: 'ok', id });
      return;
    }
    case 'step': {
      if (!current) throw new Error('step before prepare');
      const snapshot = await ensureRun(current, true).step(1);
      reply({ type: 'ok', id });
      void snapshot; // listeners already pushed it
      return;
    }
    case 'probe': {
      if (!current) throw new Error('probe before prepare');
      const probeSet = current.data.test.x.length > 0 ? current.data.test : current.data.train;
      const sample = sampleOf(probeSet, message.index);
      const activations = sample ? await createActivationProbe(current.model).run(sample) : [];
      reply({ type: 'activations', id, activations });
      return;
    }
    case 'predict': {
      if (!current) throw new Error('predict before prepare');
      const y = predict(current.model, message.x, message.shape);
      reply({ type: 'predicted', id, y }, [y.buffer as ArrayBuffer]);
      return;
    }
    case 'exportModel': {
      if (!current) throw new Error('export before prepare');
      const files = toModelFiles(await saveModelArtifacts(current.model), message.weightsFile);
      reply({ type: 'model', id, modelJson: files.modelJson, weights: files.weights }, [
        files.weights,
      ]);
      return;
    }
    case 'exportWeights': {
      if (!current) throw new Error('export before prepare');
      reply({ type: 'weights', id, json: exportWeightsJson(current.model) });
      return;
    }
    case 'dispose': {
      generation++;
      await stopRun();
      current?.model.dispose();
      current = null;
      reply({ type: 'ok', id });
      scope.close();
      return;
    }
  }
}

scope.addEventListener('message', (event) => {
  handle(event.data).catch((error: unknown) => {
    reply({
      type: 'error',
      id: event.data.id,
      message: error instanceof Error ? error.message : String(error),
    });
  });
});
