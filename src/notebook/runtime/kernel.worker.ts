// The per-page kernel Web Worker: starts tfjs (wasm, falling back to cpu), then runs cells as the
// page asks. Requests and events travel over the private port the init message hands over (see
// protocol.ts); the worker's own channel is the cells' (`self.postMessage`), and the page ignores it.
import { initBackend } from '../../core';
import { toCellError } from './errors';
import { createKernel } from './kernel';
import type { KernelEvent, KernelInit, KernelRequest } from './protocol';
import { startWatchdog } from './watchdog';

/** The part of DedicatedWorkerGlobalScope used here (tsconfig's lib is DOM, not WebWorker). */
interface WorkerScope {
  console: Console;
  close(): void;
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<KernelInit>) => void): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
/** Set once, from the init message, before any cell runs; cells never see the port. */
let post: (event: KernelEvent) => void = () => undefined;
const kernel = createKernel((event) => post(event));

// A cell calling close() ends the kernel: say so first, so the page replaces it at once instead of
// waiting for the watchdog to fall silent. Own and fixed, so `close()` and `self.close()` find it.
const realClose = worker.close.bind(worker);
Object.defineProperty(worker, 'close', {
  value: () => {
    post({ type: 'closing' });
    realClose();
  },
  writable: false,
  configurable: false,
});

// tfjs' print() and any library logging go to the running cell too.
Object.assign(worker.console, kernel.console);

worker.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  kernel.reportAsyncError(event.reason);
});
worker.addEventListener('error', (event) => {
  event.preventDefault();
  kernel.reportAsyncError(event.error ?? new Error(event.message));
});

let ready: Promise<unknown> = Promise.resolve();

const onRequest = (request: KernelRequest) => {
  switch (request.type) {
    case 'run':
      void ready.then(() => kernel.run(request.run, request.cell, request.source));
      break;
    case 'interrupt':
      post({ type: 'interrupting' });
      kernel.interrupt();
      break;
  }
};

let initialized = false;
worker.addEventListener('message', (event: MessageEvent<KernelInit>) => {
  // Only the first message is the page's; a later one can only be a cell's dispatchEvent.
  if (initialized) return;
  initialized = true;
  const init = event.data;
  const { port } = init;
  // Bound now: a cell that later replaces MessagePort.prototype.postMessage sees none of this.
  const send = port.postMessage.bind(port);
  post = (message) => send(message);
  port.onmessage = (message: MessageEvent<KernelRequest>) => onRequest(message.data);
  startWatchdog(init.watchdog);
  ready = initBackend(init.backend ?? 'wasm', { wasmPath: init.wasmPath }).then(
    (backend) => post({ type: 'ready', backend }),
    (error: unknown) => post({ type: 'init-failed', error: toCellError(error, undefined) }),
  );
});
