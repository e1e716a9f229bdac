// The reader's own cells ("Nova célula"): empty cells added between the lesson's cells or at its
// end, in the same scope, run like any cell (Executar tudo takes them in page order), saved with
// the lesson (store/scratch.ts) and removable with a way back (Desfazer). Each is a normal cell
// (ui/cell.ts) on a DOM built here like Cell.astro's, marked [data-cell-scratch].
import { t } from '../../i18n';
import type { LessonEdits } from '../store/edits';
import { createScratchStore, type Anchor, type ScratchCell } from '../store/scratch';
import { createCell, type Cell, type CellHost } from './cell';

export interface ScratchContext {
  doc: Document;
  /** Every cell of the page in page order; scratch cells are spliced in and out of it. */
  cells: Cell[];
  /** The lesson cells' stable ids, in page order. */
  lessonIds: readonly string[];
  host: CellHost;
  lesson: string;
}

export interface Scratch {
  /** "Nova célula" in `row` (a [data-cell-add] after a cell, or the lesson's end). */
  add(row: HTMLElement): void;
  remove(cell: Cell): void;
  /** Desfazer in the notice a removal left. */
  undo(notice: HTMLElement): void;
  isScratch(cell: Cell): boolean;
}

interface Entry {
  readonly id: string;
  readonly anchor: Anchor;
  readonly code: string;
  cell: Cell;
  /** The cell's root and its own "Nova célula" row. */
  row: HTMLElement;
}

function button(doc: Document, action: string, text: string, className = 'nb-button') {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = className;
  b.dataset['action'] = action;
  b.textContent = text;
  return b;
}

/** The "Nova célula" row that follows a cell (Cell.astro renders the lesson cells' own). */
export function addRow(doc: Document): HTMLElement {
  const row = doc.createElement('div');
  row.className = 'nb-add not-content';
  row.dataset['cellAdd'] = '';
  row.append(button(doc, 'add-cell', t('notebook.scratch.add'), 'nb-button nb-add-button'));
  return row;
}

function scratchRoot(doc: Document, n: number): HTMLElement {
  const div = (className: string, data: string) => {
    const d = doc.createElement('div');
    d.className = className;
    d.dataset[data] = '';
    return d;
  };
  const root = div('nb-cell not-content', 'cell');
  root.dataset['cellScratch'] = '';
  root.dataset['state'] = 'idle';
  root.dataset['editorLabel'] = t('notebook.scratch.editor', { n });
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', t('notebook.scratch.label', { n }));
  const toolbar = div('nb-toolbar', 'cellToolbar');
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', t('notebook.scratch.toolbar', { n }));
  const run = button(doc, 'run', t('notebook.run'), 'nb-button nb-primary');
  const stop = button(doc, 'stop', t('notebook.stop'));
  stop.disabled = true;
  // The cell machinery needs these; a reader's cell has no lesson original to restore.
  const restore = button(doc, 'restore', t('notebook.restore'));
  restore.hidden = true;
  const badge = doc.createElement('span');
  badge.dataset['cellBadge'] = '';
  badge.hidden = true;
  const status = doc.createElement('span');
  status.className = 'nb-status';
  status.dataset['cellStatus'] = '';
  status.setAttribute('role', 'status');
  const remove = button(doc, 'remove-cell', t('notebook.scratch.remove'), 'nb-button nb-remove');
  toolbar.append(run, stop, restore, badge, status, remove);
  const source = div('nb-source', 'cellSource');
  const notice = div('nb-notice', 'cellNotice');
  notice.setAttribute('role', 'status');
  notice.hidden = true;
  const output = div('nb-output', 'cellOutput');
  output.setAttribute('aria-live', 'polite');
  output.setAttribute('aria-label', t('notebook.scratch.output', { n }));
  root.append(toolbar, source, notice, output);
  return root;
}

