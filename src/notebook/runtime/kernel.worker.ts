// The per-page kernel Web Worker: starts tfjs (wasm, falling back to cpu), then runs cells as the
// page asks. Everything leaves as KernelEvent data through postMessage.
import { initBackend } from '../../core';
import { toCellError } from './errors';
import { createKernel } from './kernel';
import type { KernelEvent, KernelRequest } from './protocol';

/** The part of DedicatedWorkerGlobalScope used here (tsconfig's lib is DOM, not WebWorker). */
interface WorkerScope {
  console: Console;
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<KernelRequest>) => void): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const post = (event: KernelEvent) => worker.postMessage(event);
const kernel = createKernel(post);

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

worker.addEventListener('message', (event: MessageEvent<KernelRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'init':
      ready = initBackend(request.backend ?? 'wasm', { wasmPath: request.wasmPath }).then(
        (backend) => post({ type: 'ready', backend }),
        (error: unknown) => post({ type: 'init-failed', error: toCellError(error, undefined) }),
      );
      break;
    case 'run':
      void ready.then(() => kernel.run(request.run, request.cell, request.source));
      break;
    case 'interrupt':
      post({ type: 'interrupting' });
      kernel.interrupt();
      break;
  }
});
