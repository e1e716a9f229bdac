// Saves what a reader typed in each cell, keyed by lesson and stable cell id (cell-id.ts), together
// with the lesson's original code at the time. On load that tells three cases apart: no edit, an
// edit of the current original, or an edit of an original that has since changed (a conflict the
// cell must show, never a stale copy silently presented as current).
//
// A lesson update changes a cell's derived id when it changes that cell's code, so the save is
// left under an id no cell has: it goes to the unsaved cell whose code is most like the one it
// was typed over, as a conflict. Saves of the first format, keyed by position, move to the cell
// whose original they were made on (wherever it now is), else stay at their position as before.
import { hashCode } from './hash';
import { storageErrorReason } from './storage-error';

export const V1 = 'anatomia:notebook:v1:';
export const V2 = 'anatomia:notebook:v2:';
/** How alike (0–1) a changed cell must be to the code an orphaned edit was typed over. */
const SIMILAR = 0.6;

interface SavedEdit {
  originalHash: string;
  /** The lesson's code the edit was typed over (format 1 saves lack it). */
  original?: string;
  code: string;
  savedAt: number;
}

export interface CellRef {
  id: string;
  /** Position among the page's cells, from 0. */
  index: number;
  /** The lesson's code of the cell today. */
  original: string;
}

export type LoadResult =
  | { kind: 'original' }
  | { kind: 'edited'; code: string }
  | { kind: 'conflict'; code: string }
  | { kind: 'unreadable'; reason: string };

export type SaveResult = { ok: true } | { ok: false; reason: string };

/** The saved edits of one lesson's cells, read once when the notebook starts. */
export interface LessonEdits {
  load(id: string): LoadResult;
  /** Saves `code`; saving the original itself removes the edit. */
  save(cell: CellRef, code: string): SaveResult;
  remove(cell: CellRef): SaveResult;
}

export interface EditStore {
  /** Attaches every saved edit of the lesson to its cell, moving older saves to their new keys. */
  open(cells: readonly CellRef[]): LessonEdits;
  /** True when this lesson has any saved edit (cheap: decides whether to load the editor early). */
  hasAny(): boolean;
}