const follows = (a: Node, b: Node) =>
  (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

export function createScratch(context: ScratchContext): Scratch {
  const { doc, cells, lessonIds, host } = context;
  const store = createScratchStore(() => localStorage, context.lesson);
  const entries: Entry[] = [];
  const removed = new Map<HTMLElement, Entry>();
  const lessonRoots = cells.map((cell) => cell.root);
  let count = 0;

  // The lesson's end: bootstrap.ts put a copy of a cell's "Nova célula" row after its content.
  let end = doc.querySelector<HTMLElement>('[data-cell-add-end]');
  if (end === null) {
    end = addRow(doc);
    end.dataset['cellAddEnd'] = '';
    const last = lessonRoots.at(-1);
    (last?.closest('.sl-markdown-content') ?? last?.parentElement)?.append(end);
  }
  const endRow = end;

  const persist = (): string | undefined => {
    const list: ScratchCell[] = entries
      .slice()
      .sort((a, b) => (follows(a.cell.root, b.cell.root) ? -1 : 1))
      .map(({ id, anchor, code }) => ({ id, anchor, code }));
    const result = store.save(list);
    return result.ok ? undefined : result.reason;
  };
  const order = () => cells.sort((a, b) => (follows(a.root, b.root) ? -1 : 1));

  const make = (saved: ScratchCell, before: Node | null, parent: Node): Entry => {
    count++;
    const root = scratchRoot(doc, count);
    const row = addRow(doc);
    parent.insertBefore(root, before);
    parent.insertBefore(row, before);
    const state = { code: saved.code };
    const edits: LessonEdits = {
      load: () => (state.code === '' ? { kind: 'original' } : { kind: 'edited', code: state.code }),
      save: (_ref, code) => {
        state.code = code;
        const reason = persist();
        return reason === undefined ? { ok: true } : { ok: false, reason };
      },
      remove: () => ({ ok: true }),
    };
    const ref = { id: saved.id, index: cells.length, original: '' };
    const cell = createCell(root, ref, { ...host, edits });
    const entry: Entry = {
      id: saved.id,
      anchor: saved.anchor,
      get code() {
        return state.code;
      },
      cell,
      row,
    };
    entries.push(entry);
    cells.push(entry.cell);
    order();
    void entry.cell.mountEditor();
    return entry;
  };

  /** Where a cell of `anchor` goes when it is the last of its anchor's group. */
  const groupEnd = (anchor: Anchor): { parent: Node; before: Node | null } => {
    if (anchor.after === 'end') return { parent: endRow.parentNode as Node, before: endRow };
    const last = [...entries]
      .filter((e) => e.anchor.after === anchor.after)
      .sort((a, b) => (follows(a.row, b.row) ? -1 : 1))
      .at(-1);
    const root = lessonRoots[lessonIds.indexOf(anchor.after)] as HTMLElement;
    const after = last?.row ?? root.nextElementSibling ?? root;
    return { parent: after.parentNode as Node, before: after.nextSibling };
  };

  const loaded = store.load(lessonIds);
  if (!loaded.ok) {
    const p = doc.createElement('p');
    p.className = 'nb-add-error';
    p.setAttribute('role', 'status');
    p.textContent = t('notebook.scratch.readFailed', { reason: loaded.reason });
    endRow.append(p);
  }
  for (const saved of loaded.cells) {
    const { parent, before } = groupEnd(saved.anchor);
    make(saved, before, parent);
  }

  const entryOf = (cell: Cell) => entries.find((e) => e.cell === cell);

  return {
    add(row) {
      let anchor: Anchor;
      if (row.dataset['cellAddEnd'] !== undefined) anchor = { after: 'end' };
      else {
        const previous = row.previousElementSibling;
        const scratch = entries.find((e) => e.cell.root === previous);
        const index = lessonRoots.findIndex((r) => r === previous);
        if (scratch !== undefined) anchor = scratch.anchor;
        else if (index >= 0) anchor = { after: lessonIds[index] as string, index };
        else return;
      }
      const parent = row.parentNode as Node;
      const before = row.dataset['cellAddEnd'] !== undefined ? row : row.nextSibling;
      const entry = make({ id: store.newId(), anchor, code: '' }, before, parent);
      persist();
      void entry.cell.activate();
    },
    remove(cell) {
      const entry = entryOf(cell);
      if (entry === undefined) return;
      cell.stop();
      const notice = doc.createElement('div');
      notice.className = 'nb-removed not-content';
      notice.dataset['cellRemoved'] = '';
      notice.setAttribute('role', 'status');
      const text = doc.createElement('span');
      text.textContent = t('notebook.scratch.removed');
      const undo = button(doc, 'undo-remove', t('notebook.scratch.undo'));
      notice.append(text, ' ', undo);
      cell.root.replaceWith(notice);
      entry.row.remove();
      entries.splice(entries.indexOf(entry), 1);
      cells.splice(cells.indexOf(cell), 1);
      removed.set(notice, entry);
      persist();
      undo.focus();
    },
    undo(notice) {
      const entry = removed.get(notice);
      if (entry === undefined) return;
      removed.delete(notice);
      notice.replaceWith(entry.cell.root, entry.row);
      entries.push(entry);
      cells.push(entry.cell);
      order();
      persist();
      void entry.cell.activate();
    },
    isScratch: (cell) => entryOf(cell) !== undefined,
  };
}
