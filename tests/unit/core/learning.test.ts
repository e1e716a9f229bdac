// Learning happens: real training on the real backend reaches stated quality in bounded steps.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildModel,
  parseMnistPack,
  pointSet,
  predict,
  sine,
  train,
  waveforms,
  type Dataset,
  type ModelSpec,
} from '../../../src/core/index.ts';
import { startBackend } from './helpers.ts';
import { LESSON_CNN } from './fixtures.ts';

function accuracy(model: Parameters<typeof predict>[0], data: Dataset): number {
  const n = data.y.length / data.yShape[0]!;
  const k = data.yShape[0]!;
  const p = predict(model, data.x, [n, ...data.xShape]);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (p[i * k + c]! > p[i * k + best]!) best = c;
    if (data.y[i * k + best] === 1) correct++;
  }
  return correct / n;
}

beforeAll(startBackend);

describe('learning', () => {
  it('a Dense net reaches ≥ 95% training accuracy on the spiral', async () => {
    const data = pointSet('spiral', { n: 400, seed: 1 });
    const model = buildModel({
      inputShape: [2],
      layers: [
        { type: 'dense', units: 32, activation: 'relu' },
        { type: 'dense', units: 32, activation: 'relu' },
        { type: 'dense', units: 2, activation: 'softmax' },
      ],
      seed: 1,
    });
    const before = accuracy(model, data);
    const result = await train(model, data, {
      optimizer: { name: 'adam', learningRate: 0.01 },
      loss: 'categoricalCrossentropy',
      batchSize: 32,
      epochs: 100, // 1,300 steps
      seed: 1,
    }).done;
    expect(result.state).toBe('done');
    expect(before).toBeLessThan(0.8);
    expect(accuracy(model, data)).toBeGreaterThanOrEqual(0.95);
    model.dispose();
  });

  it('the lesson CNN reaches ≥ 90% test accuracy on packed MNIST within 189 steps (3 epochs)', async () => {
    const file = gunzipSync(
      readFileSync(new URL('../../../public/data/mnist.bin.gz', import.meta.url)),
    );
    const { train: trainSet, test } = parseMnistPack(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength),
    );
    const model = buildModel({ ...LESSON_CNN, seed: 1 });
    const result = await train(model, trainSet, {
      optimizer: { name: 'adam', learningRate: 0.005 },
      loss: 'categoricalCrossentropy',
      batchSize: 32,
      epochs: 3,
      seed: 1,
      validation: test,
    }).done;
    expect(result.state).toBe('done');
    expect(result.steps).toBe(189);
    const testAccuracy = accuracy(model, test);
    expect(testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.snapshot?.metrics['valAccuracy']).toBeCloseTo(testAccuracy, 5);
    model.dispose();
  });

  it('an LSTM forecasts the noisy sine with test MSE < 0.03, under half the naive baseline', async () => {
    // Noise σ = 0.1 on every value, so no model can beat MSE 0.01; "repeat the last value" scores ≈ 0.09.
    const trainSet = sine({ n: 512, seed: 1 });
    const test = sine({ n: 256, seed: 2 });
    const spec: ModelSpec = {
      inputShape: [20, 1],
      layers: [
        { type: 'lstm', units: 16 },
        { type: 'dense', units: 1 },
      ],
      seed: 1,
    };
    const model = buildModel(spec);
    await train(model, trainSet, {
      optimizer: { name: 'adam', learningRate: 0.01 },
      loss: 'meanSquaredError',
      batchSize: 32,
      epochs: 10,
      seed: 1,
    }).done;
    const p = predict(model, test.x, [256, 20, 1]);
    let mse = 0;
    let naive = 0;
    for (let i = 0; i < 256; i++) {
      mse += (p[i]! - test.y[i]!) ** 2;
      naive += (test.x[i * 20 + 19]! - test.y[i]!) ** 2;
    }
    mse /= 256;
    naive /= 256;
    expect(naive).toBeGreaterThan(0.06);
    expect(mse).toBeLessThan(0.03);
    expect(mse).toBeLessThan(naive / 2);
    model.dispose();
  });

  it('a Conv1D net tells sine, square and sawtooth windows apart (≥ 90% test accuracy)', async () => {
    const model = buildModel({
      inputShape: [20, 1],
      layers: [
        { type: 'conv1d', filters: 8, kernelSize: 5, activation: 'relu' },
        { type: 'maxPooling1d', poolSize: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 3, activation: 'softmax' },
      ],
      seed: 1,
    });
    const test = waveforms({ n: 150, seed: 2 });
    const result = await train(model, waveforms({ n: 300, seed: 1 }), {
      optimizer: { name: 'adam', learningRate: 0.01 },
      loss: 'categoricalCrossentropy',
      batchSize: 32,
      epochs: 15,
      seed: 1,
    }).done;
    expect(result.steps).toBe(150);
    expect(accuracy(model, test)).toBeGreaterThanOrEqual(0.9);
    model.dispose();
  });

  it("the custom MyDense layer trains and its weights move like a built-in layer's", async () => {
    const data = pointSet('moons', { n: 200, seed: 2 });
    const model = buildModel({
      inputShape: [2],
      layers: [
        { type: 'myDense', units: 16, activation: 'relu' },
        { type: 'myDense', units: 2, activation: 'softmax' },
      ],
      seed: 3,
    });
    const run = train(model, data, {
      optimizer: { name: 'sgd', learningRate: 0.1, momentum: 0.9 },
      loss: 'categoricalCrossentropy',
      batchSize: 16,
      epochs: 40,
      seed: 1,
      startPaused: true,
    });
    const first = await run.step();
    expect(first.weights.map((w) => [w.name, w.kind])).toEqual([
      ['my_dense_1/kernel', 'kernel'],
      ['my_dense_1/bias', 'bias'],
      ['my_dense_2/kernel', 'kernel'],
      ['my_dense_2/bias', 'bias'],
    ]);
    run.resume();
    const result = await run.done;
    const last = result.snapshot!;
    expect(last.loss).toBeLessThan(first.loss / 2);
    expect(Array.from(last.weights[0]!.values)).not.toEqual(Array.from(first.weights[0]!.values));
    expect(accuracy(model, data)).toBeGreaterThanOrEqual(0.9);
    model.dispose();
  });
});
