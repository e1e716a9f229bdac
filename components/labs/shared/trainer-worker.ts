// The core's training worker. Its own module, with no runtime imports, so the lazy loader (lazy.ts)
// can start the worker the moment a lab nears the screen without pulling the core into the page.
import type { PageMessage } from '../../../src/core/page';

export function createTrainerWorker(): Worker {
  const worker = new Worker(
    new URL('../../../src/core/worker/trainer.worker.ts', import.meta.url),
    {
      type: 'module',
    },
  );
  // Start tfjs' wasm backend while the lab's page code is still loading. initBackend is idempotent:
  // the client's own init, sent later, finds it running. Nobody listens for this reply (id 0).
  const warmUp: PageMessage = {
    type: 'init',
    id: 0,
    backend: 'wasm',
    wasmPath: `${import.meta.env.BASE_URL}tfjs/`,
  };
  worker.postMessage(warmUp);
  return worker;
}
