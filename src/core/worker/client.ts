// The page side: a typed client for the training worker. Promise methods map one-to-one onto the
// protocol's requests; snapshots, states and run errors arrive through subscriptions. Each snapshot is
// acked after the subscribers ran, which is what lets the worker send the next (latest) one.
import { coreErrorFromData } from '../errors.ts';
import type { WeightsJson } from '../model/export.ts';
import type { ActivationSnapshot, BackendName, Dataset, RunState, Snapshot } from '../types.ts';
import type {
  CreateRequest,
  CreateResult,
  ModelFiles,
  PageMessage,
  TrainerRequest,
  ReplyValues,
  WireError,
  WorkerMessage,
} from './protocol.ts';

/** A Worker, or anything shaped like one (a MessagePort in tests). */
export interface WorkerLike {
  postMessage(message: PageMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerMessage>) => void): void;
  removeEventListener(
    type: 'message',
    listener: (event: MessageEvent<WorkerMessage>) => void,
  ): void;
  terminate?(): void;
}

export interface TrainerClient {
  init(options?: { backend?: BackendName; wasmPath?: string }): Promise<BackendName>;
  create(request: CreateRequest): Promise<CreateResult>;
  start(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  step(n?: number): Promise<Snapshot>;
  /** Steps per second at most (Infinity: full speed), for this model and later ones. */
  setSpeed(stepsPerSecond: number): Promise<void>;
  stop(): Promise<void>;
  reset(): Promise<CreateResult>;
  predict(x: Float32Array, shape: number[]): Promise<Float32Array>;
  activations(sample: Float32Array): Promise<ActivationSnapshot[]>;
  exportWeights(): Promise<WeightsJson>;
  exportModel(): Promise<ModelFiles>;
  dataset(): Promise<{ train: Dataset; test?: Dataset }>;
  /** Frees the model, its run and data in the worker; the worker stays ready for create. */
  dispose(): Promise<void>;
  onSnapshot(cb: (snapshot: Snapshot) => void): () => void;
  onState(cb: (state: RunState, steps: number) => void): () => void;
  onError(cb: (error: Error) => void): () => void;
  /** Latest state the worker reported. */
  readonly state: RunState;
  /** Stops listening and rejects pending requests; terminates the worker when it is one. */
  terminate(): void;
}

export function errorFromWire(error: WireError): Error {
  return error.code === 'internal' ? new Error(error.message) : coreErrorFromData(error);
}

export function createTrainerClient(worker: WorkerLike): TrainerClient {
  let nextId = 1;
  let state: RunState = 'idle';
  let closed = false;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  const snapshotListeners = new Set<(snapshot: Snapshot) => void>();
  const stateListeners = new Set<(state: RunState, steps: number) => void>();
  const errorListeners = new Set<(error: Error) => void>();

  const notify = <A extends unknown[]>(listeners: Set<(...args: A) => void>, ...args: A) => {
    for (const listener of listeners) {
      try {
        listener(...args);
      } catch (error) {
        setTimeout(() => {
          throw error;
        }, 0);
      }
    }
  };

  const listener = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'reply': {
        const entry = pending.get(message.id);
        if (!entry) return;
        pending.delete(message.id);
        if (message.ok) entry.resolve(message.value);
        else entry.reject(errorFromWire(message.error));
        return;
      }
      case 'snapshot':
        notify(snapshotListeners, message.snapshot);
        if (!closed) worker.postMessage({ type: 'ack' });
        return;
      case 'state':
        state = message.state;
        notify(stateListeners, message.state, message.steps);
        return;
      case 'error':
        notify(errorListeners, errorFromWire(message.error));
        return;
    }
  };
  worker.addEventListener('message', listener);

  function request<T extends TrainerRequest['type']>(
    message: Extract<TrainerRequest, { type: T }>,
    transfer: Transferable[] = [],
  ): Promise<ReplyValues[T]> {
    if (closed) return Promise.reject(new Error('trainer terminated'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id } as PageMessage, transfer);
    });
  }

  const subscribe = <F>(set: Set<F>, cb: F) => {
    set.add(cb);
    return () => {
      set.delete(cb);
    };
  };

  return {
    get state() {
      return state;
    },
    init: (options = {}) => request({ type: 'init', ...options }),
    create: (req) => request({ type: 'create', ...req }),
    start: async () => void (await request({ type: 'start' })),
    pause: async () => void (await request({ type: 'pause' })),
    resume: async () => void (await request({ type: 'resume' })),
    step: (n = 1) => request({ type: 'step', n }),
    setSpeed: async (stepsPerSecond) => void (await request({ type: 'speed', stepsPerSecond })),
    stop: async () => void (await request({ type: 'stop' })),
    reset: () => request({ type: 'reset' }),
    // x is copied by structured clone (not transferred): the caller keeps its array.
    predict: (x, shape) => request({ type: 'predict', x, shape }),
    activations: (sample) => request({ type: 'activations', sample }),
    exportWeights: () => request({ type: 'exportWeights' }),
    exportModel: () => request({ type: 'exportModel' }),
    dataset: () => request({ type: 'dataset' }),
    dispose: async () => void (await request({ type: 'dispose' })),
    onSnapshot: (cb) => subscribe(snapshotListeners, cb),
    onState: (cb) => subscribe(stateListeners, cb),
    onError: (cb) => subscribe(errorListeners, cb),
    terminate() {
      if (closed) return;
      closed = true;
      worker.removeEventListener('message', listener);
      worker.terminate?.();
      for (const entry of pending.values()) entry.reject(new Error('trainer terminated'));
      pending.clear();
    },
  };
}
