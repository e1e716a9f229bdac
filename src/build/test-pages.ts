// Test fixtures are not part of the course: the pages in tests/pages/ (every lab on one page, the
// notebook's cells) exist only in the test build, `npm run build:test`, which sets
// ANATOMIA_TEST_PAGES=1 and writes to dist-test/. `npm run build` (dist/) holds the course only, so the
// fixtures never reach readers, Pagefind or the sitemap.
import type { AstroIntegration } from 'astro';

/** The fixture routes, served at /testes/<name>/ in the test build. */
export const TEST_PAGES = ['laboratorios', 'notebook'] as const;

/** True when this build is the test build (fixtures included, output in dist-test/). */
export function isTestBuild(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['ANATOMIA_TEST_PAGES'] === '1';
}

/** Adds the fixture routes when `enabled`; nothing otherwise. */
export function testPages(enabled: boolean): AstroIntegration {
  return {
    name: 'anatomia:test-pages',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (!enabled) return;
        for (const name of TEST_PAGES)
          injectRoute({ pattern: `/testes/${name}`, entrypoint: `./tests/pages/${name}.astro` });
      },
    },
  };
}
