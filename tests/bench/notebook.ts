// The notebook in headless Chromium, on the built test page /testes/notebook/: cold time to first
// output (a fresh browser context: controller, worker, tfjs and wasm all load), warm rerun latency of
// a trivial cell (`1 + 1`) from click and from Ctrl+Enter to its output (budget ≤ 50 ms median),
// Parar on an infinite loop until the cell reports it (budget ≤ 2 s) and until the new kernel is
// ready, and the JS the page fetched before any interaction vs what the first run loads (gzip).
// Usage: npx tsx tests/bench/notebook.ts [--json] [--runs 30]   (reads the test build dist-test/, or BENCH_DIST)
// Also called by tests/bench/browser.ts (npm run bench:browser) through benchNotebook().
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/chromium.ts';
import { serveStatic } from '../../scripts/serve-dist.ts';

const PATH = 'testes/notebook/';
const TRIVIAL = 3; // the `1 + 1` cell
const SCRATCH = 4;

interface Result {
  bench: 'notebook';
  metric: string;
  median: number;
  p90: number;
  min: number;
  n: number;
  unit: 'ms' | 'KB';
  budget: number | null;
  withinBudget: boolean | null;
  note: string;
}

/**
 * In-page timing, installed before page scripts as plain JavaScript (see browser.ts for why):
 * from a click or a key on a cell to the first output node after the reset, and to data-run-count
 * growing (the run finished), with a MutationObserver, no polling.
 */
const PAGE_HELPERS = `
(() => {
  const cellAt = (i) => document.querySelectorAll('[data-cell]')[i];
  const until = (node, options, test) => new Promise((resolve) => {
    if (test()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (test()) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(node, options);
  });
  window.__nbBench = {
    async rerun(i, how) {
      const cell = cellAt(i);
      const output = cell.querySelector('[data-cell-output]');
      const runs = Number(cell.dataset.runCount || '0');
      let reset = false;
      const shown = until(output, { childList: true, subtree: true, characterData: true }, () => {
        if (output.childElementCount === 0) reset = true;
        return reset && output.childElementCount > 0;
      });
      const finished = until(cell, { attributes: true }, () => Number(cell.dataset.runCount || '0') > runs);
      const start = performance.now();
      if (how === 'key') {
        cell.querySelector('.cm-content').dispatchEvent(new KeyboardEvent('keydown', {
          key: 'Enter', code: 'Enter', keyCode: 13, ctrlKey: true, bubbles: true, cancelable: true,
        }));
      } else {
        cell.querySelector('[data-action="run"]').click();
      }
      const [outputAt, doneAt] = await Promise.all([shown, finished]);
      return { output: outputAt - start, done: doneAt - start, text: output.textContent };
    },
    async stop(i) {
      const cell = cellAt(i);
      const bar = document.querySelector('[data-notebook-bar]');
      const start = performance.now();
      const stopped = until(cell, { attributes: true }, () => cell.dataset.state === 'error');
      const ready = until(bar, { attributes: true }, () => bar.dataset.kernelState === 'idle');
      cell.querySelector('[data-action="stop"]').click();
      const [stoppedAt, readyAt] = await Promise.all([stopped, ready]);
      return { stopped: stoppedAt - start, ready: readyAt - start };
    },
  };
})();
`;

interface Timing {
  output: number;
  done: number;
  text: string;
}

function stats(values: number[]): { median: number; p90: number; min: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p90: at(0.9), min: sorted[0] ?? NaN, n: sorted.length };
}

function result(
  metric: string,
  values: number[],
  unit: Result['unit'],
  budget: number | null,
  note: string,
): Result {
  const s = stats(values);
  return {
    bench: 'notebook',
    metric,
    ...s,
    unit,
    budget,
    withinBudget: budget === null ? null : s.median <= budget,
    note,
  };
}

async function openPage(
  browser: Browser,
  url: string,
): Promise<{ page: Page; close(): Promise<void> }> {
  // No service worker: its install precaches the whole course (~11 MB) alongside what is measured.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript({ content: PAGE_HELPERS });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-notebook-bar]').waitFor();
  return { page, close: () => context.close() };
}

const rerun = (page: Page, index: number, how: 'click' | 'key') =>
  page.evaluate(
    ([i, h]) =>
      (
        window as unknown as { __nbBench: { rerun(i: number, h: string): Promise<Timing> } }
      ).__nbBench.rerun(i, h),
    [index, how] as const,
  );

/** Gzip size of the same-origin JS files a page fetched so far, read from dist. */
async function fetchedJsKb(
  page: Page,
  dist: string,
  baseUrl: string,
): Promise<{ kb: number; files: string[] }> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => /\.m?js(\?|$)/.test(name)),
  );
  const files = urls
    .filter((u) => u.startsWith(baseUrl))
    .map((u) => u.slice(baseUrl.length).split('?')[0] ?? '');
  let bytes = 0;
  for (const file of files) {
    const path = resolve(dist, file);
    if (existsSync(path)) bytes += gzipSync(readFileSync(path), { level: 9 }).length;
  }
  return { kb: bytes / 1024, files };
}