function parse(raw: string): SavedEdit | undefined {
  try {
    const v = JSON.parse(raw) as Partial<SavedEdit> | null;
    if (typeof v?.originalHash !== 'string' || typeof v.code !== 'string') return undefined;
    if (v.original !== undefined && typeof v.original !== 'string') return undefined;
    return v as SavedEdit;
  } catch {
    return undefined;
  }
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const squeezed = text.replace(/\s+/g, ' ').trim();
  for (let i = 0; i + 1 < squeezed.length; i++) {
    const pair = squeezed.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Sørensen–Dice over character pairs: 1 for the same code, near 0 for unrelated code. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [pair, n] of x) {
    common += Math.min(n, y.get(pair) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? (a.trim() === b.trim() ? 1 : 0) : (2 * common) / total;
}

interface Found {
  key: string;
  saved: SavedEdit;
}

/** `storage` is a function so that a browser which throws on mere access is caught here too. */
export function createEditStore(storage: () => Storage, lesson: string): EditStore {
  const v1Prefix = `${V1}${lesson}:`;
  const v2Prefix = `${V2}${lesson}:`;
  const keyOf = (id: string) => `${v2Prefix}${id}`;
  const write = (fn: (s: Storage) => void): SaveResult => {
    try {
      fn(storage());
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: storageErrorReason(error) };
    }
  };

  const open = (cells: readonly CellRef[]): LessonEdits => {
    const attached = new Map<string, SavedEdit>();
    const failures = new Map<string, string>();
    const byId = new Map(cells.map((cell) => [cell.id, cell]));
    const byIndex = new Map(cells.map((cell) => [cell.index, cell]));
    const orphans: Found[] = [];
    const positional: (Found & { index: number })[] = [];
    let s: Storage;
    try {
      s = storage();
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i);
        if (key === null) continue;
        const isV2 = key.startsWith(v2Prefix);
        if (!isV2 && !key.startsWith(v1Prefix)) continue;
        const rest = key.slice((isV2 ? v2Prefix : v1Prefix).length);
        const saved = parse(s.getItem(key) ?? '');
        const owner = isV2 ? byId.get(rest) : byIndex.get(Number(rest));
        if (saved === undefined) {
          if (owner !== undefined) failures.set(owner.id, 'dados salvos corrompidos');
        } else if (isV2 && owner !== undefined) attached.set(owner.id, saved);
        else if (isV2) orphans.push({ key, saved });
        else if (/^\d+$/.test(rest)) positional.push({ key, saved, index: Number(rest) });
      }
    } catch (error) {
      const reason = storageErrorReason(error);
      return {
        load: () => ({ kind: 'unreadable', reason }),
        save: () => ({ ok: false, reason }),
        remove: () => ({ ok: false, reason }),
      };
    }

    const free = () => cells.filter((cell) => !attached.has(cell.id) && !failures.has(cell.id));
    const nearest = (candidates: CellRef[], index: number) =>
      candidates.sort((a, b) => Math.abs(a.index - index) - Math.abs(b.index - index))[0];
    /** Puts `found` on `cell` in memory and under the cell's own key in storage. */
    const move = (found: Found, cell: CellRef) => {
      const saved: SavedEdit = { ...found.saved };
      if (saved.original === undefined && saved.originalHash === hashCode(cell.original))
        saved.original = cell.original;
      attached.set(cell.id, saved);
      // If storage refuses, the old key stays and the next visit tries again.
      write((st) => {
        st.setItem(keyOf(cell.id), JSON.stringify(saved));
        st.removeItem(found.key);
      });
    };

    // Position-keyed saves of an original still in the lesson follow that original.
    positional.sort((a, b) => a.index - b.index);
    const unmatched: typeof positional = [];
    for (const found of positional) {
      const same = free().filter((cell) => hashCode(cell.original) === found.saved.originalHash);
      const cell = nearest(same, found.index);
      if (cell === undefined) unmatched.push(found);
      else move(found, cell);
    }
    // Edits of a cell whose code the lesson changed: to the most similar cell without an edit.
    for (const found of orphans) {
      const { original, originalHash } = found.saved;
      const exact = free().filter((cell) => hashCode(cell.original) === originalHash);
      let cell = exact[0];
      if (cell === undefined && original !== undefined) {
        let best = SIMILAR;
        for (const candidate of free()) {
          const score = similarity(original, candidate.original);
          if (score >= best) [best, cell] = [score, candidate];
        }
      }
      if (cell !== undefined) move(found, cell);
    }
    // The rest of the position-keyed saves stay where they were, as the first format had them.
    for (const found of unmatched) {
      const cell = byIndex.get(found.index);
      if (cell !== undefined && !attached.has(cell.id) && !failures.has(cell.id)) move(found, cell);
    }

    return {
      load(id) {
        const failure = failures.get(id);
        if (failure !== undefined) return { kind: 'unreadable', reason: failure };
        const saved = attached.get(id);
        const cell = byId.get(id);
        if (saved === undefined || cell === undefined) return { kind: 'original' };
        if (saved.originalHash !== hashCode(cell.original))
          return { kind: 'conflict', code: saved.code };
        if (saved.code === cell.original) return { kind: 'original' };
        return { kind: 'edited', code: saved.code };
      },
      save(cell, code) {
        if (code === cell.original) {
          attached.delete(cell.id);
          return write((st) => st.removeItem(keyOf(cell.id)));
        }
        const saved: SavedEdit = {
          originalHash: hashCode(cell.original),
          original: cell.original,
          code,
          savedAt: Date.now(),
        };
        attached.set(cell.id, saved);
        return write((st) => st.setItem(keyOf(cell.id), JSON.stringify(saved)));
      },
      remove(cell) {
        attached.delete(cell.id);
        return write((st) => st.removeItem(keyOf(cell.id)));
      },
    };
  };

  return {
    open,
    hasAny() {
      try {
        const s = storage();
        for (let i = 0; i < s.length; i++) {
          const key = s.key(i);
          if (key?.startsWith(v2Prefix) || key?.startsWith(v1Prefix)) return true;
        }
      } catch {
        // Unreadable storage: the controller loads and reports it.
        return true;
      }
      return false;
    },
  };
}
