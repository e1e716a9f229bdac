// The SGD lab's worker: answers the page's requests (protocol.ts) with one SgdTrainer (trainer.ts),
// whose steps run on the core's stepper. Requests run one at a time in arrival order, so a reset
// sent while a step is running waits for that step. All state lives in serveSgd's closure.
import { DivergenceError, initBackend } from '../../../src/core/index';
import { PATH_START } from './problem';
import type { SgdReply, SgdRequest } from './protocol';
import { createSgdTrainer, type SgdTrainer } from './trainer';

/** The parts of DedicatedWorkerGlobalScope used here (the project's lib settings omit WebWorker). */
interface WorkerScope {
  postMessage(message: SgdReply, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SgdRequest>) => void): void;
  close(): void;
}

export function serveSgd(scope: WorkerScope): void {
  let trainer: SgdTrainer | null = null;
  let queue: Promise<void> = Promise.resolve();
  const post = (reply: SgdReply, transfer: Transferable[] = []): void =>
    scope.postMessage(reply, transfer);
  const ready = (): SgdTrainer => {
    if (trainer === null) throw new Error('sgd worker: a request before init');
    return trainer;
  };

  const handle = async (message: SgdRequest): Promise<void> => {
    switch (message.type) {
      case 'init': {
        const backend = await initBackend(message.backend ?? 'wasm', {
          wasmPath: message.wasmPath,
        });
        trainer?.dispose();
        trainer = await createSgdTrainer(message.start ?? PATH_START);
        post({ type: 'ready', id: message.id, backend, panel: trainer.panel });
        return;
      }
      case 'reset':
        await ready().reset(message.start);
        post({ type: 'reset', id: message.id });
        return;
      case 'step': {
        const { learningRate, momentum, batchSize } = message;
        let report;
        try {
          report = await ready().step({ learningRate, momentum, batchSize });
        } catch (error) {
          // A learning rate too large for the valley: an outcome the page words, not a failure.
          if (!(error instanceof DivergenceError) || error.data.code !== 'divergence') throw error;
          post({ type: 'diverged', id: message.id, step: error.data.step, loss: error.data.loss });
          return;
        }
        post({ type: 'stepped', id: message.id, report }, [
          report.panel.before.buffer,
          report.panel.grad.buffer,
          report.panel.after.buffer,
        ]);
        return;
      }
      case 'export': {
        const files = await ready().exportFiles(message.weightsFile);
        post({ type: 'exported', id: message.id, ...files }, [files.weights]);
        return;
      }
      case 'dispose':
        trainer?.dispose();
        trainer = null;
        post({ type: 'disposed', id: message.id });
        scope.close();
        return;
    }
  };

  scope.addEventListener('message', (event: MessageEvent<SgdRequest>) => {
    const message = event.data;
    queue = queue
      .then(() => handle(message))
      .catch((error: unknown) =>
        post({
          type: 'error',
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  });
}

serveSgd(self as unknown as WorkerScope);