export async function benchNotebook(ctx: {
  browser: Browser;
  baseUrl: string;
  json: boolean;
  dist?: string;
  runs?: number;
}): Promise<Result[]> {
  const { browser, baseUrl, json } = ctx;
  const dist = ctx.dist ?? resolve(process.env['BENCH_DIST'] ?? 'dist-test');
  const runs = ctx.runs ?? 30;
  const url = `${baseUrl}${PATH}`;
  const results: Result[] = [];

  // Cold: each sample in a fresh context (empty cache), first click on a trivial cell.
  const cold: number[] = [];
  const pageJs: number[] = [];
  const firstRunJs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { page, close } = await openPage(browser, url);
    await page.waitForLoadState('networkidle');
    pageJs.push((await fetchedJsKb(page, dist, baseUrl)).kb);
    const timing = await rerun(page, TRIVIAL, 'click');
    if (timing.text !== '2') throw new Error(`cold run showed "${timing.text}", expected "2"`);
    cold.push(timing.output);
    await page.waitForLoadState('networkidle');
    // The worker's script is fetched by the page, so it is in the page's resource timing too.
    const after = (await fetchedJsKb(page, dist, baseUrl)).kb;
    firstRunJs.push(after - (pageJs[pageJs.length - 1] ?? 0));
    await close();
  }
  results.push(
    result(
      'page JS before interaction (gzip)',
      pageJs,
      'KB',
      35,
      'scripts fetched by /testes/notebook/ before any click',
    ),
  );
  results.push(
    result(
      'JS fetched by the first run (gzip)',
      firstRunJs,
      'KB',
      null,
      'controller + renderers + kernel worker (tfjs, sucrase, acorn)',
    ),
  );
  results.push(
    result(
      'cold: click → first output',
      cold,
      'ms',
      null,
      'fresh context: controller, worker, tfjs + wasm start, compile, run',
    ),
  );

  // Warm: one page, kernel started, the same trivial cell rerun many times.
  const { page, close } = await openPage(browser, url);
  try {
    await rerun(page, TRIVIAL, 'click');
    for (let i = 0; i < 5; i++) await rerun(page, TRIVIAL, 'click'); // JIT warm-up
    const clickOutput: number[] = [];
    const clickDone: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = await rerun(page, TRIVIAL, 'click');
      clickOutput.push(t.output);
      clickDone.push(t.done);
    }
    results.push(
      result('warm rerun: click → output', clickOutput, 'ms', 50, '`1 + 1`, kernel warm'),
    );
    results.push(
      result('warm rerun: click → state ok', clickDone, 'ms', null, 'includes the done message'),
    );

    await page.locator('[data-cell]').nth(TRIVIAL).locator('[data-cell-source]').click();
    await page.locator('[data-cell]').nth(TRIVIAL).locator('.cm-content').waitFor();
    const keyOutput: number[] = [];
    for (let i = 0; i < runs; i++) keyOutput.push((await rerun(page, TRIVIAL, 'key')).output);
    results.push(
      result('warm rerun: Ctrl+Enter → output', keyOutput, 'ms', 50, 'keypress in CodeMirror'),
    );

    // Parar on an infinite loop: until the cell says so, and until the new kernel is ready.
    const stopped: number[] = [];
    const ready: number[] = [];
    const scratch = page.locator('[data-cell]').nth(SCRATCH);
    await scratch.locator('[data-cell-source]').click();
    await scratch.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('while (true) {}');
    for (let i = 0; i < 3; i++) {
      await scratch.getByRole('button', { name: 'Executar' }).click();
      await page.waitForFunction(
        (i) =>
          document.querySelectorAll<HTMLElement>('[data-cell]')[i]?.dataset['state'] ===
            'running' &&
          document.querySelector<HTMLElement>('[data-notebook-bar]')?.dataset['kernelState'] ===
            'busy',
        SCRATCH,
      );
      const t = await page.evaluate(
        (i) =>
          (
            window as unknown as {
              __nbBench: { stop(i: number): Promise<{ stopped: number; ready: number }> };
            }
          ).__nbBench.stop(i),
        SCRATCH,
      );
      stopped.push(t.stopped);
      ready.push(t.ready);
    }
    results.push(
      result(
        'Parar an infinite loop → cell stopped',
        stopped,
        'ms',
        2000,
        'no answer to the interrupt in 250 ms: the worker is terminated',
      ),
    );
    results.push(
      result(
        'Parar → new kernel ready',
        ready,
        'ms',
        null,
        'new worker + tfjs + wasm (from cache)',
      ),
    );
  } finally {
    await close();
  }

  if (json) for (const r of results) console.log(JSON.stringify(r));
  else printTable(results);
  return results;
}

function printTable(results: Result[]): void {
  const f = (n: number) =>
    Number.isFinite(n) ? n.toLocaleString('pt-BR', { maximumFractionDigits: 1 }) : '—';
  console.log('Notebook in headless Chromium (/testes/notebook/)');
  const rows = [
    ['medida', 'mediana', 'p90', 'mín', 'n', 'orçamento', ''],
    ...results.map((r) => [
      r.metric,
      `${f(r.median)} ${r.unit}`,
      `${f(r.p90)} ${r.unit}`,
      `${f(r.min)} ${r.unit}`,
      String(r.n),
      r.budget === null ? '' : `≤ ${f(r.budget)} ${r.unit}`,
      r.withinBudget === null ? '' : r.withinBudget ? '✓' : '✗',
    ]),
  ];
  const widths =
    rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 30;
  const dist = resolve(process.env['BENCH_DIST'] ?? 'dist-test');
  if (!existsSync(resolve(dist, PATH, 'index.html'))) {
    throw new Error(`${dist}/${PATH} missing: run npm run build:test first`);
  }
  const server = await serveStatic(dist);
  const executablePath = findChromium();
  const browser = await chromium.launch({
    args: chromiumArgs,
    ...(executablePath ? { executablePath } : {}),
  });
  try {
    await benchNotebook({ browser, baseUrl: server.url, json, dist, runs });
  } finally {
    await browser.close();
    await server.close();
  }
}

// Run as a script (not when imported by browser.ts).
if (
  process.argv[1] !== undefined &&
  resolve(process.argv[1]) === resolve('tests/bench/notebook.ts')
) {
  await main();
}
