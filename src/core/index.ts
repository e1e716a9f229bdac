// The training core's public entry for workers, tests and benches: the tfjs-free page.ts (types,
// errors, datasets, shape inference, the worker client) plus everything that needs tfjs. Main-thread
// code imports page.ts instead. Everything that crosses either entry is plain data (types.ts) or a
// typed error (errors.ts); no tf.Tensor.
export * from './page.ts';
export * from './model/index.ts';
export * from './train/index.ts';
export { initBackend, type InitBackendOptions } from './backend/index.ts';
export { serveTrainer, toWireError, type HostDeps, type TrainerScope } from './worker/host.ts';
