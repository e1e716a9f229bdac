// Reads the source map sucrase writes (one segment per token) so that a position in the stripped
// JavaScript can be traced back to the reader's TypeScript. Only what sucrase emits is supported:
// a single source, no names, VLQ "mappings".

/** [generated column, source line, source column], all 0-based. */
type Segment = readonly [number, number, number];

export interface LineColumn {
  /** 0-based line. */
  line: number;
  /** 0-based column. */
  column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`source map: bad base64 digit "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    // The lowest bit is the sign.
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Decodes "mappings" into segments per generated line, each line sorted by column. */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const text of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const part of text.split(',')) {
      if (part === '') continue;
      const [dColumn = 0, , dLine = 0, dSourceColumn = 0] = decodeVlq(part);
      column += dColumn;
      sourceLine += dLine;
      sourceColumn += dSourceColumn;
      segments.push([column, sourceLine, sourceColumn]);
    }
    segments.sort((a, b) => a[0] - b[0]);
    lines.push(segments);
  }
  return lines;
}

/**
 * Maps a generated position to the source. Inside a token the offset from the token start is kept,
 * so a column in the middle of an identifier stays in the middle of it. Lines without segments
 * (sucrase keeps line numbers) map to themselves.
 */
export function traceSegment(lines: readonly Segment[][], at: LineColumn): LineColumn {
  const segments = lines[at.line] ?? [];
  let best: Segment | undefined;
  for (const segment of segments) {
    if (segment[0] > at.column) break;
    best = segment;
  }
  if (best === undefined) return at;
  return { line: best[1], column: best[2] + (at.column - best[0]) };
}
