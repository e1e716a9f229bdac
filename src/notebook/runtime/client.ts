// The page's handle on the kernel worker. Runs wait in a queue here and go to the worker one at a
// time, so a queued run can be cancelled and a stop knows exactly what was running. Parar first asks
// the kernel to stop (training runs end cleanly). A kernel stuck in a synchronous loop cannot even
// acknowledge that, so without an answer within ACK_MS it is terminated at once; a responsive one
// gets the grace period to finish (an await that never resolves ends there too). Then a new worker.
import type { BackendName } from '../../core/types';
import type { CellErrorData } from '../compile/types';
import type { KernelEvent, KernelRequest, Output, TrainingUpdate } from './protocol';

export type KernelState = 'off' | 'starting' | 'idle' | 'busy' | 'restarting' | 'failed';

export interface KernelStatus {
  state: KernelState;
  backend?: BackendName;
  /** Why the kernel could not start. */
  failure?: CellErrorData;
  /** Times the kernel was restarted (each loses every variable). */
  restarts: number;
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
}

/** Finished runs whose late outputs (async errors) are still delivered. */
const LATE_RUNS = 64;
/** A kernel that has not acknowledged an interrupt by then is stuck in synchronous code. */
const ACK_MS = 250;

export function createKernelClient(options: KernelClientOptions): KernelClient {
  const grace = options.interruptGraceMs ?? 1000;
  const listeners = new Set<(status: KernelStatus) => void>();
  let status: KernelStatus = { state: 'off', restarts: 0 };
  let worker: Worker | undefined;
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
  const send = (request: KernelRequest) => worker?.postMessage(request);

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

  const onEvent = (event: KernelEvent) => {
    switch (event.type) {
      case 'ready':
        ready = true;
        setStatus({ state: 'idle', backend: event.backend });
        pump();
        break;
      case 'init-failed': {
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
        handlersOf(event.run)?.onStart();
        break;
      case 'output':
        handlersOf(event.run)?.onOutput(event.output);
        break;
      case 'training':
        handlersOf(event.run)?.onTraining(event.update);
        break;
      case 'interrupting':
        acknowledged?.();
        break;
      case 'done':
        if (active?.id === event.run) {
          const run = active;
          active = undefined;
          finish(run, { status: event.status, numTensors: event.numTensors });
        }
        pump();
        break;
    }
  };

  const start = () => {
    ready = false;
    const created = options.createWorker();
    worker = created;
    created.addEventListener('message', (e: MessageEvent<KernelEvent>) => {
      if (worker === created) onEvent(e.data);
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
    const init: KernelRequest = { type: 'init', wasmPath: options.wasmPath };
    if (options.backend !== undefined) init.backend = options.backend;
    send(init);
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
    worker = undefined;
    const stopped = active;
    const queued = pending;
    active = undefined;
    pending = [];
    if (stopped !== undefined)
      finish(stopped, { status: reason === 'crashed' ? 'crashed' : 'stopped' });
    for (const run of queued) finish(run, { status: 'cancelled' });
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
