// The only lab code a lesson page ships before a lab is used: it watches each lab root and imports
// the lab's real client code (Plot, the trainer, its views) when the root nears the viewport, or as
// soon as the reader interacts with it. A button pressed before the code arrived is remembered in
// `data-pending` and replayed by the lab once it is ready.

import { widenLabs } from './wide';

export interface LabModule {
  /** `worker` is the lab's training worker, started by the loader (see `makeWorker`). */
  mount(root: HTMLElement, worker?: Worker): void;
}

/**
 * Starts loading `load()` for every `[data-lab-root="<kind>"]` when it comes into view. A training
 * lab passes `makeWorker` too: its worker (tfjs, ~1,7 MB) then starts downloading at the same moment
 * as the lab's page code, not after it.
 */
export function lazyLabs(
  kind: string,
  load: () => Promise<LabModule>,
  makeWorker?: () => Worker,
): void {
  widenLabs();
  const roots = document.querySelectorAll<HTMLElement>(`[data-lab-root="${kind}"]`);
  if (roots.length === 0) return;
  let loading: Promise<LabModule> | undefined;
  const start = (root: HTMLElement): void => {
    if (root.dataset['labLoading'] !== undefined) return;
    root.dataset['labLoading'] = '';
    performance.mark('lab:load');
    const worker = makeWorker?.();
    loading ??= load();
    loading.then(
      (lab) => {
        performance.mark('lab:code');
        lab.mount(root, worker);
        // The lab's code is running (a training lab is ready later, with data-lab-ready).
        root.dataset['labMounted'] = '';
      },
      (error: unknown) => {
        root.dataset['state'] = 'error';
        const status = root.querySelector<HTMLElement>('[data-lab-status]');
        if (status) status.textContent = root.dataset['loadError'] ?? String(error);
        console.error(error);
      },
    );
  };
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              observer?.unobserve(entry.target);
              start(entry.target as HTMLElement);
            }
          },
          // Start a screen before the lab is on screen: its code, its worker and the worker's
          // backend (wasm) then warm up while the reader scrolls towards it.
          { rootMargin: '100% 0px' },
        )
      : undefined;
  for (const root of roots) {
    if (observer) observer.observe(root);
    else start(root);
    const early = (event: Event): void => {
      const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
      if (event.type === 'click' && button && root.dataset['labReady'] === undefined) {
        root.dataset['pending'] = button.dataset['action'] ?? '';
      }
      start(root);
    };
    root.addEventListener('click', early);
    root.addEventListener('focusin', early, { once: true });
  }
}
