// Latest-wins redraws on animation frames. Training snapshots arrive faster than a screen can show
// them; each view keeps only its newest pending draw, and a frame runs pending draws until its time
// budget is spent, leaving the rest for the next frame. So a burst of snapshots never becomes a long
// task, and a slow view (the decision boundary) cannot starve a cheap one (the step counter).

export interface FrameLoop {
  /** Queues `draw` under `key`, replacing any draw still pending under that key. */
  schedule(key: string, draw: () => void): void;
  /** Drops every pending draw and stops requesting frames. */
  dispose(): void;
  /** Completed draws per key since creation (benchmarks read redraws/s from this). */
  readonly counts: ReadonlyMap<string, number>;
}

export interface FrameLoopOptions {
  /** Milliseconds of drawing per frame before the rest waits for the next frame. */
  budgetMs?: number;
  onError?: (error: unknown) => void;
}

export function createFrameLoop(options: FrameLoopOptions = {}): FrameLoop {
  const budget = options.budgetMs ?? 8;
  const pending = new Map<string, () => void>();
  const counts = new Map<string, number>();
  let frame = 0;
  let disposed = false;

  const run = (): void => {
    frame = 0;
    const start = performance.now();
    // Map iteration order is insertion order: a key re-queued while waiting keeps its turn.
    for (const [key, draw] of pending) {
      pending.delete(key);
      try {
        draw();
      } catch (error) {
        options.onError?.(error);
      }
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (performance.now() - start > budget) break;
    }
    if (pending.size > 0 && !disposed) frame = requestAnimationFrame(run);
  };

  return {
    schedule(key, draw) {
      if (disposed) return;
      pending.set(key, draw);
      if (frame === 0) frame = requestAnimationFrame(run);
    },
    dispose() {
      disposed = true;
      pending.clear();
      if (frame !== 0) cancelAnimationFrame(frame);
      frame = 0;
    },
    counts,
  };
}
