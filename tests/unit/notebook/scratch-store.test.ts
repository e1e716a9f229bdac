import { describe, expect, it } from 'vitest';
import { createEditStore } from '../../../src/notebook/store/edits';
import {
  createScratchStore,
  hasScratch,
  type ScratchCell,
} from '../../../src/notebook/store/scratch';

import { memoryStorage } from '../support/memory-storage';

const mine = (id: string, after: string, index: number, code: string): ScratchCell => ({
  id,
  anchor: { after, index },
  code,
});

describe('scratch store', () => {
  it('keeps the reader’s cells per lesson, in page order, with their code', () => {
    const storage = memoryStorage();
    const store = createScratchStore(() => storage, '/tensores/');
    const cells = [
      mine('s-1', 'ca', 0, 'pesos.shape'),
      { id: 's-2', anchor: { after: 'end' as const }, code: '1 + 1' },
    ];
    expect(store.save(cells)).toEqual({ ok: true });
    expect(createScratchStore(() => storage, '/tensores/').load(['ca', 'cb'])).toEqual({
      ok: true,
      cells,
    });
    expect(createScratchStore(() => storage, '/camadas/').load(['ca'])).toEqual({
      ok: true,
      cells: [],
    });
    expect(hasScratch(() => storage, '/tensores/')).toBe(true);
    expect(hasScratch(() => storage, '/camadas/')).toBe(false);
  });

  it('after a lesson update, moves a cell whose lesson cell is gone to that position, never dropping it', () => {
    const storage = memoryStorage();
    const store = createScratchStore(() => storage, '/l/');
    store.save([
      mine('s-1', 'old', 1, 'a'),
      mine('s-2', 'cc', 2, 'b'),
      mine('s-3', 'gone', 9, 'c'),
    ]);
    // The lesson changed its second cell ("old" → "new") and lost cells after the third.
    const { cells } = store.load(['ca', 'new', 'cc']);
    expect(cells.map((c) => [c.id, c.anchor, c.code])).toEqual([
      ['s-1', { after: 'new', index: 1 }, 'a'],
      ['s-2', { after: 'cc', index: 2 }, 'b'],
      ['s-3', { after: 'cc', index: 2 }, 'c'],
    ]);
    // With no lesson cells left at all, they go to the end.
    expect(store.load([]).cells.map((c) => c.anchor)).toEqual([
      { after: 'end' },
      { after: 'end' },
      { after: 'end' },
    ]);
  });

  it('does not touch the lesson cells’ saved edits, nor they it', () => {
    const storage = memoryStorage();
    createScratchStore(() => storage, '/l/').save([mine('s-1', 'ca', 0, 'x')]);
    const edits = createEditStore(() => storage, '/l/');
    expect(edits.hasAny()).toBe(false);
    edits.open([{ id: 'ca', index: 0, original: 'y' }]);
    expect(createScratchStore(() => storage, '/l/').load(['ca']).cells).toHaveLength(1);
  });

  it('saving an empty list removes the record; a corrupt record or a refusing storage says why', () => {
    const storage = memoryStorage();
    const store = createScratchStore(() => storage, '/l/');
    store.save([mine('s-1', 'ca', 0, 'x')]);
    store.save([]);
    expect(storage.length).toBe(0);
    storage.setItem('anatomia:notebook:scratch:v1:/l/', '{nope');
    expect(store.load(['ca'])).toEqual({
      ok: false,
      reason: 'dados salvos corrompidos',
      cells: [],
    });
    const blocked = createScratchStore(() => {
      throw new DOMException('no', 'SecurityError');
    }, '/l/');
    expect(blocked.load(['ca'])).toEqual({
      ok: false,
      reason: 'armazenamento bloqueado',
      cells: [],
    });
    expect(blocked.save([mine('s-1', 'ca', 0, 'x')])).toEqual({
      ok: false,
      reason: 'armazenamento bloqueado',
    });
  });

  it('gives ids no saved cell has', () => {
    const storage = memoryStorage();
    const store = createScratchStore(() => storage, '/l/');
    const ids = new Set(Array.from({ length: 50 }, () => store.newId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^s-[a-z0-9]+$/);
  });
});
