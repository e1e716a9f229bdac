// Runs on every page of the built site: registers the service worker (sw.js at the site's base,
// written by src/build/offline-bundle.ts) and watches for a new deploy. A new version's worker waits
// until the reader accepts the offer (update-banner.ts); when it takes over, every open page reloads,
// so no page runs old and new files together. Kept tiny: it counts in every page's JS budget; the
// banner and the download control load only when needed.
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

async function start(container: ServiceWorkerContainer): Promise<void> {
  let controlled = container.controller !== null;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    // The first visit's page being taken over is no new version; any later change is.
    if (controlled && !reloading) {
      reloading = true;
      location.reload();
    }
    controlled = true;
  });
  // No worker allowed here (some private modes, policies; Playwright's block resolves to nothing):
  // the course still works online.
  const registration = await container
    .register(`${base}sw.js`, { scope: base })
    .catch(() => undefined);
  if (!registration) return;
  const offer = (worker: ServiceWorker) => {
    if (container.controller) void import('./update-banner').then((m) => m.offerUpdate(worker));
  };
  const watch = (worker: ServiceWorker | null) => {
    if (worker === null) return;
    if (worker.state === 'installed') return offer(worker);
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  };
  watch(registration.waiting);
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
  });
}

function mountDownloadWhenSeen(): void {
  const root = document.querySelector<HTMLElement>('[data-offline-download]');
  if (!root) return;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    void import('./download').then((m) => m.mountDownload(root, base));
  });
  observer.observe(root);
}

if ('serviceWorker' in navigator) {
  const container = navigator.serviceWorker;
  window.addEventListener('load', () => void start(container), { once: true });
}
mountDownloadWhenSeen();
