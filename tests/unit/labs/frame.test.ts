// The labs' frame loop: latest wins per view, every visible view drawn each frame within the
// budget (the rest first on the next frame), views out of sight wait until they are seen.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameLoop } from '../../../components/labs/shared/frame';

let frames: (() => void)[] = [];
let now = 0;
let observed: { callback: IntersectionObserverCallback; targets: Element[] } | null = null;

beforeEach(() => {
  frames = [];
  now = 0;
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: IntersectionObserverCallback) {
        observed = { callback, targets: [] };
      }
      observe(target: Element) {
        observed?.targets.push(target);
      }
      disconnect() {}
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  observed = null;
});

/** Runs the frames requested so far (not the ones they request). */
function tick(): void {
  const due = frames;
  frames = [];
  for (const frame of due) frame();
}

function seen(target: Element, isIntersecting: boolean): void {
  observed?.callback(
    [{ target, isIntersecting } as IntersectionObserverEntry],
    {} as IntersectionObserver,
  );
}

describe('createFrameLoop', () => {
  it('draws only the latest draw of a view, once per frame', () => {
    const loop = createFrameLoop();
    const drawn: string[] = [];
    loop.schedule('a', () => drawn.push('a1'));
    loop.schedule('a', () => drawn.push('a2'));
    loop.schedule('b', () => drawn.push('b1'));
    tick();
    expect(drawn).toEqual(['a2', 'b1']);
    expect(loop.counts.get('a')).toBe(1);
    expect(frames).toHaveLength(0);
  });

  it('keeps to its budget and draws the rest first on the next frame', () => {
    const loop = createFrameLoop({ budgetMs: 8 });
    const drawn: string[] = [];
    for (const key of ['a', 'b', 'c', 'd']) {
      loop.schedule(key, () => {
        now += 5;
        drawn.push(key);
      });
    }
    tick();
    expect(drawn).toEqual(['a', 'b']);
    // A new snapshot for a drawn view goes behind the ones still waiting.
    loop.schedule('a', () => drawn.push('a again'));
    tick();
    expect(drawn).toEqual(['a', 'b', 'c', 'd']);
    tick();
    expect(drawn.at(-1)).toBe('a again');
  });

  it('holds the draws of a view out of sight until it is seen', () => {
    const loop = createFrameLoop();
    const target = {} as Element;
    const drawn: number[] = [];
    loop.schedule('w', () => drawn.push(1), target);
    seen(target, false);
    tick();
    expect(drawn).toEqual([]);
    loop.schedule('w', () => drawn.push(2), target);
    expect(frames).toHaveLength(0);
    seen(target, true);
    tick();
    expect(drawn).toEqual([2]);
  });

  it('draws every waiting view before printing, seen or not', () => {
    const listeners = new Map<string, () => void>();
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) =>
      listeners.set(type, listener),
    );
    vi.stubGlobal('removeEventListener', (type: string) => listeners.delete(type));
    const loop = createFrameLoop({ budgetMs: 1 });
    const hidden = {} as Element;
    const drawn: string[] = [];
    loop.schedule('off', () => drawn.push('off'), hidden);
    seen(hidden, false);
    loop.schedule('slow', () => {
      now += 50;
      drawn.push('slow');
    });
    loop.schedule('next', () => drawn.push('next'));
    listeners.get('beforeprint')?.();
    expect(drawn).toEqual(['off', 'slow', 'next']);
    expect(loop.counts.get('off')).toBe(1);
    loop.dispose();
    expect(listeners.has('beforeprint')).toBe(false);
  });

  it('stops after dispose', () => {
    const loop = createFrameLoop();
    const draw = vi.fn();
    loop.schedule('a', draw);
    loop.dispose();
    tick();
    loop.schedule('a', draw);
    tick();
    expect(draw).not.toHaveBeenCalled();
  });
});
