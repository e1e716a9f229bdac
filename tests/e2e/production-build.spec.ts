// The production build (dist/, `npm run build`) holds the course only; the fixture pages under
// /testes/ exist in the test build (dist-test/, `npm run build:test`) that the other specs serve.
// Read from disk: both builds must exist (npm test makes both).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { TEST_PAGES } from '../../src/build/test-pages.ts';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

function build(dir: string): string {
  expect(
    existsSync(join(dir, 'index.html')),
    `${dir}/ missing: run npm run build and build:test`,
  ).toBe(true);
  return dir;
}

/** The URLs Pagefind indexed: each fragment is gzipped "pagefind_dcd" + JSON with the page's url. */
function indexedUrls(dir: string): string[] {
  return files(join(dir, 'pagefind', 'fragment')).map((file) => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
}

/** The page URLs the sitemap lists (sitemap-index.xml points at sitemap-0.xml, …). */
function sitemapUrls(dir: string): string[] {
  const index = readFileSync(join(dir, 'sitemap-index.xml'), 'utf8');
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (m) => new URL(m[1] ?? '').pathname,
  );
  return parts.flatMap((part) => {
    const xml = readFileSync(join(dir, part.split('/').pop() ?? ''), 'utf8');
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  });
}

test('the test build has the fixture pages, in its sitemap too', () => {
  const dir = build('dist-test');
  for (const name of TEST_PAGES)
    expect(existsSync(join(dir, 'testes', name, 'index.html')), name).toBe(true);
  expect(sitemapUrls(dir).filter((url) => url.includes('/testes/'))).toHaveLength(
    TEST_PAGES.length,
  );
});

test('the production sitemap lists the lessons and no test page, and not the answer key', () => {
  const urls = sitemapUrls(build('dist'));
  expect(urls.some((url) => url.endsWith('/camadas-densas/'))).toBe(true);
  expect(urls.filter((url) => url.includes('/testes/'))).toEqual([]);
  expect(urls.filter((url) => url.endsWith('/gabarito/'))).toEqual([]);
  const answerKey = readFileSync(join(build('dist'), 'gabarito', 'index.html'), 'utf8');
  expect(answerKey).toMatch(/<meta name="robots" content="noindex"/);
});

test('the production build has no test route, no link to one and no test page in search', () => {
  const dir = build('dist');
  expect(existsSync(join(dir, 'testes'))).toBe(false);
  const linking = files(dir)
    .filter((file) => /\.(html|xml|json)$/.test(file))
    .filter((file) => /["'>][^"'<>\s]*\/testes\//.test(readFileSync(file, 'utf8')));
  expect(linking).toEqual([]);
  const urls = indexedUrls(dir);
  expect(urls.length).toBeGreaterThan(5);
  expect(urls.filter((url) => url.includes('/testes/'))).toEqual([]);
});
