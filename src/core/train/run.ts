// train(): a TrainingRun the caller can pause, resume, step and stop. One async driver owns every tfjs
// call of the run, so commands only set flags and wake it: no two steps ever interleave.
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Dataset, RunState, Snapshot, TrainOptions } from '../types.ts';
import { checkInteger } from '../validate.ts';
import { makeOptimizer } from './optimizer.ts';
import { checkSpeed, checkTrainOptions } from './options.ts';
import { createYielder, defaultClock, type Clock, type Yielder } from './schedule.ts';
import { createSnapshotter } from './snapshotter.ts';
import { createStepper, type Drained } from './stepper.ts';

export interface RunResult {
  state: 'done' | 'stopped' | 'error';
  steps: number;
  epochs: number;
  /** The last snapshot (taken at done/stop), or null when no step ran or the run failed. */
  snapshot: Snapshot | null;
  /** DivergenceError when the loss became NaN/Infinity; any other error tfjs threw. */
  error?: Error;
}

export interface TrainingRun {
  readonly state: RunState;
  /** Optimizer steps so far. */
  readonly steps: number;
  pause(): void;
  resume(): void;
  /** Pauses if training, runs n more steps, resolves with their snapshot. */
  step(n?: number): Promise<Snapshot>;
  /** Steps per second at most from now on (Infinity: full speed); see TrainOptions.stepsPerSecond. */
  setSpeed(stepsPerSecond: number): void;
  readonly speed: number;
  stop(): void;
  onSnapshot(cb: (snapshot: Snapshot) => void): () => void;
  onState(cb: (state: RunState) => void): () => void;
  readonly done: Promise<RunResult>;
}

/** Injectable time, for tests and benchmarks. */
export interface TrainEnv {
  clock?: Clock;
  yieldToEventLoop?: Yielder;
  /** Milliseconds of steps between two yields. Default 16. */
  sliceMs?: number;
  /**
   * Waits between paced steps (a limited speed). Default: a timer that any command (pause, stop,
   * a new speed) cuts short. Tests inject one that advances their clock.
   */
  sleep?: (ms: number) => Promise<void>;
}

interface StepRequest {
  n: number;
  resolve: (snapshot: Snapshot) => void;
  reject: (error: Error) => void;
}

function emit<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch (error) {
      // A broken listener must not kill the run; rethrow where it will be reported.
      setTimeout(() => {
        throw error;
      }, 0);
    }
  }
}

