import { describe, expect, it } from 'vitest';
import { createEditStore } from '../../../src/notebook/store/edits';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('edit store', () => {
  it('returns a saved edit for the same original, per lesson and cell', () => {
    const storage = memoryStorage();
    const lesson = createEditStore(() => storage, '/camadas/');
    expect(lesson.hasAny()).toBe(false);
    expect(lesson.save(2, 'original', 'editado')).toEqual({ ok: true });
    expect(lesson.load(2, 'original')).toEqual({ kind: 'edited', code: 'editado' });
    expect(lesson.load(1, 'original')).toEqual({ kind: 'original' });
    expect(createEditStore(() => storage, '/tensores/').load(2, 'original')).toEqual({
      kind: 'original',
    });
    expect(lesson.hasAny()).toBe(true);
  });

  it('reports a conflict, keeping the reader’s copy, when the lesson’s original changed', () => {
    const storage = memoryStorage();
    const store = createEditStore(() => storage, '/l/');
    store.save(0, 'versão 1 da lição', 'minha versão');
    expect(store.load(0, 'versão 2 da lição')).toEqual({ kind: 'conflict', code: 'minha versão' });
  });

  it('forgets the edit when the reader saves the original back or restores it', () => {
    const storage = memoryStorage();
    const store = createEditStore(() => storage, '/l/');
    store.save(0, 'a', 'b');
    store.save(0, 'a', 'a');
    expect(storage.length).toBe(0);
    store.save(0, 'a', 'b');
    store.remove(0);
    expect(store.load(0, 'a')).toEqual({ kind: 'original' });
  });

  it('reports storage errors instead of swallowing them', () => {
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('cheio', 'QuotaExceededError');
    };
    expect(createEditStore(() => full, '/l/').save(0, 'a', 'b')).toEqual({
      ok: false,
      reason: 'espaço esgotado',
    });
    const blocked = createEditStore(() => {
      throw new DOMException('negado', 'SecurityError');
    }, '/l/');
    expect(blocked.load(0, 'a')).toEqual({ kind: 'unreadable', reason: 'armazenamento bloqueado' });
  });

  it('treats unparsable saved data as unreadable', () => {
    const storage = memoryStorage();
    storage.setItem('anatomia:notebook:v1:/l/:0', '{não é json');
    expect(createEditStore(() => storage, '/l/').load(0, 'a')).toMatchObject({
      kind: 'unreadable',
    });
  });
});
