// The worker side: serveTrainer(self) answers the page's requests (protocol.ts) with the training core.
// Requests run one at a time in arrival order; a step(n) reply comes when its steps are done, without
// holding up the requests behind it (so stop can interrupt it). Snapshots go out latest-wins: one in
// flight until the page acks it, and only the newest one waiting.
import { initBackend as defaultInitBackend } from '../backend/index.ts';
import { CoreError } from '../errors.ts';
import { exportWeightsJson, saveModelArtifacts, toModelFiles } from '../model/export.ts';
import { predict } from '../model/predict.ts';
import { checkSpeed } from '../train/options.ts';
import type { TrainEnv } from '../train/run.ts';
import type { BackendName, Dataset, RunState, Snapshot } from '../types.ts';
import { sessionBackend } from './backend-choice.ts';
import {
  buffersOf,
  type PageMessage,
  type RequestMessage,
  type WireError,
  type WorkerMessage,
} from './protocol.ts';
import { createSession, currentBackend, loadDataset, type Session } from './session.ts';

/** The part of a worker's global scope (or a MessagePort) the host uses. */
export interface TrainerScope {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PageMessage>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<PageMessage>) => void): void;
}

export interface HostDeps {
  initBackend?: (backend: BackendName, options: { wasmPath?: string }) => Promise<BackendName>;
  fetchBytes?: (url: string) => Promise<ArrayBuffer>;
  env?: TrainEnv;
}

