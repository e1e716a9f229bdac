// Soak: does anything grow while a reader keeps going? Each training lab trains for N minutes on
// the lesson page that embeds it (Velocidade máxima, weights unfolded, Reiniciar + Treinar again
// whenever a run ends), then one cell with compile + fit (Adam) is rerun R times. At the end of the
// warm-up, in the middle and at the end, everything is garbage-collected and read: the page's JS
// heap, the worker's JS heap, the worker's wasm memory and tf.memory() (tensors, bytes). Growth is
// from the warm-up reading (a fifth of the time, or 50 reruns) to the end; the target is flat: ≤ 5 %
// for each, and no more tensors.
// Usage: npm run bench:soak [-- --minutes 10] [-- --reruns 200] [-- --only dense,lstm] [-- --json]
import { resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Locator, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/chromium.ts';
import { serveStatic } from '../../scripts/serve-dist.ts';
import { labPages } from './browser-pages.ts';
import { tfMemory, WorkerSession } from './soak-probe.ts';
import {
  growthOf,
  isFlat,
  print,
  type Failure,
  type Reading,
  type SoakResult,
} from './soak-results.ts';
import { flagValue } from './args.ts';

const LABS = ['dense', 'sgd', 'conv2d', 'lstm', 'conv1d'] as const;
const VIEWPORT = { width: 1280, height: 900 } as const;
const TIMEOUT_MS = 90_000;

/** The cell the notebook part reruns: a model built, compiled with Adam and fitted, every run. */
const FIT_CELL = `const soak = tf.sequential({
  layers: [
    tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu' }),
    tf.layers.dense({ units: 1 }),
  ],
});
soak.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
const xs = tf.randomNormal([64, 4], 0, 1, 'float32', 7);
const ys = xs.sum(1, true);
const fitted = await soak.fit(xs, ys, { epochs: 3, batchSize: 16, verbose: 0 });
fitted.history.loss.at(-1);`;

interface Options {
  minutes: number;
  reruns: number;
  only: string[] | null;
  json: boolean;
}

function parseArgs(args: readonly string[]): Options {
  const value = (flag: string): string | null => flagValue(args, flag);
  const minutes = Number(value('--minutes') ?? 10);
  const reruns = Number(value('--reruns') ?? 200);
  if (!(minutes > 0)) throw new Error('--minutes must be a positive number');
  if (!(Number.isInteger(reruns) && reruns >= 60)) throw new Error('--reruns must be ≥ 60');
  const only = value('--only')?.split(',').filter(Boolean) ?? null;
  const known = [...LABS, 'notebook'];
  const unknown = only?.filter((k) => !known.includes(k)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(', ')}; known: ${known}`);
  return { minutes, reruns, only, json: args.includes('--json') };
}

async function read(
  page: Page,
  pageCdp: CDPSession,
  worker: WorkerSession,
  workerUrl: string,
  at: string,
  progress: number,
  restarts = 0,
): Promise<Reading> {
  await pageCdp.send('HeapProfiler.collectGarbage');
  await worker.send('HeapProfiler.collectGarbage');
  const metrics = await pageCdp.send('Performance.getMetrics');
  const pageHeap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const { usedSize } = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
  const tf = await tfMemory(page, workerUrl);
  return {
    at,
    progress,
    restarts,
    pageHeap,
    workerHeap: usedSize,
    wasmBytes: tf.wasm,
    tensors: tf.tensors,
    tensorBytes: tf.bytes,
  };
}

const stateOf = (lab: Locator): Promise<string | null> => lab.getAttribute('data-state');
const stepOf = async (lab: Locator): Promise<number> => Number(await lab.getAttribute('data-step'));

async function openPage(
  browser: Browser,
  url: string,
): Promise<{ page: Page; pageCdp: CDPSession; close(): Promise<void> }> {
  // No service worker: its install precaches the whole course (~11 MB) alongside what is measured.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  const pageCdp = await context.newCDPSession(page);
  await pageCdp.send('Performance.enable');
  await page.goto(url);
  return { page, pageCdp, close: () => context.close() };
}

/** Pausar and wait until the worker has stopped stepping (the state says paused or done). */
async function pause(lab: Locator): Promise<void> {
  if ((await stateOf(lab)) === 'training') await lab.locator('[data-action="pause"]').click();
  await lab
    .page()
    .waitForFunction(
      (el) => (el as HTMLElement).dataset['state'] !== 'training',
      await lab.elementHandle(),
      { timeout: TIMEOUT_MS },
    );
}

async function soakLab(
  browser: Browser,
  cdp: CDPSession,
  baseUrl: string,
  kind: string,
  path: string,
  minutes: number,
): Promise<SoakResult> {
  const { page, pageCdp, close } = await openPage(browser, `${baseUrl}${path}`);
  try {
    const lab = page.locator(`[data-lab="${kind}"]`);
    await lab.scrollIntoViewIfNeeded();
    await lab.and(page.locator('[data-lab-ready]')).waitFor({ timeout: TIMEOUT_MS });
    // As a reader who looks at everything: the folded weights open, the lab at the top.
    for (const fold of await lab.locator('details.lab-fold:not([open]) > summary').all())
      await fold.click();
    const slider = lab.getByRole('slider', { name: 'Velocidade', exact: true });
    await slider.focus();
    await slider.press('End');
    await lab.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const workerUrl = kind === 'sgd' ? 'sgd.worker' : 'trainer.worker';
    const worker = await WorkerSession.attach(cdp, workerUrl);

    const total = minutes * 60_000;
    // The first fifth warms up: JIT, and the bounded buffers (loss curves keep up to 800 points)
    // filling to their bound; growth after that is what counts.
    const warmUp = Math.max(Math.min(30_000, total / 2), total * 0.2);
    const marks = [
      { at: 'warm-up', time: warmUp },
      { at: 'middle', time: warmUp + (total - warmUp) / 2 },
      { at: 'end', time: total },
    ];
    const readings: Reading[] = [];
    let steps = 0;
    let lastStep = 0;
    let restarts = 0;
    const start = Date.now();
    await lab.locator('[data-action="train"]').click();
    for (const m of marks) {
      while (Date.now() - start < m.time) {
        await page.waitForTimeout(1000);
        const now = await stepOf(lab);
        steps += Math.max(0, now - lastStep);
        lastStep = now;
        const state = await stateOf(lab);
        if (state === 'error') throw new Error(`${kind}: the lab stopped with an error`);
        if (state === 'done') {
          // A run ended: start over as a reader would, a fresh model on the same page.
          await lab.locator('[data-action="reset"]').click();
          await page.waitForFunction(
            (el) => (el as HTMLElement).dataset['state'] === 'idle',
            await lab.elementHandle(),
            { timeout: TIMEOUT_MS },
          );
          lastStep = 0;
          restarts++;
          await lab.locator('[data-action="train"]').click();
        }
      }
      await pause(lab);
      const now = await stepOf(lab);
      steps += Math.max(0, now - lastStep);
      lastStep = now;
      readings.push(await read(page, pageCdp, worker, workerUrl, m.at, steps, restarts));
      if (m.at !== 'end') await lab.locator('[data-action="train"]').click();
    }
    const growth = growthOf(readings);
    return {
      bench: 'soak',
      name: kind,
      path: `/${path}`,
      unit: 'passos',
      readings,
      growth,
      flat: isFlat(growth),
    };
  } finally {
    await close();
  }
}

async function soakNotebook(
  browser: Browser,
  cdp: CDPSession,
  baseUrl: string,
  path: string,
  reruns: number,
): Promise<SoakResult> {
  const { page, pageCdp, close } = await openPage(browser, `${baseUrl}${path}`);
  try {
    const cell = page.locator('[data-cell]').first();
    await cell.locator('[data-cell-source]').click();
    const editor = cell.locator('.cm-content');
    await editor.waitFor({ timeout: TIMEOUT_MS });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(FIT_CELL);
    const run = async (): Promise<void> => {
      const runs = Number((await cell.getAttribute('data-run-count')) ?? '0');
      await cell.getByRole('button', { name: 'Executar', exact: true }).click();
      await page.waitForFunction(
        ({ el, runs }) => Number((el as HTMLElement).dataset['runCount'] ?? '0') > runs,
        { el: await cell.elementHandle(), runs },
        { timeout: TIMEOUT_MS },
      );
      const state = await cell.getAttribute('data-state');
      if (state !== 'ok') {
        const output = await cell.locator('[data-cell-output]').textContent();
        throw new Error(`the fit cell ended ${state}: ${output ?? ''}`);
      }
    };
    // Past the kernel's bounded caches (it remembers the last 32 compiled runs for late errors).
    const warmUp = Math.min(reruns - 2, Math.max(50, Math.round(reruns * 0.2)));
    const marks = [
      { at: 'warm-up', runs: warmUp },
      { at: 'middle', runs: warmUp + Math.round((reruns - warmUp) / 2) },
      { at: 'end', runs: reruns },
    ];
    let done = 0;
    await run();
    done++;
    const worker = await WorkerSession.attach(cdp, 'kernel.worker');
    const readings: Reading[] = [];
    for (const m of marks) {
      while (done < m.runs) {
        await run();
        done++;
      }
      readings.push(await read(page, pageCdp, worker, 'kernel.worker', m.at, done));
    }
    const growth = growthOf(readings);
    return {
      bench: 'soak',
      name: 'notebook',
      path: `/${path}`,
      unit: 'execuções',
      readings,
      growth,
      flat: isFlat(growth),
    };
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dist = resolve(process.env['BENCH_DIST'] ?? 'dist');
  const kinds = LABS.filter((k) => options.only === null || options.only.includes(k));
  const pages = labPages(dist, kinds, false);
  const server = await serveStatic(dist);
  const executablePath = findChromium();
  const browser = await chromium.launch({
    args: chromiumArgs,
    ...(executablePath ? { executablePath } : {}),
  });
  const cdp = await browser.newBrowserCDPSession();
  const results: (SoakResult | Failure)[] = [];
  const failed = (name: string) => (error: unknown) =>
    ({
      bench: 'soak',
      name,
      error: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '',
    }) satisfies Failure;
  try {
    for (const kind of kinds) {
      const path = pages.get(kind) ?? '';
      const r = await soakLab(browser, cdp, server.url, kind, path, options.minutes).catch(
        failed(kind),
      );
      results.push(r);
      if (options.json) console.log(JSON.stringify(r));
    }
    if (options.only === null || options.only.includes('notebook')) {
      // The first lesson page the dense lab is on has cells too; any page with a cell would do.
      const path = pages.get('dense') ?? labPages(dist, ['dense'], false).get('dense') ?? '';
      const r = await soakNotebook(browser, cdp, server.url, path, options.reruns).catch(
        failed('notebook'),
      );
      results.push(r);
      if (options.json) console.log(JSON.stringify(r));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (!options.json) print(results, options);
  if (results.some((r) => 'error' in r || !r.flat)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
