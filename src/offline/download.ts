// The "Baixar o curso para usar offline" control. Reads offline.json (what the build precached and
// the heavy files it leaves for first use), shows the total size and what this device already holds,
// and on click stores every heavy file in the service worker's cache for this version, with progress.
// data-state on the root: idle | downloading | done | error | unsupported.
import { formatNumber, t } from '../i18n';
import type { OfflineList } from '../build/offline-bundle';

const mb = (bytes: number): string => `${formatNumber(bytes / 1024 / 1024, 1)} MB`;

interface Parts {
  button: HTMLButtonElement;
  size: HTMLElement;
  progress: HTMLProgressElement;
  status: HTMLElement;
}

function partsOf(root: HTMLElement): Parts | null {
  const button = root.querySelector<HTMLButtonElement>('[data-offline-start]');
  const size = root.querySelector<HTMLElement>('[data-offline-size]');
  const progress = root.querySelector<HTMLProgressElement>('progress');
  const status = root.querySelector<HTMLElement>('[data-offline-status]');
  return button && size && progress && status ? { button, size, progress, status } : null;
}

/** Bytes of the heavy files already in this version's cache. */
async function savedHeavy(list: OfflineList, base: string): Promise<Set<string>> {
  const cache = await caches.open(list.heavyCache);
  const saved = new Set<string>();
  for (const file of list.heavy) if (await cache.match(base + file.url)) saved.add(file.url);
  return saved;
}

/** Fetches one file, counting bytes as they arrive, and stores it unless the worker already did. */
async function store(cache: Cache, url: string, onBytes: (n: number) => void): Promise<void> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  if (await cache.match(url)) return;
  const headers = { 'content-type': response.headers.get('content-type') ?? '' };
  await cache.put(url, new Response(new Blob(chunks as BlobPart[]), { headers }));
}

export async function mountDownload(root: HTMLElement, base: string): Promise<void> {
  const parts = partsOf(root);
  if (!parts) return;
  const { button, size, progress, status } = parts;
  const setState = (state: string) => root.setAttribute('data-state', state);
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    setState('unsupported');
    button.disabled = true;
    status.textContent = t('offline.unsupported');
    return;
  }
  size.textContent = t('offline.sizeUnknown');
  let list: OfflineList;
  try {
    list = (await (await fetch(`${base}offline.json`)).json()) as OfflineList;
  } catch {
    size.textContent = '';
    return;
  }
  const heavyBytes = (urls: Set<string>) =>
    list.heavy.filter((file) => urls.has(file.url)).reduce((sum, file) => sum + file.bytes, 0);
  const describe = async () => {
    const saved = await savedHeavy(list, base);
    const precached = navigator.serviceWorker.controller ? list.precache.bytes : 0;
    size.textContent = t('offline.size', {
      total: mb(list.totalBytes),
      saved: mb(precached + heavyBytes(saved)),
    });
    return saved;
  };
  const saved = await describe();
  if (saved.size === list.heavy.length && navigator.serviceWorker.controller) {
    setState('done');
    status.textContent = t('offline.done', { total: mb(list.totalBytes) });
  }
  button.disabled = false;

  button.addEventListener('click', async () => {
    button.disabled = true;
    setState('downloading');
    progress.hidden = false;
    status.textContent = t('offline.waiting');
    // The worker is active once everything it precaches is stored: that part is then done.
    await navigator.serviceWorker.ready;
    const cache = await caches.open(list.heavyCache);
    const have = await savedHeavy(list, base);
    let done = list.precache.bytes + heavyBytes(have);
    const show = () => {
      progress.value = done / list.totalBytes;
      status.textContent = t('offline.progress', {
        done: mb(done),
        total: mb(list.totalBytes),
        percent: Math.floor((100 * done) / list.totalBytes),
      });
    };
    show();
    for (const file of list.heavy.filter((f) => !have.has(f.url))) {
      try {
        await store(cache, base + file.url, (n) => {
          done += n;
          show();
        });
      } catch (error) {
        setState('error');
        progress.hidden = true;
        button.disabled = false;
        const reason = error instanceof Error ? error.message : String(error);
        status.textContent = t('offline.error', { file: file.url, reason });
        return;
      }
    }
    progress.hidden = true;
    await describe();
    setState('done');
    status.textContent = t('offline.done', { total: mb(list.totalBytes) });
  });
}
