// The core's training worker. Its own module, free of imports, so the lazy loader (lazy.ts) can
// start the worker the moment a lab nears the screen without pulling the core into the page.
export function createTrainerWorker(): Worker {
  return new Worker(new URL('../../../src/core/worker/trainer.worker.ts', import.meta.url), {
    type: 'module',
  });
}
