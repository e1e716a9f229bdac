// JS a reader's browser fetches per page before touching anything: every script loaded while the page
// settles (network idle, then a quiet second, so idle-time loads like Starlight's search UI count),
// with no scrolling, so labs below the fold stay unloaded. Sizes are gzip -9 of each body.
// Budget: 35 KB gzip per page (the service worker registration included). Then the offline bundle:
// what the service worker precaches and what it caches on first use (dist/offline.json).
// Usage: npm run bench:size [-- --json]   (serves the built dist/)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/chromium.ts';
import { serveStatic } from '../../scripts/serve-dist.ts';
import type { OfflineList } from '../../src/build/offline-bundle.ts';

const budgetKb = 35;
const dist = resolve('dist');

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // Test pages (/testes/) put every widget in view at once: not reader pages.
    if (statSync(path).isDirectory())
      return ['pagefind', 'testes'].includes(name) ? [] : pages(path);
    return name === 'index.html' ? [relative(dist, dir).replace(/([^/])$/, '$1/')] : [];
  });
}

interface Row {
  bench: 'size';
  page: string;
  scripts: number;
  gzipBytes: number;
  largest: string;
  budgetKb: number;
  withinBudget: boolean;
}

const server = await serveStatic(dist);
const executablePath = findChromium();
const browser = await chromium.launch({
  args: chromiumArgs,
  ...(executablePath ? { executablePath } : {}),
});
const rows: Row[] = [];
try {
  for (const path of pages(dist).sort()) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const scripts = new Map<string, number>();
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      void response.body().then(
        (body) => scripts.set(response.url(), gzipSync(body, { level: 9 }).length),
        () => undefined,
      );
    });
    await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
    await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
    await page.waitForLoadState('networkidle');
    const sizes = [...scripts.entries()].sort((a, b) => b[1] - a[1]);
    const gzipBytes = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
    rows.push({
      bench: 'size',
      page: `/${path}`,
      scripts: sizes.length,
      gzipBytes,
      largest: sizes[0] ? (new URL(sizes[0][0]).pathname.split('/').pop() ?? '') : '',
      budgetKb,
      withinBudget: gzipBytes <= budgetKb * 1024,
    });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const offline = JSON.parse(readFileSync(join(dist, 'offline.json'), 'utf8')) as OfflineList;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const offlineRow = {
  bench: 'size-offline',
  precacheFiles: offline.precache.count,
  precacheBytes: offline.precache.bytes,
  heavy: offline.heavy,
  heavyBytes: offline.totalBytes - offline.precache.bytes,
  totalBytes: offline.totalBytes,
};

if (process.argv.includes('--json')) {
  for (const row of rows) console.log(JSON.stringify(row));
  console.log(JSON.stringify(offlineRow));
} else {
  console.log(`JS fetched before any interaction (gzip), budget ${budgetKb} KB per page`);
  console.table(
    rows.map((r) => ({
      page: r.page,
      scripts: r.scripts,
      'KB gzip': (r.gzipBytes / 1024).toFixed(1),
      largest: r.largest,
      budget: r.withinBudget ? 'ok' : 'OVER',
    })),
  );
  console.log('\nOffline bundle (everything Baixar o curso stores; dist/offline.json)');
  console.table([
    {
      part: `precached at install (${offline.precache.count} files)`,
      MB: mb(offline.precache.bytes),
    },
    ...offline.heavy.map((file) => ({ part: `first use: ${file.url}`, MB: mb(file.bytes) })),
    { part: 'total', MB: mb(offline.totalBytes) },
  ]);
}
