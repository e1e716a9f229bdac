import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DivergenceError,
  InvalidConfigError,
  ShapeMismatchError,
  buildModel,
  pointSet,
  sine,
  train,
  type ModelSpec,
  type RunState,
  type Snapshot,
  type TrainOptions,
  type TrainingRun,
} from '../../../src/core/index.ts';
import { startBackend } from './helpers.ts';

const MLP: ModelSpec = {
  inputShape: [2],
  layers: [
    { type: 'dense', units: 8, activation: 'relu' },
    { type: 'dense', units: 2, activation: 'softmax' },
  ],
  seed: 2,
};
const DATA = pointSet('moons', { n: 128, seed: 1 });
const OPTIONS: TrainOptions = {
  optimizer: { name: 'adam', learningRate: 0.01 },
  loss: 'categoricalCrossentropy',
  batchSize: 16,
  epochs: Infinity,
  seed: 3,
};

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

function nextSnapshot(
  run: TrainingRun,
  accept: (s: Snapshot) => boolean = () => true,
): Promise<Snapshot> {
  return new Promise((resolve) => {
    const off = run.onSnapshot((s) => {
      if (!accept(s)) return;
      off();
      resolve(s);
    });
  });
}

/** Every value is plain data: objects, arrays, numbers, strings, Float32Arrays. No tf.Tensor. */
function expectPlain(value: unknown, path = 'snapshot'): void {
  if (value === null || typeof value !== 'object') return;
  const proto = Object.getPrototypeOf(value) as object;
  expect([Object.prototype, Array.prototype, Float32Array.prototype], path).toContain(proto);
  if (value instanceof Float32Array) return;
  for (const [key, child] of Object.entries(value)) expectPlain(child, `${path}.${key}`);
}

beforeAll(startBackend);

describe('train(): run control', () => {
  it('pause holds the step count, resume continues, stop ends', async () => {
    const model = buildModel(MLP);
    const run = train(model, DATA, OPTIONS);
    const states: RunState[] = [];
    run.onState((s) => states.push(s));
    expect(run.state).toBe('training');
    await nextSnapshot(run, (s) => s.step >= 5);
    run.pause();
    expect(run.state).toBe('paused');
    const pauseSnapshot = await nextSnapshot(run);
    const held = run.steps;
    expect(pauseSnapshot.step).toBe(held);
    for (let i = 0; i < 20; i++) await macrotask();
    expect(run.steps).toBe(held);
    run.resume();
    await nextSnapshot(run, (s) => s.step > held);
    run.stop();
    const result = await run.done;
    expect(result.state).toBe('stopped');
    expect(result.snapshot?.step).toBe(result.steps);
    expect(result.steps).toBeGreaterThan(held);
    expect(states).toEqual(['paused', 'training', 'stopped']);
    expect(run.state).toBe('stopped');
    model.dispose();
  });

  it('step(n) runs exactly n steps from paused and resolves with their snapshot', async () => {
    const model = buildModel(MLP);
    const run = train(model, DATA, { ...OPTIONS, startPaused: true });
    expect(run.state).toBe('paused');
    const emitted: number[] = [];
    run.onSnapshot((s) => emitted.push(s.step));
    expect((await run.step(3)).step).toBe(3);
    expect((await run.step()).step).toBe(4);
    expect(run.steps).toBe(4);
    expect(run.state).toBe('paused');
    expect(emitted).toEqual([3, 4]);
    run.stop();
    expect((await run.done).steps).toBe(4);
    model.dispose();
  });

  it('ends as done after its epochs, with a final snapshot', async () => {
    const model = buildModel(MLP);
    const run = train(model, DATA, { ...OPTIONS, epochs: 2, batchSize: 32 });
    const result = await run.done;
    expect(result).toMatchObject({ state: 'done', steps: 8, epochs: 2 });
    expect(result.snapshot).toMatchObject({ step: 8, epoch: 2 });
    await expect(run.step()).resolves.toMatchObject({ step: 8 });
    model.dispose();
  });

  it('the same seeds give the same loss sequence; another shuffle seed does not', async () => {
    const losses = async (shuffleSeed: number) => {
      const model = buildModel(MLP);
      const run = train(model, DATA, { ...OPTIONS, seed: shuffleSeed, startPaused: true });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await run.step()).loss);
      run.stop();
      await run.done;
      model.dispose();
      return out;
    };
    const first = await losses(5);
    expect(await losses(5)).toEqual(first);
    expect(await losses(6)).not.toEqual(first);
  });
});

