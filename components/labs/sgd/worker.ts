// The SGD lab's worker, started by the lazy loader as soon as the lab nears the screen.
export function createSgdWorker(): Worker {
  return new Worker(new URL('./sgd.worker.ts', import.meta.url), { type: 'module' });
}
