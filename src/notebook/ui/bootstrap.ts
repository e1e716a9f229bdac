// The only notebook code a lesson page loads up front (a few hundred bytes): it reveals the cell
// buttons and loads the real notebook on the first click, focus or run. CodeMirror, sucrase and
// tfjs come later still, from there.
import { createEditStore } from '../store/edits';
import { loadNotebook } from './load';

function start(): void {
  const cells = document.querySelectorAll<HTMLElement>('[data-cell]');
  if (cells.length === 0) return;
  for (const toolbar of document.querySelectorAll<HTMLElement>(
    '[data-cell-toolbar], [data-notebook-bar]',
  )) {
    toolbar.hidden = false;
  }
  const load = loadNotebook;

  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
    if (button === null || button === undefined) return;
    if (button.closest('[data-cell], [data-notebook-bar]') === null) return;
    void load().then((notebook) => notebook.action(button));
  });
  const activate = (event: Event) => {
    const source = (event.target as Element | null)?.closest?.('[data-cell-source]');
    const cell = source?.closest<HTMLElement>('[data-cell]');
    if (cell === null || cell === undefined) return;
    const point =
      event instanceof PointerEvent ? { x: event.clientX, y: event.clientY } : undefined;
    void load().then((notebook) => notebook.activate(cell, point));
  };
  document.addEventListener('focusin', activate);
  document.addEventListener('pointerdown', activate);

  // A reader's saved edits must show at once, so the editor loads now for them.
  if (createEditStore(() => localStorage, location.pathname).hasAny()) void load();
}

start();
