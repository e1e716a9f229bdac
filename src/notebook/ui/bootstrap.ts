// The only notebook code a lesson page loads up front (a few hundred bytes): it reveals the cell
// buttons and loads the real notebook on the first click, focus or run. CodeMirror, sucrase and
// tfjs come later still, from there.
import { createEditStore } from '../store/edits';
import { hasScratch } from '../store/scratch';

type Notebook = import('./notebook').Notebook;

function start(): void {
  const cells = document.querySelectorAll<HTMLElement>('[data-cell]');
  if (cells.length === 0) return;
  for (const toolbar of document.querySelectorAll<HTMLElement>(
    '[data-cell-toolbar], [data-notebook-bar], [data-cell-add]',
  )) {
    toolbar.hidden = false;
  }
  // "Nova célula" at the lesson's end too: a copy of a cell's own row, after the last content.
  const row = document.querySelector<HTMLElement>('[data-cell-add]');
  const content = cells[cells.length - 1]?.closest('.sl-markdown-content');
  if (row !== null && content !== null && content !== undefined) {
    const end = row.cloneNode(true) as HTMLElement;
    end.dataset['cellAddEnd'] = '';
    content.append(end);
  }
  let loading: Promise<Notebook> | undefined;
  const load = () => (loading ??= import('./notebook').then((m) => m.createNotebook(document)));

  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
    if (button === null || button === undefined) return;
    if (
      button.closest('[data-cell], [data-notebook-bar], [data-cell-add], [data-cell-removed]') ===
      null
    )
      return;
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

  // A reader's saved edits and own cells must show at once, so the editor loads now for them.
  const saved = () => localStorage;
  if (createEditStore(saved, location.pathname).hasAny() || hasScratch(saved, location.pathname))
    void load();
}

start();
