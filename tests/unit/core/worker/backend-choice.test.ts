// The worker's backend policy: cpu only for the small Dense stacks where it measured faster than wasm.
import { MessageChannel } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  createTrainerClient,
  serveTrainer,
  type CreateRequest,
  type ModelSpec,
  type TrainerScope,
  type WorkerLike,
} from '../../../../src/core/index.ts';
import { sessionBackend } from '../../../../src/core/worker/backend-choice.ts';

const mlp = (...units: number[]): ModelSpec => ({
  inputShape: [2],
  layers: units.map((u, i) => ({
    type: 'dense',
    units: u,
    activation: i === units.length - 1 ? 'softmax' : 'tanh',
  })),
});

describe('sessionBackend', () => {
  it('gives TF Playground-sized Dense stacks cpu', () => {
    expect(sessionBackend('wasm', mlp(4, 2, 2), 10)).toBe('cpu');
    expect(sessionBackend('wasm', mlp(8, 8, 2), 10)).toBe('cpu');
    expect(sessionBackend('wasm', mlp(16, 16, 2), 10)).toBe('cpu');
  });

  it('keeps wasm where it measured faster: bigger batches or wider layers', () => {
    expect(sessionBackend('wasm', mlp(4, 2, 2), 100)).toBe('wasm');
    expect(sessionBackend('wasm', mlp(8, 8, 2), 32)).toBe('wasm');
    expect(sessionBackend('wasm', mlp(32, 32, 2), 10)).toBe('wasm');
  });

  it('keeps the requested backend for other layers, inputs and requests', () => {
    const lstm: ModelSpec = {
      inputShape: [20, 1],
      layers: [
        { type: 'lstm', units: 2 },
        { type: 'dense', units: 1 },
      ],
    };
    expect(sessionBackend('wasm', lstm, 1)).toBe('wasm');
    const custom: ModelSpec = { inputShape: [2], layers: [{ type: 'myDense', units: 2 }] };
    expect(sessionBackend('wasm', custom, 1)).toBe('wasm');
    expect(sessionBackend('webgl', mlp(4, 2, 2), 10)).toBe('webgl');
    expect(sessionBackend('cpu', mlp(64, 64, 2), 100)).toBe('cpu');
  });
});

describe('the worker host', () => {
  it('trains a tiny Dense stack on cpu, a wider one back on wasm, and leaks nothing', async () => {
    const { port1, port2 } = new MessageChannel();
    const scope: TrainerScope = {
      postMessage: (message, transfer) => port1.postMessage(message, transfer as never),
      addEventListener: (type, listener) => port1.addEventListener(type, listener as never),
      removeEventListener: (type, listener) => port1.removeEventListener(type, listener as never),
    };
    const host = serveTrainer(scope);
    const client = createTrainerClient(port2 as unknown as WorkerLike);
    const request = (spec: ModelSpec): CreateRequest => ({
      spec,
      data: { kind: 'points', name: 'circles', options: { n: 100, seed: 1 }, testFraction: 0.5 },
      options: {
        optimizer: { name: 'sgd', learningRate: 0.03 },
        loss: 'categoricalCrossentropy',
        batchSize: 10,
        epochs: Infinity,
        seed: 1,
      },
    });
    expect(await client.init({ backend: 'wasm' })).toBe('wasm');
    const before = tf.memory().numTensors;
    const losses: number[] = [];
    for (const [spec, backend] of [
      [mlp(4, 2, 2), 'cpu'],
      [mlp(32, 32, 2), 'wasm'],
      [mlp(4, 2, 2), 'cpu'],
    ] as const) {
      expect((await client.create(request(spec))).backend).toBe(backend);
      expect(tf.getBackend()).toBe(backend);
      const snapshot = await client.step(20);
      expect(Number.isFinite(snapshot.loss)).toBe(true);
      losses.push(snapshot.loss);
    }
    // Same spec and seeds on the same backend: the same run.
    expect(losses[2]).toBe(losses[0]);
    client.terminate();
    await host.dispose();
    port1.close();
    port2.close();
    expect(tf.memory().numTensors).toBe(before);
  });
});
