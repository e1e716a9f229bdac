// One training lab, measured as a reader meets it at 1280×900: scroll it into view and press Treinar
// at once (view → first step, the code loading on the way), set Velocidade to its maximum, restart
// with Reiniciar and time Treinar → first step on the loaded lab, then train undisturbed for the
// window and read throughput, frame rate, long tasks and every view's redraws.
import type { Browser } from '@playwright/test';
import { inPage, pageHelpers, type LabSample } from './browser-page.ts';
import {
  frameViewResults,
  labChecks,
  viewResults,
  type LabCase,
  type LabResult,
} from './browser-results.ts';
import { measureWindow } from './browser-window.ts';
import { setMaxSpeed, speedLabel } from './speed.ts';

export const VIEWPORT = { width: 1280, height: 900 } as const;
/** Longest wait for a lab to load or reach a state; a lab stuck longer is reported as failed. */
const TIMEOUT_MS = 60_000;

export async function measureLab(
  browser: Browser,
  baseUrl: string,
  path: string,
  c: LabCase,
  seconds: number,
): Promise<LabResult> {
  // No service worker: its install precaches the whole course (~11 MB) alongside what is measured.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: pageHelpers() });
    await page.goto(`${baseUrl}${path}`);
    const bench = inPage(page);
    const root = `[data-lab="${c.kind}"]`;
    const lab = page.locator(root);
    // Scroll into view and press Treinar at once: the press is replayed once the lab loads (lazy.ts).
    const cold = await bench.first(c.kind, true, TIMEOUT_MS);

    const speed = await setMaxSpeed(lab);
    // Focusing the control may have scrolled; the window starts with the lab's top at the top.
    await bench.scrollTo(c.kind);
    // Treinar → first step on a loaded lab: Reiniciar, then time a fresh start.
    await lab.locator('button[data-action="reset"]').click();
    await page.waitForFunction(
      (selector) => {
        const el = document.querySelector<HTMLElement>(selector);
        return el?.dataset['step'] === '0' && el.dataset['state'] === 'idle';
      },
      root,
      { timeout: TIMEOUT_MS },
    );
    const warm = await bench.first(c.kind, false, TIMEOUT_MS);
    // The window is measured where the lab arrives (its top at the top of the viewport); when that
    // leaves every weight view below the fold, where a reader scrolls to watch the weights.
    const position = (await bench.weightsOnScreen(c.kind))
      ? 'lab'
      : (await bench.scrollToWeights(c.kind))
        ? 'weights'
        : 'lab';
    // Two frames: the page's own visibility observers see the new scroll position first.
    await bench.frames(2);

    const w = await measureWindow<LabSample>(browser, page, {
      views: 'weights',
      selector: root,
      seconds,
      sample: () => bench.sample(c.kind),
    });
    const { start, end } = w;
    const dt = (end.now - start.now) / 1000;
    const stepsPerSecond = (end.step - start.step) / dt;
    const weights = viewResults(c.kind, w.startViews, w.endViews, w.seconds, 'data-version');
    const others = frameViewResults(
      c.kind,
      start,
      end,
      dt,
      w.endViews.map((v) => v.name),
    );
    const result: Omit<LabResult, 'checks'> = {
      bench: 'browser-lab',
      lab: c.kind,
      path: `/${path}`,
      backend: /backend (\w+)/.exec(end.status)?.[1] ?? '?',
      speed: speedLabel(speed),
      position,
      viewToReadyMs: cold.ready,
      viewToFirstStepMs: cold.ms,
      trainToFirstStepMs: warm.ms,
      stepsPerSecond,
      samplesPerSecond: stepsPerSecond * start.batch,
      epochsPerSecond: (end.epoch - start.epoch) / dt,
      medianFps: w.stats.medianFps,
      longestTaskMs: w.stats.longestTaskMs,
      longestTaskCpuMs: w.longestTaskCpuMs,
      tasksOver50Ms: w.stats.tasksOver50Ms,
      labWidth: end.width,
      labHeight: end.height,
      loadAverage: w.loadAverage,
      loadAverageEnd: w.loadAverageEnd,
      seconds: dt,
      stateAtEnd: end.state,
      note: c.note,
      views: [...weights, ...others],
    };
    return { ...result, checks: labChecks(result, c, VIEWPORT.height) };
  } finally {
    await context.close();
  }
}
