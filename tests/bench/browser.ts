// The labs in headless Chromium at 1280×900, each on the lesson page that embeds it, measured as a
// reader feels them: view → first step (budget ≤ 1 s) and Treinar → first step; at maximum
// Velocidade, steps/s, samples/s and epochs/s; median fps and the longest main-thread task by the
// wall clock and by CPU; the lab's size; and every view on its own — each weight view's redraws/s
// (data-version), whether it was on screen, its size, and the lab's other views from its frame loop.
// With --peer-playground, TF Playground measured the same way beside the Dense lab. Then, when
// tests/bench/notebook.ts exists and --only is not given, the notebook's part of the benchmark.
// Usage: npm run bench:browser [-- --json] [-- --seconds 6] [-- --only dense,conv2d]
//        [-- --fixture] (the test page /testes/laboratorios/ instead of lesson pages)
//        [-- --peer-playground /tmp/playground/dist] (see peer-playground.ts to build it)
import { flagValue } from './args.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/chromium.ts';
import { serveStatic } from '../../scripts/serve-dist.ts';
import { measureLab } from './browser-lab.ts';
import { labPages } from './browser-pages.ts';
import { printLabs, printPeer } from './browser-report.ts';
import {
  LAB_CASES,
  type Failure,
  type LabResult,
  type PeerResult,
  type ViewResult,
} from './browser-results.ts';
import { assertPlaygroundBuild, measurePlayground } from './peer-playground.ts';

interface Options {
  json: boolean;
  seconds: number;
  only: string[] | null;
  fixture: boolean;
  peerPlayground: string | null;
}

function parseArgs(args: readonly string[]): Options {
  const value = (flag: string): string | null => flagValue(args, flag);
  const seconds = Number(value('--seconds') ?? 6);
  if (!(seconds > 0)) throw new Error('--seconds must be a positive number');
  const only = value('--only')?.split(',').filter(Boolean) ?? null;
  const unknown = only?.filter((kind) => !LAB_CASES.some((c) => c.kind === kind)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `--only: unknown lab(s) ${unknown.join(', ')}; known: ${LAB_CASES.map((c) => c.kind).join(', ')}`,
    );
  }
  return {
    json: args.includes('--json'),
    seconds,
    only,
    fixture: args.includes('--fixture'),
    peerPlayground: value('--peer-playground'),
  };
}

const errorText = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** One JSON line per measurement: the lab (or peer) itself, then each of its views. */
function printJson(r: LabResult | PeerResult | Failure): void {
  if ('error' in r) {
    console.log(JSON.stringify(r));
    return;
  }
  const { views, ...rest } = r;
  console.log(JSON.stringify(rest));
  for (const v of views as ViewResult[]) console.log(JSON.stringify(v));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dist = resolve(process.env['BENCH_DIST'] ?? 'dist');
  const cases = LAB_CASES.filter((c) => !options.only || options.only.includes(c.kind));
  const pages = labPages(
    dist,
    cases.map((c) => c.kind),
    options.fixture,
  );
  // Fail before the labs run, not after, when the peer was asked for and is not built.
  if (options.peerPlayground !== null) assertPlaygroundBuild(options.peerPlayground);

  const server = await serveStatic(dist);
  const executablePath = findChromium();
  const browser: Browser = await chromium.launch({
    args: chromiumArgs,
    ...(executablePath ? { executablePath } : {}),
  });
  const labs: (LabResult | Failure)[] = [];
  try {
    for (const c of cases) {
      const path = pages.get(c.kind) ?? '';
      const r = await measureLab(browser, server.url, path, c, options.seconds).catch(
        (error: unknown): Failure => ({
          bench: 'browser-lab',
          lab: c.kind,
          path: `/${path}`,
          error: errorText(error),
        }),
      );
      labs.push(r);
      if (options.json) printJson(r);
    }
    if (!options.json) printLabs(labs, options.seconds);
    if (options.peerPlayground !== null) {
      const peer = await measurePlayground(browser, options.peerPlayground, options.seconds).catch(
        (error: unknown): Failure => ({
          bench: 'browser-peer',
          lab: 'tf-playground',
          path: options.peerPlayground ?? '',
          error: errorText(error),
        }),
      );
      if (options.json) printJson(peer);
      else
        printPeer(
          peer,
          labs.find((r) => r.lab === 'dense'),
        );
      if ('error' in peer) process.exitCode = 1;
    }
    if (labs.some((r) => 'error' in r)) process.exitCode = 1;
    const notebook = resolve('tests/bench/notebook.ts');
    if (existsSync(notebook) && !options.only) {
      // The notebook helper's bench: called in-process when it exports benchNotebook, so it shares
      // this browser and server; otherwise it runs on its own as a script.
      const mod = (await import(notebook)) as {
        benchNotebook?: (ctx: {
          browser: Browser;
          baseUrl: string;
          json: boolean;
          dist: string;
        }) => Promise<unknown>;
      };
      if (mod.benchNotebook) {
        if (!options.json) console.log('');
        await mod.benchNotebook({ browser, baseUrl: server.url, json: options.json, dist });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
