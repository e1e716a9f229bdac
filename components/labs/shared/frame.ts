// Latest-wins redraws on animation frames. Training snapshots arrive faster than a screen can show
// them; each view keeps only its newest pending draw, redraws at most every `minInterval` ms, and a
// frame runs due draws only until its time budget is spent, leaving the rest for the next frame.
// So a burst of snapshots never becomes a long task, and a slow view (the decision boundary)
// cannot starve a cheap one (the step counter). Style, layout and paint of what was drawn happen
// after the callback, so the budget is kept well under a 16 ms frame.

export interface FrameLoop {
  /** Queues `draw` under `key`, replacing any draw still pending under that key. */
  schedule(key: string, draw: () => void): void;
  /** Drops every pending draw and stops requesting frames. */
  dispose(): void;
  /** Completed draws per key since creation (benchmarks read redraws/s from this). */
  readonly counts: ReadonlyMap<string, number>;
  /** Milliseconds spent drawing per key since creation. */
  readonly costs: ReadonlyMap<string, number>;
}

export interface FrameLoopOptions {
  /** Milliseconds of drawing per frame; the first due draw always runs. Default 4. */
  budgetMs?: number;
  /** Least time between two redraws of one view. Default 100 (10 redraws/s per view). */
  minIntervalMs?: number;
  /**
   * Share of the main thread that drawing may take (default 0.2). When views are slow (a busy or
   * slow machine), each one redraws less often so that the page keeps its frame rate.
   */
  share?: number;
  onError?: (error: unknown) => void;
}

export function createFrameLoop(options: FrameLoopOptions = {}): FrameLoop {
  const budget = options.budgetMs ?? 4;
  const baseInterval = options.minIntervalMs ?? 100;
  const share = options.share ?? 0.2;
  /** Moving average of each view's draw cost, ms. */
  const average = new Map<string, number>();
  /** One round of redrawing every view costs Σ averages; space rounds so that is `share` of time. */
  const interval = (): number => {
    let round = 0;
    for (const cost of average.values()) round += cost;
    return Math.max(baseInterval, round / share);
  };
  const pending = new Map<string, () => void>();
  const lastDrawn = new Map<string, number>();
  const counts = new Map<string, number>();
  const costs = new Map<string, number>();
  let frame = 0;
  let disposed = false;

  const run = (now: number): void => {
    frame = 0;
    const start = performance.now();
    let ran = 0;
    const minInterval = interval();
    // Map iteration order is insertion order: a key re-queued while waiting keeps its turn.
    for (const [key, draw] of pending) {
      if (now - (lastDrawn.get(key) ?? -Infinity) < minInterval) continue;
      if (ran > 0 && performance.now() - start > budget) break;
      pending.delete(key);
      lastDrawn.set(key, now);
      const began = performance.now();
      try {
        draw();
      } catch (error) {
        options.onError?.(error);
      }
      ran += 1;
      const cost = performance.now() - began;
      average.set(key, 0.8 * (average.get(key) ?? cost) + 0.2 * cost);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      costs.set(key, (costs.get(key) ?? 0) + cost);
    }
    if (pending.size > 0 && !disposed) frame = requestAnimationFrame(run);
  };

  return {
    schedule(key, draw) {
      if (disposed) return;
      // A key still waiting keeps its place (Map.set keeps insertion order); a drawn one rejoins at
      // the back, so views take turns.
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
    costs,
  };
}
