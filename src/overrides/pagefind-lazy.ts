// Starlight builds its Pagefind UI on idle after every page load: ~26 KB gzip of script before the
// reader has asked for search, most of the 35 KB page budget. This stand-in (astro.config.mjs aliases
// '@pagefind/default-ui' to it) builds the real UI on the first sign that the reader wants to search:
// the search button hovered, touched, focused or pressed, or Ctrl/⌘ K.
type Options = Record<string, unknown>;

const INTENT = ['pointerenter', 'touchstart', 'focus', 'click'] as const;

export class PagefindUI {
  constructor(options: Options) {
    let started = false;
    const start = (): void => {
      if (started) return;
      started = true;
      void import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then((module) => {
        new module.PagefindUI(options);
        // Opened before the UI existed (Ctrl K, a fast click): Starlight's focus found no input yet.
        const dialog = document.querySelector<HTMLDialogElement>('site-search dialog');
        if (dialog?.open) dialog.querySelector('input')?.focus();
      });
    };
    const button = document.querySelector('button[data-open-modal]');
    for (const type of INTENT) button?.addEventListener(type, start, { once: true, passive: true });
    // Starlight builds this on idle; a reader quick enough may have opened the dialog already.
    if (document.querySelector<HTMLDialogElement>('site-search dialog')?.open) start();
    window.addEventListener('keydown', (event) => {
      if ((event.metaKey || event.ctrlKey) && event.key === 'k') start();
    });
  }
}
