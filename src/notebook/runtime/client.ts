// The page's handle on the kernel worker. Runs wait in a queue here and go to the worker one at a
// time, so a queued run can be cancelled and a stop knows exactly what was running. Parar first asks
// the kernel to stop (training runs end cleanly). A kernel stuck in a synchronous loop cannot even
// acknowledge that, so without an answer within ACK_MS it is terminated at once; a responsive one
// gets the grace period to finish (an await that never resolves ends there too). Then a new worker.
// Trust: events come only over the worker's private port (protocol.ts), each one is checked
// (validate.ts), and one that names a run which is not live, or arrives out of turn, is dropped
// and counted, never thrown on.
import type { BackendName } from '../../core/types';
import type { CellErrorData } from '../compile/types';
import type { KernelEvent, KernelInit, KernelRequest, Output, TrainingUpdate } from './protocol';
import { readKernelEvent } from './validate';

export type KernelState = 'off' | 'starting' | 'idle' | 'busy' | 'restarting' | 'failed';

export interface KernelStatus {
  state: KernelState;
  backend?: BackendName;
  /** Why the kernel could not start. */
  failure?: CellErrorData;
  /** Times the kernel was restarted (each loses every variable). */
  restarts: number;
  /** Messages refused at the trust boundary: malformed, out of turn, or posted by a cell. */
  dropped: number;
}

export interface RunHandlers {
  /** The run left the queue and started in the kernel. */
  onStart(): void;
  onOutput(output: Output): void;
  onTraining(update: TrainingUpdate): void;
}

export type RunEnd =
  | { status: 'ok' | 'error'; numTensors: number }
  /** Stopped by Parar / a restart; `cancelled` never started. */
  | { status: 'stopped' | 'cancelled' | 'crashed' };

export interface RunTicket {
  id: number;
  done: Promise<RunEnd>;
}

export interface KernelClient {
  run(cell: string, source: string, handlers: RunHandlers): RunTicket;
  /** Cancels a queued run, or stops the running one (restarting the kernel if it will not stop). */
  stop(id: number): void;
  restart(): void;
  status(): KernelStatus;
  onStatus(listener: (status: KernelStatus) => void): () => void;
}

export interface KernelClientOptions {
  createWorker(): Worker;
  /** URL of the directory holding tfjs-backend-wasm's .wasm files. */
  wasmPath: string;
  backend?: BackendName;
  /** How long a responsive kernel's run may take to honour an interrupt (default 1000 ms). */
  interruptGraceMs?: number;
}

interface Run {
  id: number;
  cell: string;
  source: string;
  handlers: RunHandlers;
  resolve(end: RunEnd): void;
  /** The kernel said it started; its 'done' only counts after that. */
  started?: boolean;
}

/** Finished runs whose late outputs (async errors) are still delivered. */
const LATE_RUNS = 64;
/** A kernel that has not acknowledged an interrupt by then is stuck in synchronous code. */
const ACK_MS = 250;