export function toWireError(error: unknown): WireError {
  if (error instanceof CoreError) return error.data;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

function copySnapshot(s: Snapshot): Snapshot {
  const copy: Snapshot = {
    ...s,
    metrics: { ...s.metrics },
    weights: s.weights.map((w) => ({ ...w, shape: w.shape.slice(), values: w.values.slice() })),
  };
  if (s.activations)
    copy.activations = s.activations.map((a) => ({ ...a, values: a.values.slice() }));
  return copy;
}

function snapshotBuffers(s: Snapshot): ArrayBuffer[] {
  return buffersOf([...s.weights, ...(s.activations ?? [])]);
}

function copyDataset(d: Dataset): Dataset {
  return {
    ...d,
    x: d.x.slice(),
    y: d.y.slice(),
    xShape: d.xShape.slice(),
    yShape: d.yShape.slice(),
  };
}

export function serveTrainer(
  scope: TrainerScope,
  deps: HostDeps = {},
): { dispose(): Promise<void> } {
  const init = deps.initBackend ?? ((backend, options) => defaultInitBackend(backend, options));
  const env = deps.env ?? {};
  let session: Session | null = null;
  // What the page's init asked for; each create may then pick cpu for a tiny model (backend-choice.ts).
  let requested: { backend: BackendName; options: { wasmPath?: string } } | null = null;
  let queue: Promise<void> = Promise.resolve();
  // The reader's Velocidade outlives models: a new create trains at the speed last asked for.
  let speed = Infinity;
  // Latest-wins snapshot channel.
  let inFlight = false;
  let waiting: Snapshot | null = null;

  const post = (message: WorkerMessage, transfer: Transferable[] = []) =>
    scope.postMessage(message, transfer);
  const sendSnapshot = (snapshot: Snapshot) => {
    inFlight = true;
    // Transfer a copy: the run hands the same object to step(n)'s reply, which must stay readable.
    const copy = copySnapshot(snapshot);
    post({ type: 'snapshot', snapshot: copy }, snapshotBuffers(copy));
  };
  const hooks = {
    onSnapshot(snapshot: Snapshot) {
      if (inFlight)
        waiting = snapshot; // drop the older one: the page only ever needs the newest
      else sendSnapshot(snapshot);
    },
    onState: (state: RunState, steps: number) => post({ type: 'state', state, steps }),
    onError: (error: Error) => post({ type: 'error', error: toWireError(error) }),
  };

  const need = (): Session => {
    if (session === null) throw new Error('no model: send create first');
    return session;
  };
  const reply = (id: number, value: unknown, transfer: Transferable[] = []) =>
    post({ type: 'reply', id, ok: true, value }, transfer);
  const fail = (id: number, error: unknown) =>
    post({ type: 'reply', id, ok: false, error: toWireError(error) });

  async function handle(message: RequestMessage): Promise<void> {
    const { id } = message;
    switch (message.type) {
      case 'init': {
        const options = message.wasmPath === undefined ? {} : { wasmPath: message.wasmPath };
        // The backend that started (after any fallback) is the one later sessions ask for.
        const started = await init(message.backend ?? 'wasm', options);
        requested = { backend: started, options };
        return reply(id, started);
      }
      case 'create': {
        const data = await loadDataset(message.data, deps.fetchBytes ?? fetchBytes);
        await session?.dispose();
        session = null;
        const { spec, options } = message;
        if (requested) {
          // Before the model exists, so its variables and the run's tensors live on that backend.
          const wanted = sessionBackend(requested.backend, spec, options.batchSize);
          if (wanted !== currentBackend()) await init(wanted, requested.options);
        }
        session = createSession(
          {
            spec,
            data: message.data,
            options,
            ...(message.validate === undefined ? {} : { validate: message.validate }),
          },
          data,
          hooks,
          env,
        );
        session.setSpeed(speed);
        hooks.onState('idle', 0);
        return reply(id, await session.describe(currentBackend()));
      }
      case 'start':
      case 'resume': {
        const run = need().ensureRun(false);
        run.resume();
        return reply(id, null);
      }
      case 'pause':
        need().run?.pause();
        return reply(id, null);
      case 'step': {
        // Not awaited: the queue moves on, so a stop can end a long step(n).
        need()
          .ensureRun(true)
          .step(message.n)
          .then((snapshot) => {
            const copy = copySnapshot(snapshot);
            reply(id, copy, snapshotBuffers(copy));
          })
          .catch((error: unknown) => fail(id, error));
        return;
      }
      case 'speed':
        speed = checkSpeed(message.stepsPerSecond);
        session?.setSpeed(speed);
        return reply(id, null);
      case 'stop': {
        const run = need().run;
        if (run) {
          run.stop();
          await run.done;
        }
        return reply(id, null);
      }
      case 'reset':
        await need().reset();
        return reply(id, await need().describe(currentBackend()));
      case 'predict': {
        const out = predict(need().model, message.x, message.shape);
        return reply(id, out, [out.buffer as ArrayBuffer]);
      }
      case 'activations': {
        const acts = await need().probe.run(message.sample);
        return reply(id, acts, buffersOf(acts));
      }
      case 'exportWeights':
        return reply(id, exportWeightsJson(need().model));
      case 'exportModel': {
        const files = toModelFiles(await saveModelArtifacts(need().model));
        return reply(id, files, [files.weights]);
      }
      case 'dataset': {
        const { train, test } = need().data;
        const value = test
          ? { train: copyDataset(train), test: copyDataset(test) }
          : { train: copyDataset(train) };
        const transfer = [
          value.train.x,
          value.train.y,
          ...(value.test ? [value.test.x, value.test.y] : []),
        ];
        return reply(
          id,
          value,
          transfer.map((a) => a.buffer as ArrayBuffer),
        );
      }
      case 'dispose':
        await session?.dispose();
        session = null;
        return reply(id, null);
    }
  }

  const listener = (event: MessageEvent<PageMessage>) => {
    const message = event.data;
    if (message.type === 'ack') {
      inFlight = false;
      const next = waiting;
      waiting = null;
      if (next) sendSnapshot(next);
      return;
    }
    queue = queue.then(() => handle(message)).catch((error: unknown) => fail(message.id, error));
  };
  scope.addEventListener('message', listener);

  return {
    async dispose() {
      scope.removeEventListener('message', listener);
      await queue;
      await session?.dispose();
      session = null;
    },
  };
}
