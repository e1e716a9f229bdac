// Remembers the tensors and variables each cell made, and frees them when the cell runs again —
// unless something in the shared scope still holds them (a model built in this cell but defined in
// another, a tensor pushed into another cell's array). Without this, every rerun would leak.
// Optimizers are owned by the cell whose run first left one reachable (a `compile` there, or a
// `tf.train.adam()` kept in a variable); when that cell runs again and the old optimizer is no
// longer reachable, it is disposed with its state (Adam's moments), which no other rule can free.
import * as tf from '@tensorflow/tfjs-core';

/** Objects visited when looking for live tensors; past it we keep everything (a leak, not a crash). */
const WALK_LIMIT = 200_000;

export interface TensorTracker {
  /** Opens the tracking scope of a run; call exactly once before the cell's code starts. */
  begin(cell: string): void;
  /**
   * Closes the run: tensors it made are kept alive, and what the cell's previous run made is
   * disposed unless still reachable from `roots` (the reader's variables).
   */
  end(cell: string, roots: readonly unknown[]): void;
}

interface Made {
  tensors: tf.Tensor[];
  variables: tf.Variable[];
}

export interface Reachable {
  tensors: Set<tf.Tensor>;
  optimizers: Set<tf.Optimizer>;
}

/**
 * Tensors and optimizers reachable from `roots` through properties, arrays, maps and sets; null
 * past WALK_LIMIT objects.
 */
export function reachable(roots: readonly unknown[]): Reachable | null {
  const found = new Set<tf.Tensor>();
  const optimizers = new Set<tf.Optimizer>();
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    if (seen.size >= WALK_LIMIT) return null;
    seen.add(value);
    if (value instanceof tf.Tensor) {
      found.add(value);
      continue;
    }
    // Walked through too: its moments are tensors that must stay alive with it.
    if (value instanceof tf.Optimizer) optimizers.add(value);
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object') stack.push(item);
    } else if (value instanceof Map) {
      for (const [k, v] of value) stack.push(k, v);
    } else if (value instanceof Set) {
      for (const v of value) stack.push(v);
    } else {
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        if (typeof item === 'object') stack.push(item);
      }
    }
  }
  return { tensors: found, optimizers };
}

export function createTensorTracker(): TensorTracker {
  const engine = tf.engine();
  const made = new Map<string, Made>();
  const optimizerOwners = new Map<tf.Optimizer, string>();
  let variablesBefore = new Set<string>();
  let open: string | undefined;

  return {
    begin(cell) {
      if (open !== undefined) throw new Error(`tracking: run of ${open} still open`);
      open = cell;
      variablesBefore = new Set(Object.keys(engine.registeredVariables));
      engine.startScope(`anatomia-cell:${cell}`);
    },
    end(cell, roots) {
      if (open !== cell) throw new Error(`tracking: ${cell} is not the open run`);
      open = undefined;
      const tracked = engine.state.activeScope.track.filter((t) => !t.isDisposed);
      // Passing every tracked tensor as the scope's result keeps them all alive.
      engine.endScope(tracked);
      const variables = Object.entries(engine.registeredVariables)
        .filter(([name, v]) => !variablesBefore.has(name) && !v.isDisposed)
        .map(([, v]) => v);

      const previous = made.get(cell);
      const next: Made = { tensors: tracked, variables };
      const found = reachable(roots);
      if (found !== null) {
        for (const optimizer of found.optimizers)
          if (!optimizerOwners.has(optimizer)) optimizerOwners.set(optimizer, cell);
        for (const [optimizer, owner] of optimizerOwners) {
          if (owner !== cell || found.optimizers.has(optimizer)) continue;
          optimizerOwners.delete(optimizer);
          optimizer.dispose();
        }
      }
      if (previous !== undefined) {
        const live = found?.tensors ?? null;
        const keep = (t: tf.Tensor) => t.isDisposed || live === null || live.has(t);
        for (const t of previous.tensors) {
          if (keep(t)) next.tensors.push(t);
          else t.dispose();
        }
        for (const v of previous.variables) {
          // Non-trainable variables are optimizer state (Adam moments…): an optimizer made in another
          // cell may still need them, and a disposed moment breaks its next step. Keep them.
          if (keep(v) || !v.trainable) next.variables.push(v);
          else v.dispose();
        }
      }
      made.set(cell, {
        tensors: next.tensors.filter((t) => !t.isDisposed),
        variables: next.variables.filter((v) => !v.isDisposed),
      });
    },
  };
}
