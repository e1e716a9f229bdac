// One code cell on the page: its state (data-state idle|running|ok|error), buttons, editor (mounted
// on demand), saved edits and output area. Running goes through the notebook, which owns the kernel.
import { t } from '../../i18n';
import type { CellEditor } from '../editor/editor';
import type { KernelClient, RunEnd } from '../runtime/client';
import { createOutputArea } from '../runtime/render/output-area';
import type { CellRef, LessonEdits } from '../store/edits';

export type CellState = 'idle' | 'running' | 'ok' | 'error';

export interface CellHost {
  kernel(): KernelClient;
  edits: LessonEdits;
  loadEditor(): Promise<typeof import('../editor/editor')>;
  /** Shift+Enter: focus the cell after this one. */
  advanceFrom(cell: Cell): void;
}

export interface Cell {
  readonly root: HTMLElement;
  readonly index: number;
  /** Runs the cell; while a run of it is queued or running, does nothing (resolves undefined). */
  run(): Promise<RunEnd | undefined>;
  stop(): void;
  restore(): void;
  resolveConflict(choice: 'mine' | 'new'): void;
  /** Mounts the editor (if needed) and focuses it, near `point` when given. */
  activate(point?: { x: number; y: number }): Promise<void>;
  mountEditor(): Promise<CellEditor>;
  setStale(stale: boolean): void;
}

function part<T extends HTMLElement>(root: HTMLElement, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (found === null) throw new Error(`cell: missing ${selector}`);
  return found;
}

