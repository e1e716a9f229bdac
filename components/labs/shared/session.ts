// LabSession over the labs' training worker. Snapshots arrive as pushed messages; only the newest
// one matters to the page (the frame loop draws latest-wins), and ones from a model that has since
// been replaced are dropped by generation.
import type { RunState, Snapshot } from '../../../src/core/index';
import type { SessionEvent, SessionReply, SessionRequest } from './session-protocol';
import type { LabSession, Prepared } from './session-types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function createSession(): LabSession {
  const worker = new Worker(new URL('./session.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<
    number,
    { resolve: (reply: SessionReply) => void; reject: (error: Error) => void }
  >();
  const snapshotListeners: ((snapshot: Snapshot) => void)[] = [];
  const stateListeners: ((state: RunState, message?: string) => void)[] = [];
  let nextId = 1;
  let generation = 0;
  let disposed = false;

  worker.addEventListener('message', (event: MessageEvent<SessionReply | SessionEvent>) => {
    const message = event.data;
    if (message.type === 'push-snapshot') {
      if (message.generation === generation)
        for (const cb of snapshotListeners) cb(message.snapshot);
      return;
    }
    if (message.type === 'push-state') {
      if (message.generation === generation)
        for (const cb of stateListeners) cb(message.state, message.message);
      return;
    }
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.type === 'error') waiter.reject(new Error(message.message));
    else waiter.resolve(message);
  });
  worker.addEventListener('error', (event) => {
    const error = new Error(event.message || 'worker error');
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    for (const cb of stateListeners) cb('error', error.message);
  });

  const request = <T extends SessionReply['type']>(
    message: DistributiveOmit<SessionRequest, 'id'>,
    expect: T,
    transfer: Transferable[] = [],
  ): Promise<Extract<SessionReply, { type: T }>> => {
    if (disposed) return Promise.reject(new Error('session disposed'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, {
        resolve: (reply) =>
          reply.type === expect
            ? resolve(reply as Extract<SessionReply, { type: T }>)
            : reject(new Error(`expected ${expect}, got ${reply.type}`)),
        reject,
      });
      worker.postMessage({ ...message, id }, transfer);
    });
  };

  const backend = request(
    { type: 'init', backend: 'wasm', wasmPath: `${import.meta.env.BASE_URL}tfjs/` },
    'ready',
  ).then((reply) => reply.backend);

  return {
    backend,
    async prepare(setup) {
      await backend;
      generation++;
      const mine = generation;
      const reply = await request({ type: 'prepare', setup }, 'prepared');
      if (mine !== generation) throw new Error('superseded');
      // Pushes of this generation are counted by the worker from its own prepares, in order.
      return reply.prepared satisfies Prepared;
    },
    train() {
      request({ type: 'train' }, 'ok').catch(() => {});
    },
    pause() {
      request({ type: 'pause' }, 'ok').catch(() => {});
    },
    async step() {
      const waiting = new Promise<Snapshot>((resolve) => {
        const once = (snapshot: Snapshot): void => {
          snapshotListeners.splice(snapshotListeners.indexOf(once), 1);
          resolve(snapshot);
        };
        snapshotListeners.push(once);
      });
      await request({ type: 'step' }, 'ok');
      return waiting;
    },
    async setProbe(index) {
      return (await request({ type: 'probe', index }, 'activations')).activations;
    },
    onSnapshot(cb) {
      snapshotListeners.push(cb);
    },
    onState(cb) {
      stateListeners.push(cb);
    },
    async predict(x, shape) {
      return (await request({ type: 'predict', x, shape }, 'predicted')).y;
    },
    async exportModel(weightsFile) {
      const reply = await request({ type: 'exportModel', weightsFile }, 'model');
      return { modelJson: reply.modelJson, weights: reply.weights };
    },
    async exportWeights() {
      return (await request({ type: 'exportWeights' }, 'weights')).json;
    },
    dispose() {
      if (disposed) return;
      // Ask the worker to free its tensors, then terminate it whether or not it answers.
      request({ type: 'dispose' }, 'ok')
        .catch(() => {})
        .finally(() => worker.terminate());
      disposed = true;
      setTimeout(() => worker.terminate(), 1000);
    },
  };
}
