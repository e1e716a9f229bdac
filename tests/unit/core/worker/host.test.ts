// The worker host and the page client, wired through a real MessageChannel (structured clone and
// transfer lists included), in one Node process.
import { readFileSync } from 'node:fs';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DivergenceError,
  ShapeMismatchError,
  createTrainerClient,
  serveTrainer,
  type CreateRequest,
  type PageMessage,
  type RunState,
  type Snapshot,
  type TrainerClient,
  type TrainerScope,
  type WorkerLike,
  type WorkerMessage,
} from '../../../../src/core/index.ts';
import { startBackend } from '../helpers.ts';

interface Wired {
  client: TrainerClient;
  transfers: number[];
  close(): Promise<void>;
}

const open: Wired[] = [];

function wire(): Wired {
  const { port1, port2 } = new MessageChannel();
  const transfers: number[] = [];
  const scope: TrainerScope = {
    postMessage(message, transfer) {
      if (message.type === 'snapshot') transfers.push(transfer.length);
      port1.postMessage(message, transfer as never);
    },
    addEventListener: (type, listener) => port1.addEventListener(type, listener as never),
    removeEventListener: (type, listener) => port1.removeEventListener(type, listener as never),
  };
  const host = serveTrainer(scope, {
    fetchBytes: async (url) => {
      const file = readFileSync(new URL(url));
      return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
    },
  });
  const client = createTrainerClient(port2 as unknown as WorkerLike);
  const wired = {
    client,
    transfers,
    async close() {
      client.terminate();
      await host.dispose();
      port1.close();
      port2.close();
    },
  };
  open.push(wired);
  return wired;
}

const SPIRAL: CreateRequest = {
  spec: {
    inputShape: [2],
    layers: [
      { type: 'dense', units: 16, activation: 'relu' },
      { type: 'dense', units: 2, activation: 'softmax' },
    ],
    seed: 1,
  },
  data: { kind: 'points', name: 'spiral', options: { n: 200, seed: 1 }, testFraction: 0.25 },
  options: {
    optimizer: { name: 'adam', learningRate: 0.01 },
    loss: 'categoricalCrossentropy',
    batchSize: 32,
    epochs: Infinity,
  },
};

function snapshots(client: TrainerClient, count: number): Promise<Snapshot[]> {
  const seen: Snapshot[] = [];
  return new Promise((resolve) => {
    const off = client.onSnapshot((s) => {
      seen.push(s);
      if (seen.length < count) return;
      off();
      resolve(seen);
    });
  });
}

beforeAll(startBackend);
afterEach(async () => {
  for (const wired of open.splice(0)) await wired.close();
});

