// What compiling a cell produces, and the error data every layer of the notebook passes around.
// Plain data only: errors cross the worker boundary and are worded in pt-BR by the page (src/i18n).
import type { CoreErrorData } from '../../core/errors';

/** 1-based line and column in the reader's own code, as an editor shows them. */
export interface SourcePosition {
  line: number;
  column: number;
}

export type CellErrorKind =
  | 'syntax'
  | 'module'
  | 'reference'
  | 'type'
  /** Assignment to a const, often one another cell declared. */
  | 'const-assign'
  | 'range'
  | 'stack-overflow'
  | 'memory'
  | 'shape'
  | 'config'
  | 'browser-global'
  | 'rejection'
  | 'core'
  | 'stopped'
  | 'kernel-crash'
  /** The kernel worker's script could not even load. */
  | 'kernel-start'
  | 'other';

export interface CellErrorData {
  kind: CellErrorKind;
  /** The thrown error's name: 'TypeError', 'SyntaxError', 'ValueError'… */
  name: string;
  /** The original message, untranslated (the reader may search for it). */
  message: string;
  /** Where in the reader's code, when known. */
  position?: SourcePosition;
  /** The identifier an error is about: a missing variable, a browser-only global. */
  subject?: string;
  /** A typed error from the training core, worded by its `code`. */
  core?: CoreErrorData;
}

export interface CompiledCell {
  ok: true;
  /**
   * Source of a function expression `(function (__cell__) {…})`: call it with `{scope, seal}` and
   * it returns a promise of the final expression's value (or undefined). `seal(names)` is called
   * right after each top-level const is assigned; it must make those names read-only in `scope`.
   */
  code: string;
  /** The sourceURL the code names itself with; stack frames in the reader's code carry it. */
  sourceUrl: string;
  /** Top-level names the cell declares: they live in the shared per-lesson scope. */
  declarations: string[];
  /** Those declared with const (sealed once assigned). */
  constants: string[];
  /** True when the cell ends in a bare expression whose value should be shown. */
  autodisplay: boolean;
  /** Maps a 1-based position in `code` (as a stack frame gives it) to the reader's code. */
  mapPosition(line: number, column: number): SourcePosition;
}

export interface FailedCompile {
  ok: false;
  error: CellErrorData;
}

export type CompileResult = CompiledCell | FailedCompile;
