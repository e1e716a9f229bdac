// Which exercises of a lesson the reader has passed, saved in the browser next to their edits
// (same lesson key: the page's path). Keyed by exercise id, never by position, so adding, moving or
// rewording exercises keeps every pass; an id the lesson no longer has is kept (not counted) in case
// it comes back. Versioned key; unreadable data is left in place, never overwritten silently.
import { V1, V2 } from './edits';
import { storageErrorReason } from './storage-error';

export const PROGRESS_V1 = 'anatomia:progress:v1:';

interface SavedProgress {
  passed: Record<string, number>;
}

export type ProgressResult = { ok: true } | { ok: false; reason: string };

function parse(raw: string | null): SavedProgress | undefined {
  if (raw === null) return { passed: {} };
  try {
    const value = JSON.parse(raw) as Partial<SavedProgress> | null;
    const passed = value?.passed;
    if (typeof passed !== 'object' || passed === null || Array.isArray(passed)) return undefined;
    return { passed: passed as Record<string, number> };
  } catch {
    return undefined;
  }
}

export interface LessonProgress {
  /** Ids of the passed exercises (empty when storage cannot be read). */
  passed(): Set<string>;
  markPassed(id: string): ProgressResult;
  /** Recomeçar lição: removes the lesson's progress and every saved edit of its cells. */
  reset(): ProgressResult;
}

/** `storage` is a function so that a browser which throws on mere access is caught here too. */
export function createLessonProgress(storage: () => Storage, lesson: string): LessonProgress {
  const key = `${PROGRESS_V1}${lesson}`;
  const read = (): SavedProgress | undefined => {
    try {
      return parse(storage().getItem(key));
    } catch {
      return undefined;
    }
  };
  return {
    passed: () => new Set(Object.keys(read()?.passed ?? {})),
    markPassed(id) {
      const saved = read();
      if (saved === undefined) return { ok: false, reason: 'dados salvos corrompidos' };
      if (saved.passed[id] !== undefined) return { ok: true };
      saved.passed[id] = Date.now();
      try {
        storage().setItem(key, JSON.stringify(saved));
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: storageErrorReason(error) };
      }
    },
    reset() {
      try {
        const s = storage();
        const doomed: string[] = [];
        for (let i = 0; i < s.length; i++) {
          const k = s.key(i);
          if (k === key || k?.startsWith(`${V1}${lesson}:`) || k?.startsWith(`${V2}${lesson}:`))
            doomed.push(k);
        }
        for (const k of doomed) s.removeItem(k);
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: storageErrorReason(error) };
      }
    },
  };
}

/** How many of `ids` are passed in `lesson` (the sidebar's and Início's count). */
export function countPassed(
  storage: () => Storage,
  lesson: string,
  ids: readonly string[],
): number {
  const passed = createLessonProgress(storage, lesson).passed();
  return ids.filter((id) => passed.has(id)).length;
}
