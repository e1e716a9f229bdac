// Viz redraw benchmark: ms to rebuild each lab view at the sizes the labs use (budget ~3 ms for a
// weight heatmap). Node runs Plot against linkedom with a PNG-encoding fake canvas; --browser runs
// the same cases in headless Chromium with a real canvas, inserting each node and forcing layout.
//   npx tsx tests/bench/viz.ts                  table (Node)
//   npx tsx tests/bench/viz.ts --browser        table (Node and Chromium)
//   npx tsx tests/bench/viz.ts --json           one JSON object per line
//   npx tsx tests/bench/viz.ts --ms 200         time budget per case (default 400 ms)
import { fileURLToPath } from 'node:url';
import { createDocument } from '../unit/viz/fake-dom.ts';
import { measureCases, vizCases, type VizTiming } from './viz-cases.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const asJson = args.includes('--json');
const budgetMs = Number(flag('ms') ?? 400);

interface Row extends VizTiming {
  env: 'node' | 'chromium';
}

async function inChromium(): Promise<VizTiming[]> {
  const { build } = await import('esbuild');
  const { chromium } = await import('@playwright/test');
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./viz-browser.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
    );
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    return await page.evaluate(
      (ms) => (globalThis as unknown as { runVizBench(ms: number): VizTiming[] }).runVizBench(ms),
      budgetMs,
    );
  } finally {
    await browser.close();
  }
}

const rows: Row[] = measureCases(vizCases(createDocument()), { budgetMs }).map((r) => ({
  ...r,
  env: 'node',
}));
if (args.includes('--browser')) {
  rows.push(...(await inChromium()).map((r): Row => ({ ...r, env: 'chromium' })));
}

if (asJson) {
  for (const row of rows) console.log(JSON.stringify({ bench: 'viz', ...row }));
} else {
  const fmt = (ms: number) => ms.toFixed(2).padStart(7);
  console.log(
    `${'case'.padEnd(28)}${'size'.padEnd(22)}${'env'.padEnd(10)} median ms   p95 ms  runs`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(28)}${r.size.padEnd(22)}${r.env.padEnd(10)}${fmt(r.medianMs)}  ${fmt(r.p95Ms)}  ${String(r.runs).padStart(4)}`,
    );
  }
}
