// LabSession over the core's training worker (src/core/worker): one worker per lab, created when
// the lab mounts and terminated when it leaves. Snapshots arrive latest-wins; ones still in flight
// from a model that has just been replaced are dropped.
import {
  createTrainerClient,
  type ActivationSnapshot,
  type DatasetRequest,
  type RunState,
  type Snapshot,
} from '../../../src/core/page';
import { pointsDataset, sampleCount, sampleOf } from './raw-data';
import { createTrainerWorker } from './trainer-worker';
import type { DataSource, LabSession, Prepared, SessionSetup } from './session-types';

function toRequest(source: DataSource): DatasetRequest {
  if (source.kind === 'custom')
    return { kind: 'raw', train: pointsDataset(source.points, source.classes) };
  return source;
}

export function createSession(worker: Worker = createTrainerWorker()): LabSession {
  const client = createTrainerClient(worker);
  const snapshotListeners: ((snapshot: Snapshot) => void)[] = [];
  const stateListeners: ((state: RunState, message?: string) => void)[] = [];
  /**
   * Snapshots count only once the current model was asked to train or step: until then, anything
   * arriving is the tail of the model a reset just replaced.
   */
  let live = false;
  let probeSet: Prepared['test'] | null = null;
  let disposed = false;

  client.onSnapshot((snapshot) => {
    if (live) for (const cb of snapshotListeners) cb(snapshot);
  });
  client.onState((state) => {
    if (live || state === 'idle') for (const cb of stateListeners) cb(state);
  });
  client.onError((error) => {
    if (live) for (const cb of stateListeners) cb('error', error.message);
  });

  const backend = client.init({ backend: 'wasm', wasmPath: `${import.meta.env.BASE_URL}tfjs/` });

  const activationsOf = async (index: number): Promise<ActivationSnapshot[]> => {
    if (probeSet === null || sampleCount(probeSet) === 0) return [];
    const i = Math.max(0, Math.min(sampleCount(probeSet) - 1, index));
    return client.activations(sampleOf(probeSet, i));
  };

  return {
    backend,
    async prepare(setup: SessionSetup) {
      // Marks let a profile or the benchmark split a lab's start-up into its stages.
      await backend;
      performance.mark('lab:backend');
      live = false;
      await client.stop().catch(() => undefined);
      const created = await client.create({
        spec: setup.model,
        data: toRequest(setup.data),
        options: setup.options,
      });
      performance.mark('lab:created');
      const data = await client.dataset();
      performance.mark('lab:dataset');
      const test = data.test ?? { ...data.train, x: new Float32Array(0), y: new Float32Array(0) };
      probeSet = sampleCount(test) > 0 ? test : data.train;
      const snapshot: Snapshot = {
        step: 0,
        epoch: 0,
        loss: NaN,
        metrics: {},
        weights: created.weights,
      };
      if (setup.probe !== undefined) snapshot.activations = await activationsOf(setup.probe);
      return { backend: created.backend, train: data.train, test, snapshot } satisfies Prepared;
    },
    train() {
      live = true;
      // start creates a run if there is none and resumes a paused one.
      client.start().catch(() => undefined);
    },
    pause() {
      client.pause().catch(() => undefined);
    },
    setSpeed(stepsPerSecond) {
      client.setSpeed(stepsPerSecond).catch(() => undefined);
    },
    step() {
      live = true;
      return client.step(1);
    },
    setProbe: activationsOf,
    onSnapshot(cb) {
      snapshotListeners.push(cb);
    },
    onState(cb) {
      stateListeners.push(cb);
    },
    predict: (x, shape) => client.predict(x, shape),
    exportModel: () => client.exportModel(),
    exportWeights: () => client.exportWeights(),
    dispose() {
      if (disposed) return;
      disposed = true;
      live = false;
      // Let the worker stop and free its tensors, then end it whether or not it answers.
      const end = setTimeout(() => client.terminate(), 1000);
      client
        .dispose()
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(end);
          client.terminate();
        });
    },
  };
}
