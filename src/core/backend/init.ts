// Chooses and starts the tfjs backend. wasm (SIMD) is the default: for our small models it is 8–20×
// faster than cpu, and than webgl on a machine without a GPU. cpu is the fallback when wasm cannot
// start; webgl only when asked for, and imported lazily so Node and wasm users never load it.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { BackendUnavailableError } from '../errors';
import type { BackendName } from '../types';
import { registerWasmTrainingKernels } from './kernels/register';

export interface InitBackendOptions {
  /**
   * URL (browser, worker) or directory (Node) holding tfjs-backend-wasm's .wasm files, e.g.
   * `${import.meta.env.BASE_URL}tfjs/`. In Node it defaults to the installed package's dist/.
   */
  wasmPath?: string;
}

const fallbacks: Record<BackendName, readonly BackendName[]> = {
  webgl: ['webgl', 'wasm', 'cpu'],
  wasm: ['wasm', 'cpu'],
  cpu: ['cpu'],
};

// tfjs' engine is one per process, and two overlapping setBackend calls for the same backend make the
// first one report failure; so calls are queued. This is the only state here, and it stays private.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Starts `preferred` (default 'wasm'), falling back webgl → wasm → cpu, and returns the backend that
 * is actually in use. Idempotent: when that backend already runs, nothing is reloaded.
 */
export function initBackend(
  preferred: BackendName = 'wasm',
  options: InitBackendOptions = {},
): Promise<BackendName> {
  const run = queue.then(() => start(preferred, options));
  queue = run.catch(() => undefined);
  return run;
}

async function start(preferred: BackendName, options: InitBackendOptions): Promise<BackendName> {
  const reasons: string[] = [];
  for (const name of fallbacks[preferred]) {
    if (name === 'wasm') registerWasmTrainingKernels();
    if (await isRunning(name)) return name;
    try {
      if (await trySetBackend(name, options)) return name;
      reasons.push(`${name}: failed to start`);
    } catch (error) {
      reasons.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new BackendUnavailableError(preferred, reasons.join('; '));
}

/** tf.setBackend names a backend before it has started, so also wait for it and see it started. */
async function isRunning(name: BackendName): Promise<boolean> {
  if (tf.getBackend() !== name) return false;
  await tf.ready();
  return tf.getBackend() === name && tf.engine().registry[name] != null;
}

async function trySetBackend(name: BackendName, options: InitBackendOptions): Promise<boolean> {
  if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  if (name === 'wasm') configureWasm(options.wasmPath ?? nodeWasmDirectory());
  const ok = await tf.setBackend(name);
  if (ok) await tf.ready();
  return ok && tf.getBackend() === name;
}

function configureWasm(wasmPath: string | undefined): void {
  // Without cross-origin isolation there is no SharedArrayBuffer; never fetch the threaded binary.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // After a failed start the package refuses new paths; the retry then fails and we fall back.
  if (wasmPath !== undefined) setWasmPaths(wasmPath.endsWith('/') ? wasmPath : `${wasmPath}/`);
}

/**
 * In Node the package's own lookup of its .wasm files breaks once vite/vitest rewrites module URLs,
 * so point at node_modules/@tensorflow/tfjs-backend-wasm/dist/ explicitly. Browsers return undefined.
 */
function nodeWasmDirectory(): string | undefined {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  if (proc?.versions?.node === undefined || proc.getBuiltinModule === undefined) return undefined;
  const { createRequire } = proc.getBuiltinModule('node:module');
  const manifest = createRequire(import.meta.url).resolve(
    '@tensorflow/tfjs-backend-wasm/package.json',
  );
  return manifest.slice(0, -'package.json'.length) + 'dist/';
}