describe('train(): memory', () => {
  it('a step, a snapshot and a stop leave tf.memory().numTensors unchanged', async () => {
    const model = buildModel({ ...MLP, layers: [{ type: 'dropout', rate: 0.1 }, ...MLP.layers] });
    const baseline = tf.memory().numTensors;
    const validation = pointSet('moons', { n: 64, seed: 9 });
    const run = train(model, DATA, {
      ...OPTIONS,
      validation,
      probe: DATA.x.slice(0, 2),
      startPaused: true,
    });
    await run.step(); // creates Adam's slots
    const steady = tf.memory().numTensors;
    await run.step();
    expect(tf.memory().numTensors).toBe(steady);
    await run.step(7);
    expect(tf.memory().numTensors).toBe(steady);
    run.resume();
    await nextSnapshot(run);
    run.stop();
    await run.done;
    expect(tf.memory().numTensors).toBe(baseline);
    model.dispose();
  });
});

describe('train(): snapshots', () => {
  it('carry plain weights, accuracy, validation and probe activations', async () => {
    const model = buildModel(MLP);
    const validation = pointSet('moons', { n: 64, seed: 9 });
    const run = train(model, DATA, {
      ...OPTIONS,
      validation,
      probe: new Float32Array([0.5, -0.2]),
      startPaused: true,
    });
    const snapshot = await run.step(4);
    expectPlain(snapshot);
    expect(snapshot.weights.map((w) => [w.name, w.layer, w.kind, w.shape])).toEqual([
      ['dense_1/kernel', 'dense_1', 'kernel', [2, 8]],
      ['dense_1/bias', 'dense_1', 'bias', [8]],
      ['dense_2/kernel', 'dense_2', 'kernel', [8, 2]],
      ['dense_2/bias', 'dense_2', 'bias', [2]],
    ]);
    expect(Object.keys(snapshot.metrics).sort()).toEqual(['accuracy', 'valAccuracy', 'valLoss']);
    for (const value of Object.values(snapshot.metrics)) expect(Number.isFinite(value)).toBe(true);
    expect(snapshot.activations?.map((a) => [a.layer, a.kind, a.shape])).toEqual([
      ['dense_1', 'output', [8]],
      ['dense_2', 'output', [2]],
    ]);
    // values are copies: scribbling on them leaves the model alone
    const kernel = snapshot.weights[0]!.values;
    const before = Array.from(kernel);
    kernel.fill(42);
    const again = await run.step(0 + 1);
    expect(Array.from(again.weights[0]!.values)).not.toContain(42);
    expect(before).not.toContain(42);
    run.stop();
    await run.done;
    model.dispose();
  });

  it('come at most snapshotHz times per second of the injected clock', async () => {
    let now = 0;
    const clock = () => (now += 1); // 1 ms per read
    const model = buildModel(MLP);
    const run = train(model, DATA, { ...OPTIONS, snapshotHz: 50 }, { clock, sliceMs: 4 });
    const times: number[] = [];
    run.onSnapshot(() => times.push(now));
    await nextSnapshot(run, () => times.length >= 6);
    run.stop();
    await run.done;
    const gaps = times.slice(1, 6).map((t, i) => t - times[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(20);
    model.dispose();
  });
});

describe('train(): speed', () => {
  /** A fake clock where steps cost almost no time (10 µs per read) and sleeping advances it. */
  function pacedEnv() {
    let now = 0;
    return {
      env: {
        clock: () => (now += 0.01),
        sliceMs: 0.1,
        sleep: async (ms: number) => {
          now += Math.max(ms, 0);
          await macrotask();
        },
      },
      now: () => now,
    };
  }

  it('stepsPerSecond paces the steps by the clock: 4 steps/s gives 4 steps a second', async () => {
    const { env, now } = pacedEnv();
    const model = buildModel(MLP);
    const run = train(model, DATA, { ...OPTIONS, stepsPerSecond: 4 }, env);
    const steps: { step: number; at: number }[] = [];
    run.onSnapshot((s) => steps.push({ step: s.step, at: now() }));
    await nextSnapshot(run, (s) => s.step >= 9);
    run.stop();
    await run.done;
    // Slow motion: each step has a snapshot of its own, 250 ms of the clock after the previous one.
    expect(steps.slice(0, 9).map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const gaps = steps.slice(1, 9).map((s, i) => s.at - steps[i]!.at);
    for (const gap of gaps) expect(gap).toBeCloseTo(250, 0);
    model.dispose();
  });

  it('setSpeed changes the pace of a running run, and Infinity lifts the limit', async () => {
    const { env, now } = pacedEnv();
    const model = buildModel(MLP);
    const run = train(model, DATA, { ...OPTIONS, stepsPerSecond: 1, snapshotHz: 1000 }, env);
    await nextSnapshot(run, (s) => s.step >= 2);
    const slowAt = now();
    run.setSpeed(100);
    expect(run.speed).toBe(100);
    const fast = await nextSnapshot(run, (s) => s.step >= 22);
    // 20 more steps at 100 steps/s: 0,2 s of the clock, not 20 s.
    expect(now() - slowAt).toBeLessThan(400);
    run.setSpeed(Infinity);
    const before = now();
    await nextSnapshot(run, (s) => s.step >= fast.step + 200);
    // Full speed never sleeps: 200 steps at the old 100 steps/s would have taken 2 s.
    expect(now() - before).toBeLessThan(100);
    run.stop();
    await run.done;
    model.dispose();
  });

  it('refuses a speed that is not a positive number, naming what it got', () => {
    const model = buildModel(MLP);
    for (const bad of [0, -1, Number.NaN, '3' as unknown as number]) {
      expect(() => train(model, DATA, { ...OPTIONS, stepsPerSecond: bad })).toThrow(
        InvalidConfigError,
      );
    }
    const run = train(model, DATA, { ...OPTIONS, startPaused: true });
    expect(() => run.setSpeed(-5)).toThrow(/stepsPerSecond/);
    run.stop();
    model.dispose();
  });
});

describe('train(): errors', () => {
  it('a huge learning rate ends the run in error with a DivergenceError', async () => {
    const model = buildModel({
      inputShape: [20, 1],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 1 }],
    });
    const baseline = tf.memory().numTensors;
    const states: RunState[] = [];
    const run = train(model, sine({ n: 64, seed: 1 }), {
      optimizer: { name: 'sgd', learningRate: 1e6 },
      loss: 'meanSquaredError',
      batchSize: 16,
      epochs: Infinity,
    });
    run.onState((s) => states.push(s));
    const result = await run.done;
    expect(result.state).toBe('error');
    expect(result.error).toBeInstanceOf(DivergenceError);
    const data = (result.error as DivergenceError).data;
    expect(data).toMatchObject({ code: 'divergence' });
    expect(data.code === 'divergence' && !Number.isFinite(data.loss) && data.step >= 1).toBe(true);
    expect(states).toEqual(['error']);
    await expect(run.step()).rejects.toBeInstanceOf(DivergenceError);
    expect(tf.memory().numTensors).toBe(baseline);
    model.dispose();
  });

  it('data that does not fit the model names both shapes; bad options name the field', () => {
    const model = buildModel(MLP);
    const threeD = { ...DATA, x: new Float32Array(128 * 3), xShape: [3] };
    expect(() => train(model, threeD, OPTIONS)).toThrow(ShapeMismatchError);
    try {
      train(model, threeD, OPTIONS);
    } catch (error) {
      expect((error as ShapeMismatchError).data).toMatchObject({
        expected: [null, 2],
        received: [null, 3],
      });
    }
    const wrongClasses = pointSet('gaussians', { n: 30, classes: 3 });
    expect(() => train(model, wrongClasses, OPTIONS)).toThrow(
      /dense_2: expected shape \[null, 2\], received \[null, 3\]/,
    );
    const fieldOf = (options: TrainOptions) => {
      try {
        train(model, DATA, options);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidConfigError);
        return (error as InvalidConfigError).data;
      }
      return null;
    };
    expect(fieldOf({ ...OPTIONS, batchSize: 0 })).toMatchObject({
      field: 'batchSize',
      received: 0,
    });
    expect(fieldOf({ ...OPTIONS, optimizer: { name: 'sgd', learningRate: -1 } })).toMatchObject({
      field: 'optimizer.learningRate',
    });
    expect(fieldOf({ ...OPTIONS, loss: 'hinge' as 'meanSquaredError' })).toMatchObject({
      field: 'loss',
    });
    expect(fieldOf({ ...OPTIONS, epochs: 0.5 })).toMatchObject({ field: 'epochs' });
    model.dispose();
  });
});
