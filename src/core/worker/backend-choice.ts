// Which backend a worker session trains on. wasm is the default, but for the smallest Dense stacks a
// step is ~110 tiny kernels and tfjs' per-kernel cost decides: the wasm backend's JS wrapper (shape
// arrays, heap bookkeeping, the JS→wasm call) costs more than the cpu backend's plain loops over a few
// dozen numbers. Measured in headless Chromium, one worker, µs per optimizer step (best of 4):
//   2→4→2→2   batch 10: wasm 347, cpu 251      2→4→2→2   batch 100: wasm 368, cpu 481
//   2→8→8→2   batch 10: wasm 328, cpu 258      2→8→8→2   batch 32:  wasm 331, cpu 362
//   2→16→16→2 batch 10: wasm 343, cpu 290      2→16→16→2 batch 32:  wasm 354, cpu 487
//                                              2→32→32→2 batch 10:  wasm 345, cpu 418
// cpu wins while a step holds few values; its cost grows with every value, wasm's hardly does.
import type { BackendName, ModelSpec } from '../types.ts';

/** cpu only while batch × (inputs + Σ units) stays at or under this many values… */
const CPU_MAX_VALUES = 400;
/** …and batch × Σ (inputs × units) at or under this many multiply-adds. */
const CPU_MAX_MACS = 4_000;

/**
 * The backend for a session: `requested`, except that a wasm request for a small Dense-only model on
 * rank-1 samples gets cpu (see the table above).
 */
export function sessionBackend(
  requested: BackendName,
  spec: ModelSpec,
  batchSize: number,
): BackendName {
  if (requested !== 'wasm' || spec.inputShape.length !== 1) return requested;
  let width = spec.inputShape[0] as number;
  let values = width;
  let macs = 0;
  for (const layer of spec.layers) {
    if (layer.type !== 'dense') return requested;
    values += layer.units;
    macs += width * layer.units;
    width = layer.units;
  }
  const small = batchSize * values <= CPU_MAX_VALUES && batchSize * macs <= CPU_MAX_MACS;
  return small ? 'cpu' : requested;
}
