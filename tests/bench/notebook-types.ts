// The editor's TypeScript help in headless Chromium, on the test page's `1 + 1` cell: time from
// the first keystroke to the first completion list (cold: fresh context, so the language-service
// worker, TypeScript and the declarations all load; budget ≤ 1.5 s), from a keystroke to its
// completion list once warm (≤ 100 ms), from the last keystroke to finished diagnostics once warm (≤ 300 ms,
// the linter's 150 ms pause included), and the gzip size of what the first edit loads.
// Called by tests/bench/notebook.ts (npm run bench:browser's notebook part).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

const CELL = 3;

export interface TypesSample {
  metric: string;
  values: number[];
  unit: 'ms' | 'KB';
  budget: number | null;
  note: string;
}

/** In-page: the time of the last keydown, and a promise of the moment `test` first holds. */
const HELPERS = `
window.__tsBench = (() => {
  let key = 0;
  document.addEventListener('keydown', () => { key = performance.now(); }, true);
  // NaN after 10 s: a missing answer shows in the table instead of hanging the benchmark.
  const when = (test) => new Promise((resolve) => {
    setTimeout(() => { observer.disconnect(); resolve(NaN); }, 10000);
    const check = () => { if (test()) { observer.disconnect(); resolve(performance.now() - key); return true; } return false; };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return {
    completion: (label) => when(() => [...document.querySelectorAll('.cm-tooltip-autocomplete .cm-completionLabel')].some((e) => e.textContent === label)),
    checked: (cell, after) => when(() => Number(document.querySelectorAll('[data-cell]')[cell]?.querySelector('.cm-editor')?.dataset.typesChecked ?? '0') > after),
    checks: (cell) => Number(document.querySelectorAll('[data-cell]')[cell]?.querySelector('.cm-editor')?.dataset.typesChecked ?? '0'),
  };
})();
`;

type Wait = { kind: 'completion'; label: string } | { kind: 'checked'; after: number };

interface Bench {
  completion(label: string): Promise<number>;
  checked(cell: number, after: number): Promise<number>;
  checks(cell: number): number;
}

/** Starts waiting in the page, then acts; resolves with the in-page time from the last keydown. */
async function timed(page: Page, wait: Wait, act: () => Promise<void>): Promise<number> {
  const handle = await page.evaluateHandle(
    ([w, cell]) => {
      const bench = (window as unknown as { __tsBench: Bench }).__tsBench;
      const promise =
        w.kind === 'completion' ? bench.completion(w.label) : bench.checked(cell, w.after);
      return { promise };
    },
    [wait, CELL] as const,
  );
  await act();
  return page.evaluate((h) => h.promise, handle);
}

const checks = (page: Page) =>
  page.evaluate((c) => (window as unknown as { __tsBench: Bench }).__tsBench.checks(c), CELL);

const TENSOR2D: Wait = { kind: 'completion', label: 'tensor2d' };

async function focusEnd(page: Page): Promise<void> {
  const cell = page.locator('[data-cell]').nth(CELL);
  await cell.locator('[data-cell-source]').click();
  await cell.locator('.cm-content').waitFor();
  await cell.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
}

function gzipKb(path: string): number {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? bytes.length : gzipSync(bytes, { level: 9 }).length) / 1024;
}

export async function benchTypes(
  browser: Browser,
  url: string,
  dist: string,
  runs: number,
): Promise<TypesSample[]> {
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    await context.addInitScript({ content: HELPERS });
    const page = await context.newPage();
    await page.goto(url);
    await focusEnd(page);
    await page.keyboard.press('Enter');
    cold.push(await timed(page, TENSOR2D, () => page.keyboard.type('tf.tens')));
    await context.close();
  }

  const context = await browser.newContext();
  await context.addInitScript({ content: HELPERS });
  const page = await context.newPage();
  const warmCompletion: number[] = [];
  const warmDiagnostics: number[] = [];
  try {
    await page.goto(url);
    await focusEnd(page);
    await page.keyboard.press('Enter');
    await timed(page, TENSOR2D, () => page.keyboard.type('tf.tens'));
    await page.keyboard.press('Escape');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace'); // back to `tf.`
    // With the list closed, each `t` after `tf.` is a new question to the language service (the
    // `t…` members include tensor2d among the options drawn; all of `tf.` are too many to draw).
    for (let i = 0; i < runs + 3; i++) {
      await page.waitForTimeout(400); // the linter of the last edit has run
      const t = await timed(page, TENSOR2D, () => page.keyboard.type('t'));
      if (i >= 3) warmCompletion.push(t);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Backspace');
    }
    await page.keyboard.press('Backspace'); // `tf`
    await page.waitForTimeout(400);
    for (let i = 0; i < runs + 3; i++) {
      const after = await checks(page);
      // `tf` ↔ `tfx`: each keystroke changes the answer (an unknown name, then none).
      const key = i % 2 === 0 ? 'x' : 'Backspace';
      const t = await timed(page, { kind: 'checked', after }, () => page.keyboard.press(key));
      if (i >= 3) warmDiagnostics.push(t);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
    }
  } finally {
    await context.close();
  }

  const assets = join(dist, '_astro');
  const worker = readdirSync(assets).filter((f) => /^ls\.worker-.*\.js$/.test(f));
  const workerKb = worker.reduce((sum, f) => sum + gzipKb(join(assets, f)), 0);
  const envPath = join(dist, 'data', 'ts-env.json.gz');
  const envKb = gzipKb(envPath);
  const envRawKb = statSync(envPath).size / 1024;
  return [
    {
      metric: 'types cold: first keystroke → completion',
      values: cold,
      unit: 'ms',
      budget: 1500,
      note: 'fresh context: LS worker + declarations load on the first edit',
    },
    {
      metric: 'types warm: keystroke → completion',
      values: warmCompletion,
      unit: 'ms',
      budget: 100,
      note: '`tf.t`: a new question to the warm language service',
    },
    {
      metric: 'types warm: keystroke → diagnostics',
      values: warmDiagnostics,
      unit: 'ms',
      budget: 300,
      note: 'includes the linter’s 150 ms pause after typing stops',
    },
    {
      metric: 'LS worker JS (gzip)',
      values: [workerKb],
      unit: 'KB',
      budget: null,
      note: 'TypeScript + service, loaded on the first edit only',
    },
    {
      metric: 'LS declarations (gzip)',
      values: [envKb || envRawKb],
      unit: 'KB',
      budget: null,
      note: 'ts-env.json.gz: lib, tfjs, anatomia d.ts + pt-BR messages',
    },
  ];
}
