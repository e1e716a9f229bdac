// After `astro build`: the service worker (Workbox generateSW) and offline.json, the list the
// "Baixar o curso para usar offline" control and bench:size read. Everything a page needs is
// precached at install (HTML, CSS, fonts, KaTeX, JS and workers, the Pagefind index); the heavy
// files (tfjs' wasm binaries, the MNIST pack) are cached on first use, or all at once by the control.
// Precached files carry a content revision, so a new deploy installs a new worker that waits until
// the reader accepts "Nova versão disponível — recarregar": one page never mixes two versions.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { generateSW } from 'workbox-build';

/** Cached on first use (or by the download control), not at install: ~7 MB a reader may never need. */
export const HEAVY = /^(tfjs\/[^/]+\.wasm|data\/[^/]+\.bin\.gz)$/;
const NOT_PRECACHED = ['sw.js', 'offline.json'];

export interface OfflineFile {
  /** Relative to the site's base, e.g. "tfjs/tfjs-backend-wasm-simd.wasm". */
  url: string;
  bytes: number;
}

export interface OfflineList {
  /** Changes whenever any file changes: the build's identity. */
  version: string;
  /** The Cache Storage name of the heavy files of this version. */
  heavyCache: string;
  precache: { count: number; bytes: number };
  heavy: OfflineFile[];
  totalBytes: number;
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function digest(root: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 12);
}

/** Writes sw.js and offline.json into the built site at `root`; returns what offline.json holds. */
export async function writeOfflineBundle(root: string): Promise<OfflineList> {
  const all = filesUnder(root).filter((file) => !NOT_PRECACHED.includes(file));
  const heavyFiles = all.filter((file) => HEAVY.test(file));
  const precached = all.filter((file) => !HEAVY.test(file));
  const heavyCache = `anatomia-assets-${digest(root, heavyFiles)}`;
  const heavy = heavyFiles.map((url) => ({ url, bytes: statSync(join(root, url)).size }));
  const precacheBytes = precached.reduce((sum, file) => sum + statSync(join(root, file)).size, 0);
  const list: OfflineList = {
    version: digest(root, all),
    heavyCache,
    precache: { count: precached.length, bytes: precacheBytes },
    heavy,
    totalBytes: precacheBytes + heavy.reduce((sum, file) => sum + file.bytes, 0),
  };
  writeFileSync(join(root, 'offline.json'), JSON.stringify(list, null, 1));

  const { warnings } = await generateSW({
    globDirectory: root,
    globPatterns: ['**/*', 'offline.json'],
    globIgnores: ['sw.js', 'tfjs/*.wasm', 'data/*.bin.gz'],
    swDest: join(root, 'sw.js'),
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    cacheId: 'anatomia',
    // The first visit's page is taken over at once, so its workers' wasm and MNIST fetches are
    // cached; an update waits for the reader (SKIP_WAITING from the banner), never skips ahead.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    // Astro's hashed files are their own revision.
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
    runtimeCaching: [
      {
        urlPattern: /\/(tfjs\/[^/]+\.wasm|data\/[^/]+\.bin\.gz)$/,
        handler: 'CacheFirst',
        options: { cacheName: heavyCache, cacheableResponse: { statuses: [200] } },
      },
    ],
  });
  if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
  // Heavy files of older versions go when this version takes over (their names carry no hash).
  const cleanup = `self.addEventListener('activate',e=>e.waitUntil(caches.keys().then(k=>Promise.all(k.filter(n=>n.startsWith('anatomia-assets-')&&n!==${JSON.stringify(heavyCache)}).map(n=>caches.delete(n))))));`;
  const sw = join(root, 'sw.js');
  writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n${cleanup}\n`);
  return list;
}
