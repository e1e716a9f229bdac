// The page's side of the kernel watchdog (watchdog.ts): a ping every `pingMs`, and the kernel is
// declared gone when `misses` pings in a row, the oldest `deadMs` old, got no answer. Counting
// pings as well as time keeps a page that was itself blocked (or a throttled background tab, whose
// timers fire late) from mistaking its own delay for a dead kernel. Armed only by a first answer:
// a browser without nested workers has no watchdog, and then no deadline either.

export interface HeartbeatOptions {
  pingMs: number;
  deadMs: number;
  misses: number;
}

/** A dead kernel is declared 1.0–1.25 s after its last answer. */
export const HEARTBEAT: HeartbeatOptions = { pingMs: 250, deadMs: 1000, misses: 4 };

export interface Heartbeat {
  stop(): void;
}

export function startHeartbeat(
  port: MessagePort,
  onDead: () => void,
  options: HeartbeatOptions = HEARTBEAT,
): Heartbeat {
  let armed = false;
  /** When each unanswered ping left, oldest first. */
  let unanswered: number[] = [];
  port.onmessage = () => {
    armed = true;
    // The watchdog answers in order, so one answer settles every earlier ping.
    unanswered = [];
  };
  const timer = setInterval(() => {
    const now = performance.now();
    const oldest = unanswered[0];
    if (armed && oldest !== undefined && unanswered.length >= options.misses) {
      if (now - oldest >= options.deadMs) {
        clearInterval(timer);
        onDead();
        return;
      }
    }
    unanswered.push(now);
    port.postMessage(0);
  }, options.pingMs);
  return {
    stop() {
      clearInterval(timer);
      port.onmessage = null;
      port.close();
    },
  };
}
