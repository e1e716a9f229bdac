// Turns whatever a cell threw into CellErrorData: a kind the page words in pt-BR, the original
// message, and the position in the reader's code (from the topmost stack frame in the cell).
import { CoreError } from '../../core/errors';
import type { CellErrorData, CellErrorKind, SourcePosition } from '../compile/types';
import { BrowserGlobalError, ConstAssignmentError } from './scope';

export interface PositionSource {
  sourceUrl: string;
  mapPosition(line: number, column: number): SourcePosition;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the error happened in the cell, from the first stack frame naming its sourceURL. */
export function positionInCell(stack: string, cell: PositionSource): SourcePosition | undefined {
  const frame = new RegExp(`${escapeRegExp(cell.sourceUrl)}:(\\d+):(\\d+)`).exec(stack);
  if (frame === null) return undefined;
  const position = cell.mapPosition(Number(frame[1]), Number(frame[2]));
  // Line 1 of the compiled code is the wrapper; an error there has no place in the reader's code.
  return position.line >= 1 ? position : undefined;
}

const SHAPE_MESSAGE =
  /shape|broadcast|rank|ndim|incompatible with layer|must match|inner dimensions|axis/i;
const CONFIG_MESSAGE =
  /expected .+ to be|unknown (activation|layer|loss|optimizer|initializer|regularizer|constraint)|invalid|must be (a |an )?(positive|integer|number|one of)|not a valid/i;
// "offset is out of bounds": the wasm backend copying a tensor into a heap that could not grow
// (tf.zeros([40000, 40000]) asks for 6,4 GB, past wasm's 4 GB).
const MEMORY_MESSAGE =
  /invalid (typed )?array length|array buffer allocation failed|out of memory|cannot allocate|allocation failed|requested.+(bytes|size)|^offset is out of bounds$/i;

function classify(error: Error): CellErrorKind {
  const { name, message } = error;
  if (error instanceof BrowserGlobalError || name === 'BrowserGlobalError') return 'browser-global';
  if (name === 'RangeError' && /call stack/i.test(message)) return 'stack-overflow';
  // V8's own wording, for a const local to a function or block of the cell.
  if (error instanceof ConstAssignmentError || /^Assignment to constant variable/.test(message))
    return 'const-assign';
  if (MEMORY_MESSAGE.test(message)) return 'memory';
  if (name === 'ReferenceError') return 'reference';
  if (name === 'SyntaxError') return 'syntax';
  if (SHAPE_MESSAGE.test(message) && !/is not a function/.test(message)) return 'shape';
  if (CONFIG_MESSAGE.test(message) || name === 'ValueError' || name === 'NotImplementedError') {
    return 'config';
  }
  if (name === 'TypeError') return 'type';
  if (name === 'RangeError') return 'range';
  return 'other';
}

/** Converts a thrown value (not always an Error) into error data for the page. */
export function toCellError(
  thrown: unknown,
  cell: PositionSource | undefined,
  kind?: CellErrorKind,
): CellErrorData {
  if (!(thrown instanceof Error)) {
    // `throw "texto"` or a promise rejected with a non-Error: keep what was thrown, as text.
    let text: string;
    try {
      text = typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown));
    } catch {
      text = String(thrown);
    }
    return { kind: kind ?? 'other', name: typeof thrown, message: text };
  }
  const data: CellErrorData = {
    kind: kind ?? classify(thrown),
    name: thrown.name,
    message: thrown.message,
  };
  const position = cell === undefined ? undefined : positionInCell(thrown.stack ?? '', cell);
  if (position !== undefined) data.position = position;
  if (thrown instanceof BrowserGlobalError) data.subject = thrown.global;
  else if (thrown instanceof ConstAssignmentError) data.subject = thrown.constant;
  else if (data.kind === 'reference') {
    const missing = /^(\S+) is not defined/.exec(thrown.message);
    if (missing?.[1] !== undefined) data.subject = missing[1];
  }
  if (thrown instanceof CoreError) {
    data.kind = 'core';
    data.core = thrown.data;
  }
  return data;
}
