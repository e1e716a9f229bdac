import { describe, expect, it } from 'vitest';
import { cellIds } from '../../../src/notebook/store/cell-id';
import { createEditStore, similarity, type CellRef } from '../../../src/notebook/store/edits';
import { hashCode } from '../../../src/notebook/store/hash';

import { memoryStorage } from '../support/memory-storage';

/** A lesson's cells as the notebook names them. */
function lesson(...codes: string[]): CellRef[] {
  const ids = cellIds(codes.map((code) => ({ code })));
  return codes.map((original, index) => ({ id: ids[index] as string, index, original }));
}

describe('edit store', () => {
  it('returns a saved edit for the same original, per lesson and cell', () => {
    const storage = memoryStorage();
    const cells = lesson('a', 'original', 'b');
    const store = createEditStore(() => storage, '/camadas/');
    expect(store.hasAny()).toBe(false);
    const edits = store.open(cells);
    expect(edits.save(cells[1]!, 'editado')).toEqual({ ok: true });
    const again = store.open(cells);
    expect(again.load(cells[1]!.id)).toEqual({ kind: 'edited', code: 'editado' });
    expect(again.load(cells[0]!.id)).toEqual({ kind: 'original' });
    expect(
      createEditStore(() => storage, '/tensores/')
        .open(cells)
        .load(cells[1]!.id),
    ).toEqual({
      kind: 'original',
    });
    expect(store.hasAny()).toBe(true);
  });

  it('keeps a later cell’s edit on that cell when a cell is inserted before it', () => {
    const storage = memoryStorage();
    const before = lesson('const a = 1', 'a + 1', 'a * 2');
    createEditStore(() => storage, '/l/')
      .open(before)
      .save(before[2]!, 'a * 3');
    const after = lesson('const a = 1', '// nova célula\nconst b = 2', 'a + 1', 'a * 2');
    const edits = createEditStore(() => storage, '/l/').open(after);
    expect(after.map((cell) => edits.load(cell.id).kind)).toEqual([
      'original',
      'original',
      'original',
      'edited',
    ]);
    expect(edits.load(after[3]!.id)).toEqual({ kind: 'edited', code: 'a * 3' });
  });

  it('moves position-keyed saves to the cell whose original they were made on', () => {
    const storage = memoryStorage();
    // Format 1: keyed by position; cell 1 was "a + 1" when the reader edited it.
    const v1 = { originalHash: hashCode('a + 1'), code: 'a + 100', savedAt: 0 };
    storage.setItem('anatomia:notebook:v1:/l/:1', JSON.stringify(v1));
    const cells = lesson('const a = 1', 'const b = 2', 'a + 1');
    const edits = createEditStore(() => storage, '/l/').open(cells);
    expect(edits.load(cells[1]!.id)).toEqual({ kind: 'original' });
    expect(edits.load(cells[2]!.id)).toEqual({ kind: 'edited', code: 'a + 100' });
    // Moved for good: the old key is gone and the next visit reads the new one.
    expect(storage.getItem('anatomia:notebook:v1:/l/:1')).toBeNull();
    expect(
      createEditStore(() => storage, '/l/')
        .open(cells)
        .load(cells[2]!.id),
    ).toEqual({
      kind: 'edited',
      code: 'a + 100',
    });
  });

  it('offers an edit of a cell the lesson changed as a conflict on that cell, not a new one', () => {
    const storage = memoryStorage();
    const before = lesson('const a = 1', 'const modelo = criar({ unidades: 4 })\nmodelo', 'fim()');
    createEditStore(() => storage, '/l/')
      .open(before)
      .save(before[1]!, 'minha versão');
    // The lesson inserted a cell and changed the one the reader had edited.
    const after = lesson(
      'const a = 1',
      'tf.ones([2])',
      'const modelo = criar({ unidades: 8 })\nmodelo',
      'fim()',
    );
    const edits = createEditStore(() => storage, '/l/').open(after);
    expect(edits.load(after[1]!.id)).toEqual({ kind: 'original' });
    expect(edits.load(after[2]!.id)).toEqual({ kind: 'conflict', code: 'minha versão' });
  });

  it('keeps a first-format save of a changed original at its position, as a conflict', () => {
    const storage = memoryStorage();
    const v1 = { originalHash: '00000000', code: 'antiga', savedAt: 0 };
    storage.setItem('anatomia:notebook:v1:/l/:0', JSON.stringify(v1));
    const cells = lesson('nova');
    expect(
      createEditStore(() => storage, '/l/')
        .open(cells)
        .load(cells[0]!.id),
    ).toEqual({
      kind: 'conflict',
      code: 'antiga',
    });
  });

  it('tells identical cells apart by their order', () => {
    expect(cellIds([{ code: 'x' }, { code: 'y' }, { code: 'x\n' }])).toEqual([
      `c${hashCode('x')}`,
      `c${hashCode('y')}`,
      `c${hashCode('x')}-2`,
    ]);
    expect(cellIds([{ code: 'x', id: 'minha' }])).toEqual(['minha']);
  });

  it('forgets the edit when the reader saves the original back or restores it', () => {
    const storage = memoryStorage();
    const cells = lesson('a');
    const edits = createEditStore(() => storage, '/l/').open(cells);
    edits.save(cells[0]!, 'b');
    edits.save(cells[0]!, 'a');
    expect(storage.length).toBe(0);
    edits.save(cells[0]!, 'b');
    edits.remove(cells[0]!);
    expect(
      createEditStore(() => storage, '/l/')
        .open(cells)
        .load(cells[0]!.id),
    ).toEqual({
      kind: 'original',
    });
  });

  it('reports storage errors instead of swallowing them', () => {
    const cells = lesson('a');
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('cheio', 'QuotaExceededError');
    };
    expect(
      createEditStore(() => full, '/l/')
        .open(cells)
        .save(cells[0]!, 'b'),
    ).toEqual({
      ok: false,
      reason: 'espaço esgotado',
    });
    const blocked = createEditStore(() => {
      throw new DOMException('negado', 'SecurityError');
    }, '/l/');
    expect(blocked.open(cells).load(cells[0]!.id)).toEqual({
      kind: 'unreadable',
      reason: 'armazenamento bloqueado',
    });
  });

  it('treats unparsable saved data as unreadable', () => {
    const storage = memoryStorage();
    const cells = lesson('a');
    storage.setItem(`anatomia:notebook:v2:/l/:${cells[0]!.id}`, '{não é json');
    expect(
      createEditStore(() => storage, '/l/')
        .open(cells)
        .load(cells[0]!.id),
    ).toMatchObject({
      kind: 'unreadable',
    });
  });

  it('scores code by how alike it reads', () => {
    expect(similarity('modelo.fit(xs, ys)', 'modelo.fit(xs, ys)')).toBe(1);
    expect(similarity('modelo.fit(xs, ys, 10)', 'modelo.fit(xs, ys, 20)')).toBeGreaterThan(0.8);
    expect(similarity('tf.ones([2])', 'const modelo = criar()')).toBeLessThan(0.3);
  });
});
