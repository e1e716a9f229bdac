// The training core's public entry: the rest of the app imports from here (or, on the main thread,
// from page.ts, its tfjs-free subset). Everything that crosses it is plain data (types.ts) or a typed
// error (errors.ts); no tf.Tensor.
export type * from './types.ts';
export * from './errors.ts';
export * from './data/index.ts';
export * from './model/index.ts';
export * from './train/index.ts';
export { initBackend, type InitBackendOptions } from './backend/index.ts';
export { serveTrainer, toWireError, type HostDeps, type TrainerScope } from './worker/host.ts';
export {
  createTrainerClient,
  errorFromWire,
  type TrainerClient,
  type WorkerLike,
} from './worker/client.ts';
export type * from './worker/protocol.ts';
