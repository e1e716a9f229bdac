// The training window, measured the same way on a lab and on a peer page: follow the page's views,
// trace the main thread, read the page's counters, let it train undisturbed for `seconds`, read
// again. Everything a result says about "while training" comes from this window.
import { loadavg } from 'node:os';
import type { Browser, Page } from '@playwright/test';
import { inPage, type FrameStats, type ViewReading } from './browser-page.ts';
import { traceLongestTask } from './trace.ts';

export interface WindowSpec<T> {
  /** Which views to follow: weight views by data-version, or canvases by painted frames. */
  views: 'weights' | 'canvas';
  /** Weight views: their root (null: the whole page). Canvases: a selector for them (null: all). */
  selector: string | null;
  seconds: number;
  /** The page's own counters (steps, epochs…), read at both ends. */
  sample(): Promise<T>;
}

export interface WindowReadings<T> {
  start: T;
  end: T;
  startViews: ViewReading[];
  endViews: ViewReading[];
  /** Window length by the page's clock, seconds. */
  seconds: number;
  stats: FrameStats;
  longestTaskCpuMs: number;
  loadAverage: number;
  loadAverageEnd: number;
}

export async function measureWindow<T>(
  browser: Browser,
  page: Page,
  spec: WindowSpec<T>,
): Promise<WindowReadings<T>> {
  const bench = inPage(page);
  await bench.watch(spec.views, spec.selector);
  const loadAverage = loadavg()[0] ?? NaN;
  const stopTrace = await traceLongestTask(browser, page);
  const startViews = await bench.readViews();
  const start = await spec.sample();
  await new Promise((done) => setTimeout(done, spec.seconds * 1000));
  const endViews = await bench.readViews();
  const end = await spec.sample();
  const longestTaskCpuMs = await stopTrace();
  const stats = await bench.stats(startViews.now, endViews.now);
  return {
    start,
    end,
    startViews: startViews.views,
    endViews: endViews.views,
    seconds: (endViews.now - startViews.now) / 1000,
    stats,
    longestTaskCpuMs,
    loadAverage,
    loadAverageEnd: loadavg()[0] ?? NaN,
  };
}
