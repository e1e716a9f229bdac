// A cell's stable id: a fingerprint of its original code, so inserting, removing or moving other
// cells never changes it (a position would). Identical cells get -2, -3… in page order. A lesson
// may also name a cell (```ts cell id=…), which survives even an edit of the cell's code.
import { hashCode } from './hash';

export interface CellIdSource {
  /** The cell's code as the lesson wrote it (trailing newlines are not part of it). */
  code: string;
  /** An id the lesson gave the cell, if any. */
  id?: string | undefined;
}

/** The lesson's code of a cell as the page holds it (Cell.astro drops trailing newlines). */
export function originalCode(code: string): string {
  return code.replace(/\n+$/, '');
}

/** Ids for the cells of one page, in page order: given ones kept, the others derived. */
export function cellIds(cells: readonly CellIdSource[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell) => {
    const base = cell.id ?? `c${hashCode(originalCode(cell.code))}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}
