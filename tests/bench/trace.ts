// The main thread's longest task by CPU time, from a Chrome trace taken while something trains. The
// wall clock (PerformanceObserver 'longtask') is what a reader feels; on a machine shared with other
// work it also counts time the OS gave to someone else, so the CPU time says how much of a long
// task was the page's own work.
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Starts a trace of `page`; the returned function stops it and gives the longest task's CPU ms. */
export async function traceLongestTask(
  browser: Browser,
  page: Page,
): Promise<() => Promise<number>> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  return async () => longestMainThreadTask(await browser.stopTracing());
}

/** The largest thread time (CPU, ms) of a RunTask on a renderer's main thread in a Chrome trace. */
export function longestMainThreadTask(trace: Buffer): number {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let longest = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !main.has(`${e.pid}:${e.tid}`)) continue;
    longest = Math.max(longest, (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return longest;
}
