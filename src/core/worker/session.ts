// One model, its data and its current training run, as the worker host manages them. Step and epoch
// numbers keep counting across runs (start after done/stop continues from the current weights).
import { gunzipIfNeeded } from '../data/gzip.ts';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { pickSamples, splitDataset } from '../data/dataset-utils.ts';
import { parseMnistPack } from '../data/mnist-pack.ts';
import { pointSet } from '../data/points.ts';
import { sequenceSet } from '../data/sequences.ts';
import { createActivationProbe, type ActivationProbe } from '../model/activations.ts';
import { buildModel } from '../model/build.ts';
import { summarize } from '../model/summary.ts';
import { readWeights } from '../model/weights.ts';
import { checkSpeed } from '../train/options.ts';
import { train, type TrainEnv, type TrainingRun } from '../train/run.ts';
import type { BackendName, Dataset, RunState, Snapshot } from '../types.ts';
import type { CreateRequest, CreateResult, DatasetInfo, DatasetRequest } from './protocol.ts';

/**
 * The host never sends more than this many snapshots per second, whatever the options ask: a
 * display's rate, so every frame can show new weights. The channel is latest-wins (host.ts), so a
 * page that draws slower simply gets fewer.
 */
export const MAX_SNAPSHOT_HZ = 60;

export interface SessionHooks {
  onSnapshot(snapshot: Snapshot): void;
  onState(state: RunState, steps: number): void;
  onError(error: Error): void;
}

export interface LoadedData {
  train: Dataset;
  test?: Dataset;
}

function firstN(data: Dataset, n: number | undefined): Dataset {
  const count = data.y.length / data.yShape.reduce((a, b) => a * b, 1);
  if (n === undefined || n >= count) return data;
  return pickSamples(
    data,
    Array.from({ length: n }, (_, i) => i),
  );
}

export async function loadDataset(
  request: DatasetRequest,
  fetchBytes: (url: string) => Promise<ArrayBuffer>,
): Promise<LoadedData> {
  const split = (data: Dataset, testFraction: number | undefined): LoadedData =>
    testFraction === undefined ? { train: data } : splitDataset(data, { testFraction, seed: 0 });
  switch (request.kind) {
    case 'points':
      return split(pointSet(request.name, request.options), request.testFraction);
    case 'sequence':
      return split(sequenceSet(request.name, request.options), request.testFraction);
    case 'mnist': {
      const pack = parseMnistPack(await gunzipIfNeeded(await fetchBytes(request.url)));
      return {
        train: firstN(pack.train, request.trainCount),
        test: firstN(pack.test, request.testCount),
      };
    }
    case 'raw':
      return request.test ? { train: request.train, test: request.test } : { train: request.train };
  }
}

function describe(data: Dataset): DatasetInfo {
  const info: DatasetInfo = {
    count: data.y.length / data.yShape.reduce((a, b) => a * b, 1),
    xShape: data.xShape.slice(),
    yShape: data.yShape.slice(),
  };
  if (data.classes) info.classes = data.classes.slice();
  return info;
}

export interface Session {
  readonly model: tfl.Sequential;
  readonly data: LoadedData;
  /** Activations for one sample (made once per model). */
  readonly probe: ActivationProbe;
  /** The current run, creating one (from the current weights) if there is none or it has ended. */
  ensureRun(startPaused: boolean): TrainingRun;
  readonly run: TrainingRun | null;
  describe(backend: BackendName): Promise<CreateResult>;
  /** Stops the run and rebuilds the model from its spec: same seed, same initial weights. */
  reset(): Promise<void>;
  /** Steps per second at most, for the current run and every later one (Infinity: full speed). */
  setSpeed(stepsPerSecond: number): void;
  dispose(): Promise<void>;
}

export function createSession(
  request: CreateRequest,
  data: LoadedData,
  hooks: SessionHooks,
  env: TrainEnv,
): Session {
  let model = buildModel(request.spec);
  let probe: ActivationProbe | null = null;
  let run: TrainingRun | null = null;
  let offset = { steps: 0, epochs: 0 };
  let speed = checkSpeed(request.options.stepsPerSecond);
  const validation = request.validate !== false ? data.test : undefined;
  const options = {
    ...request.options,
    snapshotHz: Math.min(request.options.snapshotHz ?? MAX_SNAPSHOT_HZ, MAX_SNAPSHOT_HZ),
    ...(validation ? { validation } : {}),
  };

  const ended = (r: TrainingRun) =>
    r.state === 'done' || r.state === 'stopped' || r.state === 'error';

  const stopRun = async () => {
    if (run === null) return;
    const current = run;
    run = null;
    if (!ended(current)) current.stop();
    await current.done;
  };

  return {
    get model() {
      return model;
    },
    data,
    get probe() {
      probe ??= createActivationProbe(model);
      return probe;
    },
    get run() {
      return run;
    },
    ensureRun(startPaused) {
      if (run !== null && !ended(run)) return run;
      const base = { ...offset };
      const current = train(
        model,
        data.train,
        { ...options, startPaused, stepsPerSecond: speed },
        env,
      );
      run = current;
      current.onSnapshot((s) =>
        hooks.onSnapshot({ ...s, step: s.step + base.steps, epoch: s.epoch + base.epochs }),
      );
      current.onState((state) => hooks.onState(state, base.steps + current.steps));
      void current.done.then((result) => {
        offset = { steps: base.steps + result.steps, epochs: base.epochs + result.epochs };
        if (result.error) hooks.onError(result.error);
      });
      hooks.onState(current.state, base.steps);
      return current;
    },
    setSpeed(stepsPerSecond) {
      speed = checkSpeed(stepsPerSecond);
      if (run !== null && !ended(run)) run.setSpeed(speed);
    },
    async describe(backend) {
      const result: CreateResult = {
        backend,
        summary: summarize(model),
        train: describe(data.train),
        weights: await readWeights(model),
      };
      if (data.test) result.test = describe(data.test);
      return result;
    },
    async reset() {
      await stopRun();
      model.dispose();
      model = buildModel(request.spec);
      probe = null;
      offset = { steps: 0, epochs: 0 };
      hooks.onState('idle', 0);
    },
    async dispose() {
      await stopRun();
      model.dispose();
    },
  };
}

/** The backend tfjs runs on, as the core names it. */
export function currentBackend(): BackendName {
  return tf.getBackend() as BackendName;
}