export function createKernelClient(options: KernelClientOptions): KernelClient {
  const grace = options.interruptGraceMs ?? 1000;
  const listeners = new Set<(status: KernelStatus) => void>();
  let status: KernelStatus = { state: 'off', restarts: 0, dropped: 0 };
  let worker: Worker | undefined;
  let port: MessagePort | undefined;
  let ready = false;
  let nextId = 1;
  let active: Run | undefined;
  let pending: Run[] = [];
  const finished = new Map<number, RunHandlers>();
  let acknowledged: (() => void) | undefined;

  const setStatus = (patch: Partial<KernelStatus>) => {
    status = { ...status, ...patch };
    for (const listener of listeners) listener(status);
  };
  const refreshBusy = () => {
    if (!ready) return;
    setStatus({ state: active !== undefined || pending.length > 0 ? 'busy' : 'idle' });
  };
  const send = (request: KernelRequest) => port?.postMessage(request);

  // Counted at once, published once per task: a cell flooding the channel costs one status update.
  let dropped = 0;
  let publishing = false;
  const drop = (reason: string, data: unknown) => {
    dropped++;
    if (dropped === 1) console.warn(`notebook: dropped a kernel message (${reason})`, data);
    if (publishing) return;
    publishing = true;
    setTimeout(() => {
      publishing = false;
      setStatus({ dropped });
    }, 0);
  };

  const pump = () => {
    if (!ready || active !== undefined) return refreshBusy();
    const next = pending.shift();
    if (next === undefined) return refreshBusy();
    active = next;
    refreshBusy();
    send({ type: 'run', run: next.id, cell: next.cell, source: next.source });
  };

  const finish = (run: Run, end: RunEnd) => {
    finished.set(run.id, run.handlers);
    for (const id of finished.keys()) {
      if (finished.size <= LATE_RUNS) break;
      finished.delete(id);
    }
    run.resolve(end);
  };

  const handlersOf = (id: number) => (active?.id === id ? active.handlers : finished.get(id));

  /** Uses a checked event, or drops it when it does not fit the page's state. */
  const onEvent = (event: KernelEvent): void => {
    switch (event.type) {
      case 'ready':
        if (ready) return drop('ready twice', event);
        ready = true;
        setStatus({ state: 'idle', backend: event.backend });
        pump();
        break;
      case 'init-failed': {
        if (ready) return drop('init-failed after ready', event);
        setStatus({ state: 'failed', failure: event.error });
        const runs = [...(active ? [active] : []), ...pending];
        active = undefined;
        pending = [];
        for (const run of runs) {
          run.handlers.onOutput({ type: 'error', error: event.error });
          finish(run, { status: 'error', numTensors: 0 });
        }
        break;
      }
      case 'started':
        if (active?.id !== event.run || active.started === true) return drop('started', event);
        active.started = true;
        active.handlers.onStart();
        break;
      case 'output': {
        const handlers = handlersOf(event.run);
        if (handlers === undefined) return drop('output of no live run', event);
        handlers.onOutput(event.output);
        break;
      }
      case 'training': {
        const handlers = handlersOf(event.run);
        if (handlers === undefined) return drop('training of no live run', event);
        handlers.onTraining(event.update);
        break;
      }
      case 'interrupting':
        if (acknowledged === undefined) return drop('interrupting unasked', event);
        acknowledged();
        break;
      case 'done': {
        if (active?.id !== event.run || active.started !== true) return drop('done', event);
        const run = active;
        active = undefined;
        finish(run, { status: event.status, numTensors: event.numTensors });
        pump();
        break;
      }
    }
  };

  const receive = (data: unknown) => {
    const event = readKernelEvent(data);
    if (event === undefined) drop('malformed', data);
    else onEvent(event);
  };

  const start = () => {
    ready = false;
    const created = options.createWorker();
    const channel = new MessageChannel();
    worker = created;
    port = channel.port1;
    channel.port1.onmessage = (e: MessageEvent<unknown>) => {
      if (worker === created) receive(e.data);
    };
    // The kernel never writes here: this is whatever a cell's code posted with self.postMessage.
    created.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (worker === created) drop('posted by a cell', e.data);
    });
    created.addEventListener('error', (e: ErrorEvent) => {
      if (worker !== created) return;
      e.preventDefault();
      // Before 'ready' the script itself failed to load; after it, the worker died under a run.
      if (!ready) {
        setStatus({
          state: 'failed',
          failure: { kind: 'kernel-crash', name: 'Error', message: e.message || 'worker failed' },
        });
      } else restart('crashed');
    });
    const init: KernelInit = { type: 'init', wasmPath: options.wasmPath, port: channel.port2 };
    if (options.backend !== undefined) init.backend = options.backend;
    created.postMessage(init, [channel.port2]);
  };

  const ensureStarted = () => {
    if (worker === undefined) {
      setStatus({ state: 'starting' });
      start();
    }
  };

  function restart(reason: 'stopped' | 'crashed' | 'manual'): void {
    acknowledged = undefined;
    worker?.terminate();
    port?.close();
    worker = undefined;
    port = undefined;
    const stopped = active;
    const queued = pending;
    active = undefined;
    pending = [];
    if (stopped !== undefined)
      finish(stopped, { status: reason === 'crashed' ? 'crashed' : 'stopped' });
    for (const run of queued) finish(run, { status: 'cancelled' });
    // The old kernel's runs are over: nothing may write into them any more.
    finished.clear();
    setStatus({ state: 'restarting', restarts: status.restarts + 1 });
    start();
  }

  return {
    run(cell, source, handlers) {
      const id = nextId++;
      const done = new Promise<RunEnd>((resolve) => {
        pending.push({ id, cell, source, handlers, resolve });
      });
      ensureStarted();
      pump();
      return { id, done };
    },
    stop(id) {
      const queuedAt = pending.findIndex((run) => run.id === id);
      if (queuedAt >= 0) {
        const [run] = pending.splice(queuedAt, 1);
        if (run !== undefined) finish(run, { status: 'cancelled' });
        refreshBusy();
        return;
      }
      if (active?.id !== id) return;
      const stopping = active;
      const restartIfStill = () => {
        acknowledged = undefined;
        if (active === stopping) restart('stopped');
      };
      const stuck = setTimeout(restartIfStill, ACK_MS);
      acknowledged = () => {
        clearTimeout(stuck);
        acknowledged = undefined;
        setTimeout(restartIfStill, grace);
      };
      send({ type: 'interrupt' });
    },
    restart: () => restart('manual'),
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