/** `ref` names the cell (stable id, position, the lesson's code) for its saved edits. */
export function createCell(root: HTMLElement, ref: CellRef, host: CellHost): Cell {
  const { index, original } = ref;
  const runButton = part<HTMLButtonElement>(root, '[data-action="run"]');
  const stopButton = part<HTMLButtonElement>(root, '[data-action="stop"]');
  const restoreButton = part<HTMLButtonElement>(root, '[data-action="restore"]');
  const badge = part<HTMLElement>(root, '[data-cell-badge]');
  const status = part<HTMLElement>(root, '[data-cell-status]');
  const source = part<HTMLElement>(root, '[data-cell-source]');
  const notice = part<HTMLElement>(root, '[data-cell-notice]');
  const output = createOutputArea(part<HTMLElement>(root, '[data-cell-output]'));

  let code = original;
  let conflict: string | undefined;
  let editor: CellEditor | undefined;
  let mounting: Promise<CellEditor> | undefined;
  /** Set from the moment Executar is accepted until its run ends: one run per cell at a time. */
  let running = false;
  let ticket: number | undefined;

  const setState = (state: CellState, text = '') => {
    root.dataset['state'] = state;
    status.textContent = text;
    stopButton.disabled = state !== 'running';
    // aria-disabled, not disabled: the button keeps keyboard focus while its cell runs.
    runButton.setAttribute('aria-disabled', String(state === 'running'));
  };
  const showEdited = () => {
    const edited = code !== original && conflict === undefined;
    badge.hidden = !edited;
    restoreButton.hidden = !edited;
  };
  const say = (text: string) => {
    notice.hidden = false;
    notice.replaceChildren(text);
  };
  const save = (next: string) => {
    code = next;
    showEdited();
    const result = host.edits.save(ref, next);
    if (!result.ok) say(t('notebook.store.saveFailed', { reason: result.reason }));
    else if (conflict === undefined) notice.hidden = true;
  };

  const showConflict = (mine: string) => {
    conflict = mine;
    notice.hidden = false;
    const text = document.createElement('p');
    text.textContent = t('notebook.store.conflict');
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = t('notebook.store.mine');
    const pre = document.createElement('pre');
    pre.textContent = mine;
    details.append(summary, pre);
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.dataset['action'] = 'keep-mine';
    keep.textContent = t('notebook.store.keepMine');
    const useNew = document.createElement('button');
    useNew.type = 'button';
    useNew.dataset['action'] = 'use-new';
    useNew.textContent = t('notebook.store.useNew');
    notice.replaceChildren(text, details, keep, useNew);
  };

  const saved = host.edits.load(ref.id);
  if (saved.kind === 'edited') code = saved.code;
  else if (saved.kind === 'conflict') showConflict(saved.code);
  else if (saved.kind === 'unreadable')
    say(t('notebook.store.readFailed', { reason: saved.reason }));
  showEdited();

  const cell: Cell = {
    root,
    index,
    async run() {
      // A second run would write into this output and its end would mark the first one done.
      if (running) return undefined;
      running = true;
      const current = editor?.getCode() ?? code;
      output.reset(current);
      setState('running', t('notebook.cell.queued'));
      const started = performance.now();
      const kernel = host.kernel();
      let finished = false;
      const run = kernel.run(ref.id, current, {
        onStart: () => (status.textContent = t('notebook.cell.running')),
        onOutput: (o) => {
          // A late output of a run that a newer run of this cell replaced has no place here.
          if (finished && running) return;
          output.add(o);
          // An async error can arrive after the run ended: the cell still turns red.
          if (finished && o.type === 'error') setState('error', t('notebook.cell.error'));
        },
        onTraining: (update) => output.training(update),
      });
      ticket = run.id;
      const end = await run.done;
      finished = true;
      running = false;
      // Finished runs, counted: tests and benchmarks wait on it instead of guessing.
      root.dataset['runCount'] = String(Number(root.dataset['runCount'] ?? '0') + 1);
      if (ticket === run.id) ticket = undefined;
      if (end.status === 'ok') {
        const ms = Math.round(performance.now() - started);
        setState('ok', t('notebook.cell.ok', { ms }));
      } else if (end.status === 'error') {
        setState('error', t('notebook.cell.error'));
      } else if (end.status === 'cancelled') {
        setState('idle');
      } else if (end.status === 'crashed') {
        // In place of the run that was going on; the editor and the saved edit are not touched.
        output.add({
          type: 'error',
          error: { kind: 'kernel-crash', name: 'Error', message: end.detail, subject: end.reason },
        });
        setState('error', t('notebook.cell.error'));
      } else {
        output.add({ type: 'error', error: { kind: 'stopped', name: 'Error', message: '' } });
        setState('error', t('notebook.cell.error'));
      }
      return end;
    },
    stop() {
      if (ticket === undefined) return;
      status.textContent = t('notebook.cell.stopping');
      host.kernel().stop(ticket);
    },
    restore() {
      if (editor !== undefined) editor.setCode(original);
      save(original);
      editor?.focus();
    },
    resolveConflict(choice) {
      const mine = conflict;
      if (mine === undefined) return;
      conflict = undefined;
      notice.hidden = true;
      notice.replaceChildren();
      if (choice === 'mine') {
        save(mine);
        if (editor !== undefined) editor.setCode(mine);
        else void cell.mountEditor();
      } else {
        // The lesson's new code, with anything typed into it since.
        save(editor?.getCode() ?? original);
      }
    },
    mountEditor() {
      mounting ??= host.loadEditor().then(({ createEditor }) => {
        const holder = document.createElement('div');
        holder.className = 'nb-editor';
        editor = createEditor(holder, {
          doc: code,
          // A reader's own cell names itself (ui/scratch.ts); a lesson cell by its position.
          label: root.dataset['editorLabel'] ?? t('notebook.editor.label', { n: index + 1 }),
          onChange: (next) => {
            // While the reader has not chosen between versions, their saved copy stays untouched.
            if (conflict === undefined) save(next);
          },
          onRun: () => void cell.run(),
          onRunAndAdvance: () => {
            void cell.run();
            host.advanceFrom(cell);
          },
        });
        source.replaceChildren(holder);
        return editor;
      });
      return mounting;
    },
    async activate(point) {
      const mounted = await cell.mountEditor();
      mounted.focus();
      if (point !== undefined) {
        const at = mounted.view.posAtCoords(point);
        if (at !== null) mounted.view.dispatch({ selection: { anchor: at } });
      }
    },
    setStale(stale) {
      output.setStale(stale);
    },
  };
  // Saved edits show at once; everything else waits for the reader.
  if (code !== original) void cell.mountEditor();
  return cell;
}
