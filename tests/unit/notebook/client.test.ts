import { afterEach, describe, expect, it } from 'vitest';
import {
  createKernelClient,
  type KernelClient,
  type RunEnd,
} from '../../../src/notebook/runtime/client';
import type { KernelInit, KernelRequest, Output } from '../../../src/notebook/runtime/protocol';

/** A stand-in for the kernel worker: the test plays the kernel on the private port it is handed. */
class FakeWorker extends EventTarget {
  port: MessagePort | undefined;
  dog: MessagePort | undefined;
  requests: KernelRequest[] = [];
  terminated = false;
  postMessage(message: KernelInit): void {
    this.port = message.port;
    this.port.onmessage = (event: MessageEvent<KernelRequest>) => this.requests.push(event.data);
    this.dog = message.watchdog;
    this.dog.onmessage = () => this.dog?.postMessage(0);
  }
  terminate(): void {
    this.terminated = true;
    this.port?.close();
    this.dog?.close();
  }
  /** The worker is gone without a word: no more answers, not even from its watchdog. */
  vanish(): void {
    this.port?.close();
    this.dog?.close();
  }
  /** What a cell's `self.postMessage(data)` looks like from the page. */
  postFromCell(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  send(data: unknown): void {
    this.port?.postMessage(data);
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

let workers: FakeWorker[] = [];
let clients: KernelClient[] = [];
afterEach(() => {
  for (const client of clients) client.dispose();
  for (const worker of workers) worker.terminate();
  workers = [];
  clients = [];
});

/** Node has no ErrorEvent; the client reads only `message` and preventDefault(). */
const errorEvent = (message: string) => Object.assign(new Event('error'), { message });

async function started(): Promise<{ client: KernelClient; latest: () => FakeWorker }> {
  const client = createKernelClient({
    heartbeat: { pingMs: 20, deadMs: 60, misses: 3 },
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
    wasmPath: '/tfjs/',
  });
  clients.push(client);
  const latest = () => workers[workers.length - 1] as FakeWorker;
  client.restart();
  latest().send({ type: 'ready', backend: 'wasm' });
  await tick();
  return { client, latest };
}

function runCell(client: KernelClient, cell = 'c') {
  const outputs: Output[] = [];
  let end: RunEnd | undefined;
  const ticket = client.run(cell, '1', {
    onStart: () => undefined,
    onOutput: (output) => outputs.push(output),
    onTraining: () => undefined,
  });
  void ticket.done.then((e) => (end = e));
  return { id: ticket.id, outputs, end: () => end };
}

describe('kernel client: the trust boundary', () => {
  it('ignores what a cell posts on the worker channel, even a well-formed done for its run', async () => {
    const { client, latest } = await started();
    const a = runCell(client);
    latest().send({ type: 'started', run: a.id });
    latest().postFromCell({ type: 'done', run: a.id, status: 'ok', numTensors: 0 });
    latest().postFromCell({ type: 'output', run: a.id, output: { type: 'value', text: '"x"' } });
    await tick();
    expect(a.end()).toBeUndefined();
    expect(a.outputs).toEqual([]);
    expect(client.status().dropped).toBe(2);
    latest().send({ type: 'done', run: a.id, status: 'ok', numTensors: 3 });
    await tick();
    expect(a.end()).toEqual({ status: 'ok', numTensors: 3 });
  });

  it('drops events for runs that are not live or out of turn, and counts them', async () => {
    const { client, latest } = await started();
    const a = runCell(client, 'a');
    const b = runCell(client, 'b');
    const kernel = latest();
    kernel.send({ type: 'done', run: a.id, status: 'ok', numTensors: 0 }); // before 'started'
    kernel.send({ type: 'started', run: b.id }); // b is still queued
    kernel.send({ type: 'output', run: 99, output: { type: 'value', text: '1' } }); // never started
    kernel.send({ type: 'interrupting' }); // nobody asked
    kernel.send({ type: 'ready', backend: 'cpu' }); // twice
    kernel.send({ type: 'output', run: a.id, output: { type: 'error', error: { kind: '?' } } });
    await tick();
    expect(a.end()).toBeUndefined();
    expect(b.end()).toBeUndefined();
    expect(client.status()).toMatchObject({ dropped: 6, backend: 'wasm', state: 'busy' });
    kernel.send({ type: 'started', run: a.id });
    kernel.send({ type: 'done', run: a.id, status: 'ok', numTensors: 0 });
    kernel.send({ type: 'done', run: a.id, status: 'ok', numTensors: 0 }); // a is over
    await tick();
    expect(a.end()).toEqual({ status: 'ok', numTensors: 0 });
    expect(b.end()).toBeUndefined();
    expect(client.status().dropped).toBe(7);
  });

  it('still shows a late error in its finished run, but nothing from a replaced kernel', async () => {
    const { client, latest } = await started();
    const a = runCell(client);
    const old = latest();
    old.send({ type: 'started', run: a.id });
    old.send({ type: 'done', run: a.id, status: 'ok', numTensors: 0 });
    const late: Output = {
      type: 'error',
      error: { kind: 'rejection', name: 'Error', message: 'tarde' },
    };
    old.send({ type: 'output', run: a.id, output: late });
    await tick();
    expect(a.outputs).toEqual([late]);
    client.restart();
    latest().send({ type: 'output', run: a.id, output: late });
    await tick();
    expect(a.outputs).toEqual([late]);
    expect(client.status().dropped).toBe(1);
  });
});

describe('kernel client: a kernel that dies', () => {
  it('a cell calling close() ends its run as crashed (closed) and a new kernel starts', async () => {
    const { client, latest } = await started();
    const a = runCell(client);
    const b = runCell(client);
    const old = latest();
    old.send({ type: 'started', run: a.id });
    old.send({ type: 'closing' });
    await tick();
    expect(a.end()).toEqual({ status: 'crashed', reason: 'closed', detail: '' });
    expect(b.end()).toEqual({ status: 'cancelled' });
    expect(old.terminated).toBe(true);
    expect(latest()).not.toBe(old);
    expect(client.status()).toMatchObject({ state: 'restarting', lost: 'closed' });
    latest().send({ type: 'ready', backend: 'wasm' });
    await tick();
    expect(client.status()).toMatchObject({ state: 'idle' });
  });

  it('a worker error after ready is a crash, with the browser’s message', async () => {
    const { client, latest } = await started();
    const a = runCell(client);
    latest().send({ type: 'started', run: a.id });
    await tick();
    latest().dispatchEvent(errorEvent('Out of memory'));
    await tick();
    expect(a.end()).toEqual({ status: 'crashed', reason: 'crashed', detail: 'Out of memory' });
  });

  it('a worker whose script fails to load fails every waiting run, without a loop of restarts', async () => {
    const client = createKernelClient({
      createWorker: () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker as unknown as Worker;
      },
      wasmPath: '/tfjs/',
    });
    clients.push(client);
    const a = runCell(client);
    workers[0]?.dispatchEvent(errorEvent('SyntaxError'));
    await tick();
    expect(a.outputs).toMatchObject([{ type: 'error', error: { kind: 'kernel-start' } }]);
    expect(a.end()).toEqual({ status: 'error', numTensors: 0 });
    expect(client.status().state).toBe('failed');
    expect(workers).toHaveLength(1);
  });

  it('a kernel that falls silent, watchdog included, is declared unresponsive and replaced', async () => {
    const { client, latest } = await started();
    const a = runCell(client);
    const old = latest();
    old.send({ type: 'started', run: a.id });
    // Alive while its watchdog answers, even with no word from the kernel itself.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.end()).toBeUndefined();
    old.vanish();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.end()).toEqual({ status: 'crashed', reason: 'unresponsive', detail: '' });
    expect(latest()).not.toBe(old);
  });

  it('Parar on a kernel too stuck to acknowledge terminates it and starts a new one', async () => {
    const { client, latest } = await started();
    const a = runCell(client);
    const stuck = latest();
    stuck.send({ type: 'started', run: a.id });
    await tick();
    client.stop(a.id);
    await tick();
    expect(stuck.requests).toContainEqual({ type: 'interrupt' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.end()).toEqual({ status: 'stopped' });
    expect(stuck.terminated).toBe(true);
    expect(client.status()).toMatchObject({ lost: undefined });
  });
});
