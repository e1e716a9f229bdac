// Latest-wins redraws on animation frames. Training snapshots arrive faster than a screen can show
// them (up to 60 a second); each view keeps only its newest pending draw, and every frame draws
// every pending view whose element is on screen, until the frame's time budget is spent. Views
// left over take their turn first on the next frame, so a slow view (the decision boundary)
// cannot starve a cheap one, and a burst of snapshots never becomes a long task. A view scrolled
// out of sight keeps its latest draw waiting and runs it when it comes back: drawing what nobody
// sees would only take frames from what they do. Style, layout and paint of what was drawn happen
// after the callback, so the budget is kept well under a 16 ms frame. Printing is the exception:
// on `beforeprint` every waiting draw runs at once, seen or not, so the paper shows every view.

export interface FrameLoop {
  /**
   * Queues `draw` under `key`, replacing any draw still pending under that key. With `target`, the
   * draw waits while that element is outside the viewport.
   */
  schedule(key: string, draw: () => void, target?: Element): void;
  /** Runs every pending draw now, on screen or not, ignoring the budget (before printing). */
  flush(): void;
  /** Drops every pending draw and stops requesting frames. */
  dispose(): void;
  /** Completed draws per key since creation (benchmarks read redraws/s from this). */
  readonly counts: ReadonlyMap<string, number>;
  /** Milliseconds spent drawing per key since creation. */
  readonly costs: ReadonlyMap<string, number>;
}

export interface FrameLoopOptions {
  /** Milliseconds of drawing per frame; the first due draw always runs. Default 8. */
  budgetMs?: number;
  onError?: (error: unknown) => void;
}

interface Pending {
  draw: () => void;
  target: Element | undefined;
}

export function createFrameLoop(options: FrameLoopOptions = {}): FrameLoop {
  const budget = options.budgetMs ?? 8;
  const pending = new Map<string, Pending>();
  const counts = new Map<string, number>();
  const costs = new Map<string, number>();
  /** Whether each watched element intersects the viewport; unknown counts as visible. */
  const onScreen = new WeakMap<Element, boolean>();
  let frame = 0;
  let disposed = false;

  const request = (): void => {
    if (frame === 0 && !disposed) frame = requestAnimationFrame(run);
  };
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
          let shown = false;
          for (const entry of entries) {
            onScreen.set(entry.target, entry.isIntersecting);
            shown ||= entry.isIntersecting;
          }
          if (shown && pending.size > 0) request();
        })
      : null;
  const watched = new WeakSet<Element>();
  const visible = (target: Element | undefined): boolean =>
    target === undefined || onScreen.get(target) !== false;

  const drawOne = (key: string, entry: Pending): void => {
    pending.delete(key);
    const began = performance.now();
    try {
      entry.draw();
    } catch (error) {
      options.onError?.(error);
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
    costs.set(key, (costs.get(key) ?? 0) + performance.now() - began);
  };

  function run(): void {
    frame = 0;
    const start = performance.now();
    let ran = 0;
    let waiting = false;
    // Map iteration order is insertion order: a key re-queued while waiting keeps its turn.
    for (const [key, entry] of pending) {
      if (!visible(entry.target)) continue;
      if (ran > 0 && performance.now() - start > budget) {
        waiting = true;
        break;
      }
      drawOne(key, entry);
      ran += 1;
    }
    // Draws for views out of sight wait for the observer; the rest go on next frame.
    if (waiting) request();
  }

  const flush = (): void => {
    for (const [key, entry] of pending) drawOne(key, entry);
  };
  const printing = typeof addEventListener === 'function';
  if (printing) addEventListener('beforeprint', flush);

  return {
    schedule(key, draw, target) {
      if (disposed) return;
      if (target !== undefined && observer !== null && !watched.has(target)) {
        watched.add(target);
        observer.observe(target);
      }
      // A key still waiting keeps its place (Map.set keeps insertion order); a drawn one rejoins at
      // the back, so views take turns.
      pending.set(key, { draw, target });
      if (visible(target)) request();
    },
    flush,
    dispose() {
      disposed = true;
      if (printing) removeEventListener('beforeprint', flush);
      pending.clear();
      observer?.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      frame = 0;
    },
    counts,
    costs,
  };
}
