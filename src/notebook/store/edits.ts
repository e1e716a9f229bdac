// Saves what a reader typed in each cell, keyed by lesson and cell index, together with a hash of
// the lesson's original code at the time. On load that hash tells three cases apart: no edit, an
// edit of the current original, or an edit of an original that has since changed (a conflict the
// cell must show, never a stale copy silently presented as current).
import { hashCode } from './hash';

const PREFIX = 'anatomia:notebook:v1:';

interface SavedEdit {
  originalHash: string;
  code: string;
  savedAt: number;
}

export type LoadResult =
  | { kind: 'original' }
  | { kind: 'edited'; code: string }
  | { kind: 'conflict'; code: string }
  | { kind: 'unreadable'; reason: string };

export type SaveResult = { ok: true } | { ok: false; reason: string };

export interface EditStore {
  load(index: number, original: string): LoadResult;
  /** Saves `code`; saving the original itself removes the edit. */
  save(index: number, original: string, code: string): SaveResult;
  remove(index: number): SaveResult;
  /** True when this lesson has any saved edit (cheap: decides whether to load the editor early). */
  hasAny(): boolean;
}

function reasonOf(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError')
    return 'espaço esgotado';
  if (error instanceof DOMException && error.name === 'SecurityError')
    return 'armazenamento bloqueado';
  return error instanceof Error ? error.message : String(error);
}

function isSavedEdit(value: unknown): value is SavedEdit {
  const v = value as Partial<SavedEdit> | null;
  return typeof v?.originalHash === 'string' && typeof v.code === 'string';
}

/** `storage` is a function so that a browser which throws on mere access is caught here too. */
export function createEditStore(storage: () => Storage, lesson: string): EditStore {
  const key = (index: number) => `${PREFIX}${lesson}:${index}`;
  const write = (fn: (s: Storage) => void): SaveResult => {
    try {
      fn(storage());
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  };
  return {
    load(index, original) {
      let raw: string | null;
      try {
        raw = storage().getItem(key(index));
      } catch (error) {
        return { kind: 'unreadable', reason: reasonOf(error) };
      }
      if (raw === null) return { kind: 'original' };
      let saved: unknown;
      try {
        saved = JSON.parse(raw);
      } catch {
        return { kind: 'unreadable', reason: 'dados salvos corrompidos' };
      }
      if (!isSavedEdit(saved)) return { kind: 'unreadable', reason: 'dados salvos corrompidos' };
      if (saved.originalHash !== hashCode(original)) return { kind: 'conflict', code: saved.code };
      if (saved.code === original) return { kind: 'original' };
      return { kind: 'edited', code: saved.code };
    },
    save(index, original, code) {
      if (code === original) return write((s) => s.removeItem(key(index)));
      const saved: SavedEdit = { originalHash: hashCode(original), code, savedAt: Date.now() };
      return write((s) => s.setItem(key(index), JSON.stringify(saved)));
    },
    remove(index) {
      return write((s) => s.removeItem(key(index)));
    },
    hasAny() {
      try {
        const s = storage();
        for (let i = 0; i < s.length; i++)
          if (s.key(i)?.startsWith(`${PREFIX}${lesson}:`)) return true;
      } catch {
        // Unreadable storage: the controller loads and reports it.
        return true;
      }
      return false;
    },
  };
}
