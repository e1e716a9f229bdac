// Splices on a string that remember where they happened, so that an offset in the spliced text
// can be traced back to the text before the splice (for error positions).

export interface Edit {
  /** Offset in the original text. */
  at: number;
  /** Characters removed from `at`. */
  remove: number;
  insert: string;
}

export interface Spliced {
  text: string;
  /** Offset in `text` → offset in the original; inside inserted text, the edit's `at`. */
  toOriginal(offset: number): number;
}

/** Applies non-overlapping edits (any order; equal offsets keep their given order). */
export function splice(original: string, edits: readonly Edit[]): Spliced {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.at - b.edit.at || a.index - b.index)
    .map(({ edit }) => edit);
  const parts: string[] = [];
  // For each edit: where its inserted text starts in the output, and the output/original delta after it.
  const marks: { outputStart: number; edit: Edit; deltaAfter: number }[] = [];
  let cursor = 0;
  let outputLength = 0;
  for (const edit of sorted) {
    if (edit.at < cursor) throw new Error(`overlapping edits at ${edit.at}`);
    parts.push(original.slice(cursor, edit.at), edit.insert);
    outputLength += edit.at - cursor;
    const outputStart = outputLength;
    outputLength += edit.insert.length;
    cursor = edit.at + edit.remove;
    marks.push({ outputStart, edit, deltaAfter: outputLength - cursor });
  }
  parts.push(original.slice(cursor));
  return {
    text: parts.join(''),
    toOriginal(offset) {
      let delta = 0;
      for (const { outputStart, edit, deltaAfter } of marks) {
        if (offset < outputStart) break;
        if (offset < outputStart + edit.insert.length) {
          // Within replaced text of the same length, keep the column; else point at the edit.
          return edit.insert.length === edit.remove ? edit.at + (offset - outputStart) : edit.at;
        }
        delta = deltaAfter;
      }
      return offset - delta;
    },
  };
}

/** Offsets where each line starts; line i (0-based) spans [starts[i], starts[i + 1]). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export function offsetToLineColumn(
  starts: readonly number[],
  offset: number,
): { line: number; column: number } {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
  return { line, column: offset - (starts[line] as number) };
}
