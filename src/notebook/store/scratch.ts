// The reader's own cells of a lesson ("Nova célula"), saved next to their edits of the lesson's
// cells. One key per lesson holds them all, in page order, each anchored to the lesson cell it
// follows (by stable id, with that cell's position as a fallback) or to the lesson's end. A lesson
// update never makes them a conflict: a vanished anchor puts the cell at its anchor's old position,
// or at the end, with its code untouched.

import { storageErrorReason } from './storage-error';

const PREFIX = 'anatomia:notebook:scratch:v1:';
const VERSION = 1;

/** Where a scratch cell sits: after a lesson cell, or at the end of the lesson. */
export type Anchor = { after: string; index: number } | { after: 'end' };

export interface ScratchCell {
  /** Unique within the lesson, never a lesson cell's id (those start with a letter, never "s-"). */
  id: string;
  anchor: Anchor;
  code: string;
}

interface Saved {
  version: number;
  cells: ScratchCell[];
}

export type ScratchLoad =
  { ok: true; cells: ScratchCell[] } | { ok: false; reason: string; cells: ScratchCell[] };

export type ScratchSave = { ok: true } | { ok: false; reason: string };

export interface ScratchStore {
  /** The saved scratch cells, in page order, anchors resolved against today's lesson cells. */
  load(lessonCells: readonly string[]): ScratchLoad;
  /** Saves the whole list, in page order (an empty list removes the key). */
  save(cells: readonly ScratchCell[]): ScratchSave;
  /** A fresh id no saved cell has. */
  newId(): string;
}

function isAnchor(value: unknown): value is Anchor {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as { after?: unknown; index?: unknown };
  if (a.after === 'end') return true;
  return typeof a.after === 'string' && Number.isInteger(a.index);
}

function parse(raw: string | null): ScratchCell[] | undefined {
  if (raw === null) return [];
  try {
    const saved = JSON.parse(raw) as Partial<Saved> | null;
    if (saved?.version !== VERSION || !Array.isArray(saved.cells)) return undefined;
    return saved.cells.filter(
      (c): c is ScratchCell =>
        typeof c === 'object' &&
        c !== null &&
        typeof c.id === 'string' &&
        typeof c.code === 'string' &&
        isAnchor(c.anchor),
    );
  } catch {
    return undefined;
  }
}

/**
 * Re-anchors cells whose lesson cell is gone (the lesson changed that cell's code): to the lesson
 * cell now at the old position, else to the end. Order among cells of one anchor is kept.
 */
export function resolveAnchors(
  cells: readonly ScratchCell[],
  lessonCells: readonly string[],
): ScratchCell[] {
  const known = new Set(lessonCells);
  const resolved = cells.map((cell): ScratchCell => {
    const { anchor } = cell;
    if (anchor.after === 'end' || known.has(anchor.after)) return cell;
    const at = Math.min((anchor as { index: number }).index, lessonCells.length - 1);
    const after = lessonCells[at];
    return { ...cell, anchor: after === undefined ? { after: 'end' } : { after, index: at } };
  });
  // Page order: by anchor position (the end last), stable within one anchor.
  const rank = (a: Anchor) =>
    a.after === 'end' ? lessonCells.length : lessonCells.indexOf(a.after);
  return resolved
    .map((cell, order) => ({ cell, order }))
    .sort((x, y) => rank(x.cell.anchor) - rank(y.cell.anchor) || x.order - y.order)
    .map(({ cell }) => cell);
}

export function hasScratch(storage: () => Storage, lesson: string): boolean {
  try {
    return storage().getItem(`${PREFIX}${lesson}`) !== null;
  } catch {
    return false;
  }
}

/** `storage` is a function so that a browser which throws on mere access is caught here too. */
export function createScratchStore(storage: () => Storage, lesson: string): ScratchStore {
  const key = `${PREFIX}${lesson}`;
  let known = new Set<string>();
  return {
    load(lessonCells) {
      let raw: string | null;
      try {
        raw = storage().getItem(key);
      } catch (error) {
        return { ok: false, reason: storageErrorReason(error), cells: [] };
      }
      const cells = parse(raw);
      if (cells === undefined) return { ok: false, reason: 'dados salvos corrompidos', cells: [] };
      known = new Set(cells.map((c) => c.id));
      return { ok: true, cells: resolveAnchors(cells, lessonCells) };
    },
    save(cells) {
      try {
        if (cells.length === 0) storage().removeItem(key);
        else {
          const saved: Saved = { version: VERSION, cells: cells.slice() };
          storage().setItem(key, JSON.stringify(saved));
        }
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: storageErrorReason(error) };
      }
    },
    newId() {
      let id: string;
      do id = `s-${Math.random().toString(36).slice(2, 10)}`;
      while (known.has(id));
      known.add(id);
      return id;
    },
  };
}