export function train(
  model: tfl.LayersModel,
  data: Dataset,
  options: TrainOptions,
  env: TrainEnv = {},
): TrainingRun {
  const checked = checkTrainOptions(model, data, options);
  const clock = env.clock ?? defaultClock;
  const sliceMs = env.sliceMs ?? 16;
  const yielder = env.yieldToEventLoop ? null : createYielder();
  const yieldNow = env.yieldToEventLoop ?? (yielder as { yieldNow: Yielder }).yieldNow;
  const optimizer = makeOptimizer(options.optimizer);
  const stepper = createStepper(model, data, checked.count, { ...checked, optimizer });
  let snapshotter: ReturnType<typeof createSnapshotter>;
  try {
    snapshotter = createSnapshotter(model, {
      loss: checked.loss,
      validation: options.validation
        ? { data: options.validation, count: checked.validationCount }
        : undefined,
      probe: options.probe,
      clock,
    });
  } catch (error) {
    stepper.dispose();
    optimizer.dispose();
    yielder?.close();
    throw error;
  }
  const snapshotInterval = checked.snapshotHz > 0 ? 1000 / checked.snapshotHz : Infinity;
  let speed = checked.stepsPerSecond;
  // A limited speed is kept by counting steps from a start time, so timer jitter does not add up.
  let paceFrom = clock();
  let paced = 0;
  const restartPace = () => {
    paceFrom = clock();
    paced = 0;
  };

  const snapshotListeners = new Set<(snapshot: Snapshot) => void>();
  const stateListeners = new Set<(state: RunState) => void>();
  let state: RunState = options.startPaused ? 'paused' : 'training';
  let stopRequested = false;
  let pauseSnapshotDue = false;
  const stepRequests: StepRequest[] = [];
  let wake: (() => void) | null = null;
  let lastSnapshotAt = clock();
  // Steps since the last snapshot: its loss and accuracy are their means.
  const since = { lossSum: 0, steps: 0, correct: 0, samples: 0 };
  let lastLoss = NaN;
  let lastAccuracy = NaN;
  let resolveDone: (result: RunResult) => void = () => {};
  const done = new Promise<RunResult>((resolve) => (resolveDone = resolve));

  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const rest = (ms: number): Promise<void> => {
    if (env.sleep) return env.sleep(ms);
    return new Promise<void>((resolve) => {
      const end = () => {
        clearTimeout(timer);
        if (wake === end) wake = null;
        resolve();
      };
      const timer = setTimeout(end, ms);
      wake = end;
    });
  };
  const setState = (next: RunState) => {
    if (next === state) return;
    state = next;
    emit(stateListeners, next);
  };
  const complete = () => stepper.epochs >= checked.epochs;

  const absorb = ({ losses, correct, samples }: Drained) => {
    for (const value of losses) since.lossSum += value;
    since.steps += losses.length;
    since.correct += correct;
    since.samples += samples;
  };

  /** Runs up to `maxSteps` steps for one time slice, then reads their losses. Returns steps run. */
  const slice = async (maxSteps: number): Promise<number> => {
    const started = clock();
    let ran = 0;
    while (ran < maxSteps && !complete() && !stopRequested) {
      stepper.runStep();
      ran++;
      const now = clock();
      if (now - started >= sliceMs) break;
      // End the slice when a snapshot falls due, so snapshots keep their rate.
      if (maxSteps === Infinity && now - lastSnapshotAt >= snapshotInterval) break;
    }
    absorb(await stepper.drain());
    return ran;
  };

  const snapshot = async (final: boolean): Promise<Snapshot | null> => {
    if (stepper.steps === 0) return null;
    if (since.steps > 0) lastLoss = since.lossSum / since.steps;
    if (since.samples > 0) lastAccuracy = since.correct / since.samples;
    since.lossSum = since.steps = since.correct = since.samples = 0;
    lastSnapshotAt = clock(); // start to start, so the rate is snapshotHz however long a snapshot takes
    const metrics: Record<string, number> = stepper.accuracy ? { accuracy: lastAccuracy } : {};
    const taken = await snapshotter.take(
      { step: stepper.steps, epoch: stepper.epochs, loss: lastLoss, metrics },
      final,
    );
    emit(snapshotListeners, taken);
    return taken;
  };

  const finish = (result: RunResult) => {
    stepper.dispose();
    snapshotter.dispose();
    optimizer.dispose();
    yielder?.close();
    for (const request of stepRequests.splice(0)) {
      if (result.error) request.reject(result.error);
      else if (result.snapshot) request.resolve(result.snapshot);
      else request.reject(new Error(`run ${result.state} before any step`));
    }
    setState(result.state);
    resolveDone(result);
  };

  const end = async (kind: 'done' | 'stopped') => {
    const last = await snapshot(true);
    finish({ state: kind, steps: stepper.steps, epochs: stepper.epochs, snapshot: last });
  };

  const drive = async () => {
    for (;;) {
      if (stopRequested) return end('stopped');
      if (complete()) return end('done');
      if (state === 'training' && speed === Infinity) {
        await slice(Infinity);
        if (!complete() && !stopRequested && clock() - lastSnapshotAt >= snapshotInterval) {
          await snapshot(false);
        }
        if (!complete()) await yieldNow();
        continue;
      }
      if (state === 'training') {
        const perStep = 1000 / speed;
        const due = Math.floor((clock() - paceFrom) / perStep) + 1 - paced;
        if (due <= 0) {
          await rest(paceFrom + paced * perStep - clock());
          continue;
        }
        paced += await slice(due);
        // Slower than the asked speed (a busy machine): carry no backlog of over 100 ms.
        if ((due - 1) * perStep > 100) restartPace();
        // Steps further apart than snapshots: each one is shown on its own.
        const shown = perStep >= snapshotInterval || clock() - lastSnapshotAt >= snapshotInterval;
        if (!complete() && !stopRequested && shown) await snapshot(false);
        if (!complete()) await yieldNow();
        continue;
      }
      if (pauseSnapshotDue) {
        pauseSnapshotDue = false;
        await snapshot(true);
        continue;
      }
      const request = stepRequests[0];
      if (request) {
        let remaining = request.n;
        while (remaining > 0 && !complete() && !stopRequested) {
          remaining -= await slice(remaining);
          if (remaining > 0) await yieldNow();
        }
        if (stopRequested || complete()) continue; // end() resolves the request with the final snapshot
        stepRequests.shift();
        request.resolve((await snapshot(true)) as Snapshot);
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  // Started from a microtask, so the caller can subscribe (or pause) before the first step runs.
  Promise.resolve()
    .then(drive)
    .catch((error: unknown) => {
      const err = error instanceof Error ? error : new Error(String(error));
      finish({
        state: 'error',
        steps: stepper.steps,
        epochs: stepper.epochs,
        snapshot: null,
        error: err,
      });
    });

  const finished = () => state === 'done' || state === 'stopped' || state === 'error';

  return {
    get state() {
      return state;
    },
    get steps() {
      return stepper.steps;
    },
    get speed() {
      return speed;
    },
    done,
    pause() {
      if (state !== 'training') return;
      setState('paused');
      pauseSnapshotDue = true;
      signal();
    },
    resume() {
      if (state !== 'paused') return;
      restartPace();
      setState('training');
      signal();
    },
    setSpeed(stepsPerSecond) {
      speed = checkSpeed(stepsPerSecond);
      restartPace();
      signal();
    },
    step(n = 1) {
      checkInteger('n', n, 1);
      if (finished()) {
        return done.then((result) =>
          result.snapshot
            ? result.snapshot
            : Promise.reject(result.error ?? new Error(`run ${result.state}`)),
        );
      }
      if (state === 'training') setState('paused');
      return new Promise<Snapshot>((resolve, reject) => {
        stepRequests.push({ n, resolve, reject });
        signal();
      });
    },
    stop() {
      if (finished()) return;
      stopRequested = true;
      signal();
    },
    onSnapshot(cb) {
      snapshotListeners.add(cb);
      return () => snapshotListeners.delete(cb);
    },
    onState(cb) {
      stateListeners.add(cb);
      return () => stateListeners.delete(cb);
    },
  };
}
