// The offline integration: registers the service worker from every page (src/offline/register.ts)
// and, once the site is built, writes sw.js and offline.json into it (offline-bundle.ts).
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeOfflineBundle } from './offline-bundle.ts';

export function offline(): AstroIntegration {
  return {
    name: 'anatomia:offline',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'build') injectScript('page', "import '/src/offline/register.ts';");
      },
      'astro:build:done': async ({ dir, logger }) => {
        const list = await writeOfflineBundle(fileURLToPath(dir));
        const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
        logger.info(
          `sw.js: ${list.precache.count} files precached (${mb(list.precache.bytes)} MB), ` +
            `${list.heavy.length} cached on first use; offline bundle ${mb(list.totalBytes)} MB`,
        );
      },
    },
  };
}
