// The page's handle on the kernel worker. Runs wait in a queue here and go to the worker one at a
// time, so a queued run can be cancelled and a stop knows exactly what was running. Parar first asks
// the kernel to stop (training runs end cleanly). A kernel stuck in a synchronous loop cannot even
// acknowledge that, so without an answer within ACK_MS it is terminated at once; a responsive one
// gets the grace period to finish (an await that never resolves ends there too). Then a new worker.
// A kernel that dies under the page (a cell called close(), the worker crashed or fell silent, a
// message could not be read) is noticed within ~2 s (heartbeat.ts) and replaced the same way; the
// run it held ends as 'crashed' with the reason. Trust: events come only over the worker's private port (protocol.ts), each one is checked
// (validate.ts), and one that names a run which is not live, or arrives out of turn, is dropped
// and counted, never thrown on.
import type { BackendName } from '../../core/types';
import type { CellErrorData } from '../compile/types';
import { HEARTBEAT, startHeartbeat, type Heartbeat, type HeartbeatOptions } from './heartbeat';
import type {
  KernelEvent,
  KernelInit,
  KernelLoss,
  KernelRequest,
  Output,
  TrainingUpdate,
} from './protocol';
import { readKernelEvent } from './validate';

export type KernelState = 'off' | 'starting' | 'idle' | 'busy' | 'restarting' | 'failed';

export interface KernelStatus {
  state: KernelState;
  backend?: BackendName;
  /** Why the kernel could not start. */
  failure?: CellErrorData;
  /** Times the kernel was restarted (each loses every variable). */
  restarts: number;
  /** Why the last restart happened, when the kernel died rather than being stopped or restarted. */
  lost?: KernelLoss | undefined;
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
  | { status: 'stopped' | 'cancelled' }
  /** The kernel died under the run; `detail` is the browser's own message, when it gave one. */
  | { status: 'crashed'; reason: KernelLoss; detail: string };

export interface RunTicket {
  id: number;
  done: Promise<RunEnd>;
}

export interface KernelClient {
  run(cell: string, source: string, handlers: RunHandlers): RunTicket;
  /** Cancels a queued run, or stops the running one (restarting the kernel if it will not stop). */
  stop(id: number): void;
  restart(): void;
  /** Ends the kernel for good (its worker, watchdog and timers); runs still waiting are stopped. */
  dispose(): void;
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
  /** The watchdog's ping rate and deadline (tests shorten them). */
  heartbeat?: HeartbeatOptions;
}

/** How the kernel went away: stopped by Parar, restarted by the reader, or lost. */
type Replacement = 'stopped' | 'manual' | { lost: KernelLoss; detail: string };

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
  let heartbeat: Heartbeat | undefined;
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

  /** The kernel could not start: every waiting run ends with the reason, and no new worker. */
  const failStart = (failure: CellErrorData) => {
    setStatus({ state: 'failed', failure });
    const runs = [...(active ? [active] : []), ...pending];
    active = undefined;
    pending = [];
    for (const run of runs) {
      run.handlers.onOutput({ type: 'error', error: failure });
      finish(run, { status: 'error', numTensors: 0 });
    }
  };

  /** Uses a checked event, or drops it when it does not fit the page's state. */
  const onEvent = (event: KernelEvent): void => {
    switch (event.type) {
      case 'ready':
        if (ready) return drop('ready twice', event);
        ready = true;
        setStatus({ state: 'idle', backend: event.backend });
        pump();
        break;
      case 'init-failed':
        if (ready) return drop('init-failed after ready', event);
        failStart(event.error);
        break;
      case 'closing':
        replace({ lost: 'closed', detail: '' });
        break;
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
    const watchdog = new MessageChannel();
    worker = created;
    port = channel.port1;
    const current = () => worker === created;
    channel.port1.onmessage = (e: MessageEvent<unknown>) => {
      if (current()) receive(e.data);
    };
    // The kernel only posts plain data: one it cannot have sent means the protocol is broken, and
    // the lost message may have been a run's end.
    channel.port1.onmessageerror = () => {
      if (current()) replace({ lost: 'message', detail: '' });
    };
    // The kernel never writes here: this is whatever a cell's code posted with self.postMessage.
    created.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (current()) drop('posted by a cell', e.data);
    });
    created.addEventListener('messageerror', () => {
      if (current()) drop('unreadable, posted by a cell', undefined);
    });
    created.addEventListener('error', (e: ErrorEvent) => {
      if (!current()) return;
      e.preventDefault();
      const detail = e.message || 'worker failed';
      // Before 'ready' the script itself failed to load; after it, the worker died under a run.
      if (!ready) failStart({ kind: 'kernel-start', name: 'Error', message: detail });
      else replace({ lost: 'crashed', detail });
    });
    heartbeat = startHeartbeat(
      watchdog.port1,
      () => {
        if (current()) replace({ lost: 'unresponsive', detail: '' });
      },
      options.heartbeat ?? HEARTBEAT,
    );
    const init: KernelInit = {
      type: 'init',
      wasmPath: options.wasmPath,
      port: channel.port2,
      watchdog: watchdog.port2,
    };
    if (options.backend !== undefined) init.backend = options.backend;
    created.postMessage(init, [channel.port2, watchdog.port2]);
  };

  const ensureStarted = () => {
    if (worker === undefined) {
      setStatus({ state: 'starting' });
      start();
    }
  };

  function replace(how: Replacement): void {
    acknowledged = undefined;
    heartbeat?.stop();
    worker?.terminate();
    port?.close();
    heartbeat = undefined;
    worker = undefined;
    port = undefined;
    const stopped = active;
    const queued = pending;
    active = undefined;
    pending = [];
    if (stopped !== undefined) {
      finish(
        stopped,
        typeof how === 'object'
          ? { status: 'crashed', reason: how.lost, detail: how.detail }
          : { status: 'stopped' },
      );
    }
    for (const run of queued) finish(run, { status: 'cancelled' });
    // The old kernel's runs are over: nothing may write into them any more.
    finished.clear();
    setStatus({
      state: 'restarting',
      restarts: status.restarts + 1,
      lost: typeof how === 'object' ? how.lost : undefined,
    });
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
        if (active === stopping) replace('stopped');
      };
      const stuck = setTimeout(restartIfStill, ACK_MS);
      acknowledged = () => {
        clearTimeout(stuck);
        acknowledged = undefined;
        setTimeout(restartIfStill, grace);
      };
      send({ type: 'interrupt' });
    },
    restart: () => replace('manual'),
    dispose() {
      const stopped = active;
      const queued = pending;
      active = undefined;
      pending = [];
      heartbeat?.stop();
      worker?.terminate();
      port?.close();
      heartbeat = undefined;
      worker = undefined;
      port = undefined;
      if (stopped !== undefined) finish(stopped, { status: 'stopped' });
      for (const run of queued) finish(run, { status: 'cancelled' });
      finished.clear();
      setStatus({ state: 'off' });
    },
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
