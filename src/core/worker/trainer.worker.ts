// The training worker's entry. Bundled by Vite from a component with
//   new Worker(new URL('../../src/core/worker/trainer.worker.ts', import.meta.url), { type: 'module' })
// and driven through createTrainerClient(worker).
import { serveTrainer, type TrainerScope } from './host.ts';

serveTrainer(self as unknown as TrainerScope);
