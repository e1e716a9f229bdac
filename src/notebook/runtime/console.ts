// Captures a cell's console into text outputs. Lines are batched (a flush every ~50 ms, or sooner
// when a chunk grows big) so a flood of logs costs a few messages, and each run keeps at most
// MAX_CHARS: beyond that lines are only counted, and the page says how many were left out.
import { formatLogArguments, formatValue } from './format';
import type { Output, TextStream } from './protocol';

const FLUSH_MS = 50;
const CHUNK_CHARS = 16_384;
const MAX_CHARS = 200_000;

export interface CapturedConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  dir(value: unknown): void;
  table(value: unknown): void;
  trace(...args: unknown[]): void;
  assert(condition: unknown, ...args: unknown[]): void;
}

export interface ConsoleCapture {
  readonly console: CapturedConsole;
  /** Starts a run's budget; flushes what an earlier run left. */
  beginRun(): void;
  /** Flushes pending lines and reports any that were dropped. */
  endRun(): void;
  flush(): void;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

export function createConsoleCapture(emit: (output: Output) => void): ConsoleCapture {
  let pending: { stream: TextStream; text: string }[] = [];
  let pendingChars = 0;
  let used = 0;
  let omitted = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (const chunk of pending) emit({ type: 'text', stream: chunk.stream, text: chunk.text });
    pending = [];
    pendingChars = 0;
  };

  const write = (stream: TextStream, text: string) => {
    if (used >= MAX_CHARS) {
      omitted += countLines(text);
      return;
    }
    let piece = text;
    if (used + piece.length + 1 > MAX_CHARS) {
      piece = piece.slice(0, MAX_CHARS - used - 1);
      omitted += countLines(text) - countLines(piece);
    }
    // +1: the line break that joins this piece to the previous one on the page.
    used += piece.length + 1;
    pendingChars += piece.length + 1;
    const last = pending[pending.length - 1];
    if (last !== undefined && last.stream === stream) last.text += `\n${piece}`;
    else pending.push({ stream, text: piece });
    // A synchronous loop never lets the timer fire: big chunks go out at once.
    if (pendingChars >= CHUNK_CHARS) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
  };

  const console: CapturedConsole = {
    log: (...args) => write('log', formatLogArguments(args)),
    info: (...args) => write('info', formatLogArguments(args)),
    warn: (...args) => write('warn', formatLogArguments(args)),
    error: (...args) => write('error', formatLogArguments(args)),
    debug: (...args) => write('log', formatLogArguments(args)),
    dir: (value) => write('log', formatValue(value)),
    table: (value) => write('log', formatValue(value)),
    trace: (...args) => write('log', formatLogArguments(args)),
    assert: (condition, ...args) => {
      if (!condition)
        write('error', `Assertion failed${args.length ? `: ${formatLogArguments(args)}` : ''}`);
    },
  };

  return {
    console,
    beginRun() {
      flush();
      used = 0;
      omitted = 0;
    },
    endRun() {
      flush();
      if (omitted > 0) emit({ type: 'omitted', lines: omitted });
      omitted = 0;
    },
    flush,
  };
}
