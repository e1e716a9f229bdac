// The notebook of one page: its cells, the bar and the kernel (started on the first run). Loaded by
// bootstrap.ts on the reader's first interaction; loads the editor and the worker in turn.
import { createKernelClient, type KernelClient } from '../runtime/client';
import { cellIds, originalCode } from '../store/cell-id';
import { createEditStore, type CellRef } from '../store/edits';
import { createBar } from './bar';
import { createCell, type Cell, type CellHost } from './cell';
import { createScratch } from './scratch';

export interface Notebook {
  /** Handles a click on a `[data-action]` button of a cell or of the bar. */
  action(button: HTMLElement): void;
  /** The reader focused or clicked a cell's code: give them the editor. */
  activate(root: HTMLElement, point?: { x: number; y: number }): void;
}

function createKernel(): KernelClient {
  return createKernelClient({
    createWorker: () =>
      new Worker(new URL('../runtime/kernel.worker.ts', import.meta.url), { type: 'module' }),
    wasmPath: new URL(`${import.meta.env.BASE_URL}tfjs/`, location.href).href,
  });
}

export function createNotebook(doc: Document): Notebook {
  const bar = createBar(doc.querySelector<HTMLElement>('[data-notebook-bar]'));
  let kernel: KernelClient | undefined;
  let restarts = 0;
  let editorModule: Promise<typeof import('../editor/editor')> | undefined;
  const cells: Cell[] = [];
  const roots = [...doc.querySelectorAll<HTMLElement>('[data-cell]')];
  // Ids from the build (remark-cells.ts); a page that wrote its cells by hand gets derived ones.
  const ids = cellIds(
    roots.map((root) => ({ code: root.dataset['code'] ?? '', id: root.dataset['cellId'] })),
  );
  const refs: CellRef[] = roots.map((root, index) => ({
    id: ids[index] as string,
    index,
    original: originalCode(root.dataset['code'] ?? ''),
  }));

  const host: CellHost = {
    edits: createEditStore(() => localStorage, location.pathname).open(refs),
    kernel() {
      if (kernel === undefined) {
        kernel = createKernel();
        kernel.onStatus((status) => {
          bar.show(status);
          if (status.restarts > restarts) {
            restarts = status.restarts;
            for (const cell of cells) cell.setStale(true);
          }
        });
        bar.show(kernel.status());
      }
      return kernel;
    },
    loadEditor() {
      if (editorModule === undefined) {
        editorModule = import('../editor/editor');
        // Once CodeMirror is here, every cell gets it (in idle time), so all cells look alike.
        void editorModule.then(() => {
          const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 50));
          idle(() => cells.forEach((cell) => void cell.mountEditor()));
        });
      }
      return editorModule;
    },
    advanceFrom(cell) {
      const next = cells[cells.indexOf(cell) + 1];
      if (next !== undefined) {
        void next.activate();
        next.root.scrollIntoView({ block: 'nearest' });
      }
    },
  };

  roots.forEach((root, index) => cells.push(createCell(root, refs[index] as CellRef, host)));
  // The reader's own cells join `cells` in page order, so Executar tudo and Shift+Enter see them.
  const scratch = createScratch({
    doc,
    cells,
    lessonIds: refs.map((ref) => ref.id),
    host,
    lesson: location.pathname,
  });
  const cellOf = (element: Element) => cells.find((cell) => cell.root.contains(element));

  const runAll = async () => {
    // Queue them all at once: the kernel runs them in order, and Parar can cancel the rest.
    const runs = cells.map((cell) => cell.run());
    await Promise.all(runs);
  };

  return {
    action(button) {
      const cell = cellOf(button);
      switch (button.dataset['action']) {
        case 'run':
          void cell?.run();
          break;
        case 'stop':
          cell?.stop();
          break;
        case 'restore':
          cell?.restore();
          break;
        case 'keep-mine':
          cell?.resolveConflict('mine');
          break;
        case 'use-new':
          cell?.resolveConflict('new');
          break;
        case 'run-all':
          void runAll();
          break;
        case 'restart':
          host.kernel().restart();
          break;
        case 'add-cell': {
          const row = button.closest<HTMLElement>('[data-cell-add]');
          if (row !== null) scratch.add(row);
          break;
        }
        case 'remove-cell':
          if (cell !== undefined) scratch.remove(cell);
          break;
        case 'undo-remove': {
          const notice = button.closest<HTMLElement>('[data-cell-removed]');
          if (notice !== null) scratch.undo(notice);
          break;
        }
      }
    },
    activate(root, point) {
      const cell = cells.find((c) => c.root === root);
      void cell?.activate(point);
    },
  };
}