describe('worker host ⇄ client', () => {
  it('creates, trains with live snapshots as transferred Float32Arrays, pauses and stops', async () => {
    const { client, transfers } = wire();
    expect(await client.init({ backend: 'wasm' })).toBe('wasm');
    const states: RunState[] = [];
    client.onState((s) => states.push(s));
    const created = await client.create(SPIRAL);
    expect(created.summary.map((r) => r.outputShape)).toEqual([
      [null, 16],
      [null, 2],
    ]);
    expect(created.train.count).toBe(150);
    expect(created.test?.count).toBe(50);
    expect(created.weights[0]?.values).toBeInstanceOf(Float32Array);
    await client.start();
    const seen = await snapshots(client, 3);
    expect(seen[2]!.step).toBeGreaterThan(seen[0]!.step);
    expect(seen[0]!.weights[0]!.values).toBeInstanceOf(Float32Array);
    expect(Object.keys(seen[0]!.metrics).sort()).toEqual(['accuracy', 'valAccuracy', 'valLoss']);
    expect(transfers.slice(0, 3).every((n) => n === 4)).toBe(true); // 2 kernels + 2 biases
    await client.pause();
    await client.stop();
    expect(states).toEqual(['idle', 'training', 'paused', 'stopped']);
    expect(client.state).toBe('stopped');
  });

  it('keeps at most one snapshot waiting while the page has not acked (latest wins)', async () => {
    const { port1, port2 } = new MessageChannel();
    const host = serveTrainer(port1 as unknown as TrainerScope);
    const got: Snapshot[] = [];
    const replies = new Map<number, (value: unknown) => void>();
    const onMessage = (event: { data: WorkerMessage }) => {
      const m = event.data;
      if (m.type === 'snapshot') got.push(m.snapshot);
      if (m.type === 'reply') replies.get(m.id)?.(m.ok ? m.value : m.error);
    };
    port2.addEventListener('message', onMessage as never);
    const send = (message: PageMessage) =>
      new Promise((resolve) => {
        if ('id' in message) replies.set(message.id, resolve);
        port2.postMessage(message);
      });
    await send({
      type: 'create',
      id: 1,
      ...SPIRAL,
      options: { ...SPIRAL.options, snapshotHz: 1000 },
    });
    await send({ type: 'start', id: 2 });
    // Long enough for dozens of snapshots at the host's 30 Hz cap; none is acked.
    const steps = await new Promise<number>((resolve) => {
      const poll = setInterval(() => {
        if (got.length > 0 && got[0]!.step > 0) {
          clearInterval(poll);
          setTimeout(() => resolve(got.length), 400);
        }
      }, 10);
    });
    expect(steps).toBe(1);
    port2.postMessage({ type: 'ack' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(got).toHaveLength(2);
    expect(got[1]!.step).toBeGreaterThan(got[0]!.step + 1); // the newest, not the next in line
    await send({ type: 'stop', id: 3 });
    port2.removeEventListener('message', onMessage as never);
    await host.dispose();
    (port1 as MessagePort).close();
    port2.close();
  });

  it('steps, predicts, probes, exports and reset restores the initial weights', async () => {
    const { client } = wire();
    const created = await client.create({
      ...SPIRAL,
      options: { ...SPIRAL.options, startPaused: true },
    });
    const s = await client.step(5);
    expect(s.step).toBe(5);
    expect(client.state).toBe('paused');
    expect((await client.step(2)).step).toBe(7);
    const p = await client.predict(new Float32Array([0.1, 0.2, -0.3, 0.4]), [2, 2]);
    expect(p).toHaveLength(4);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 5);
    const acts = await client.activations(new Float32Array([0.1, 0.2]));
    expect(acts.map((a) => [a.layer, a.shape])).toEqual([
      ['dense_1', [16]],
      ['dense_2', [2]],
    ]);
    const json = await client.exportWeights();
    expect(json.weights.map((w) => w.name)).toEqual([
      'dense_1/kernel',
      'dense_1/bias',
      'dense_2/kernel',
      'dense_2/bias',
    ]);
    const files = await client.exportModel();
    expect(JSON.parse(files.modelJson)).toMatchObject({ format: 'layers-model' });
    expect(files.weights.byteLength).toBe((2 * 16 + 16 + 16 * 2 + 2) * 4);
    const data = await client.dataset();
    expect(data.train.x).toHaveLength(300);
    expect(data.test?.x).toHaveLength(100);
    await client.start(); // continues the paused run
    await snapshots(client, 1);
    const reset = await client.reset();
    expect(client.state).toBe('idle');
    expect(Array.from(reset.weights[0]!.values)).toEqual(Array.from(created.weights[0]!.values));
    expect((await client.step()).step).toBe(1);
  });

  it('trains MNIST fetched by URL and reports test accuracy', async () => {
    const { client } = wire();
    const created = await client.create({
      spec: {
        inputShape: [28, 28, 1],
        layers: [
          { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu' },
          { type: 'maxPooling2d', poolSize: 2 },
          { type: 'flatten' },
          { type: 'dense', units: 10, activation: 'softmax' },
        ],
      },
      data: {
        kind: 'mnist',
        url: new URL('../../../../public/data/mnist.bin.gz', import.meta.url).href,
        trainCount: 64,
        testCount: 32,
      },
      options: {
        optimizer: { name: 'adam', learningRate: 0.01 },
        loss: 'categoricalCrossentropy',
        batchSize: 32,
        epochs: 1,
      },
    });
    expect(created.train).toMatchObject({
      count: 64,
      xShape: [28, 28, 1],
      classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    });
    const last = await client.step(2);
    expect(last.metrics['valAccuracy']).toBeGreaterThanOrEqual(0);
  });

  it('carries typed errors across: shape mismatches on create, divergence while training', async () => {
    const { client } = wire();
    const bad = client.create({
      ...SPIRAL,
      spec: { inputShape: [2], layers: [{ type: 'conv2d', filters: 2, kernelSize: 3 }] },
    });
    await expect(bad).rejects.toBeInstanceOf(ShapeMismatchError);
    await expect(bad).rejects.toMatchObject({ data: { layer: 'conv2d_1', received: [null, 2] } });
    await expect(client.start()).rejects.toThrow(/create first/);
    const errors: Error[] = [];
    client.onError((e) => errors.push(e));
    const ended = new Promise<void>((resolve) => client.onState((s) => s === 'error' && resolve()));
    await client.create({
      spec: { inputShape: [20, 1], layers: [{ type: 'flatten' }, { type: 'dense', units: 1 }] },
      data: { kind: 'sequence', name: 'sine', options: { n: 64 } },
      options: {
        optimizer: { name: 'sgd', learningRate: 1e6 },
        loss: 'meanSquaredError',
        batchSize: 16,
        epochs: Infinity,
      },
    });
    await client.start();
    await ended;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors[0]).toBeInstanceOf(DivergenceError);
  });

  it('dispose after training leaves no tensor behind', async () => {
    const { client } = wire();
    const baseline = tf.memory().numTensors;
    await client.create({
      ...SPIRAL,
      options: { ...SPIRAL.options, probe: new Float32Array([0, 0]) },
    });
    await client.start();
    await snapshots(client, 2);
    await client.activations(new Float32Array([0.3, 0.3]));
    await client.predict(new Float32Array([0.3, 0.3]), [1, 2]);
    await client.reset();
    await client.step(3);
    await client.exportModel();
    await client.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('terminate rejects what is pending and later calls', async () => {
    const { client } = wire();
    const created = client.create(SPIRAL);
    client.terminate();
    await expect(created).rejects.toThrow(/terminated/);
    await expect(client.start()).rejects.toThrow(/terminated/);
  });
});
