// Where the e2e tests and benchmarks find Chromium. Playwright cannot download browsers on this kind
// of machine, so Debian's /usr/bin/chromium is the usual answer.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const debianChromium = '/usr/bin/chromium';

/** CHROMIUM_PATH, else Debian's Chromium, else Playwright's own download; undefined when none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  if (existsSync(debianChromium)) return debianChromium;
  try {
    const bundled = chromium.executablePath();
    if (existsSync(bundled)) return bundled;
  } catch {
    // Playwright throws when it has no browser of its own; fall through.
  }
  return undefined;
}

/** Flags that keep a root, headless, offline Chromium quiet and working. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];
