// How the training loop shares the thread: it runs steps for a time slice, then yields one macrotask
// so messages (pause, predict) and rendering get through. Not requestAnimationFrame: it doesn't exist
// in workers, and it stops in background tabs.

export type Clock = () => number;
export type Yielder = () => Promise<void>;

export const defaultClock: Clock = () => performance.now();

/**
 * A macrotask yield without setTimeout's 4 ms clamp: setImmediate in Node, a MessageChannel in
 * browsers and workers. `close()` releases the channel.
 */
export function createYielder(): { yieldNow: Yielder; close(): void } {
  const immediate = (globalThis as { setImmediate?: (cb: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') {
    return { yieldNow: () => new Promise((resolve) => immediate(resolve)), close: () => {} };
  }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return {
      yieldNow: () =>
        new Promise((resolve) => {
          waiting.push(resolve);
          channel.port2.postMessage(null);
        }),
      close: () => {
        channel.port1.close();
        for (const resolve of waiting.splice(0)) resolve();
      },
    };
  }
  return { yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)), close: () => {} };
}
