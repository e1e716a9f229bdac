// Messages between the page and the language-service worker (ls.worker.ts). Every request names
// the page's cells as they are now, in page order (scratch cells included), and the cell asked
// about; positions are offsets in that cell's code.
import type { CellDiagnostic } from './check';

/** public/data/ts-env.json.gz, written by `npm run data` (scripts/type-environment.ts). */
export interface TypeEnvironmentFile {
  /** Virtual path → declaration text. */
  files: Record<string, string>;
  /** TypeScript's pt-BR diagnostic messages. */
  messages: Record<string, string>;
}

export interface TypesInit {
  type: 'init';
  /** Absolute URL of ts-env.json.gz. */
  environment: string;
}

interface At {
  id: number;
  cells: readonly string[];
  cell: number;
}

export type TypesRequest =
  | (At & { type: 'completions'; pos: number; explicit: boolean })
  | (At & { type: 'details'; pos: number; name: string })
  | (At & { type: 'hover'; pos: number })
  | (At & { type: 'signature'; pos: number })
  | (At & { type: 'diagnostics' });

export interface CompletionItem {
  label: string;
  /** TypeScript's ScriptElementKind: 'method', 'property', 'function', 'class'… */
  kind: string;
  sortText: string;
}

export interface Completions {
  /** Start of the word being completed (offset in the cell's code). */
  from: number;
  items: CompletionItem[];
}

export interface Documented {
  /** The signature or type, as TypeScript displays it. */
  display: string;
  /** The doc comment (and its tags), plain text; may be empty. */
  documentation: string;
}

export interface Hover extends Documented {
  from: number;
  to: number;
}

export interface SignatureHelp {
  /** The whole signature: `tensor2d(values: TensorLike, shape?: [number, number], …): Tensor2D`. */
  label: string;
  /** The argument being typed, as a [from, to) range in `label`; absent when there is none. */
  active?: [number, number];
  documentation: string;
  /** "1/3" when the function has overloads. */
  overload?: string;
}

export interface TypesResults {
  completions: Completions | null;
  details: Documented | null;
  hover: Hover | null;
  signature: SignatureHelp | null;
  diagnostics: CellDiagnostic[];
}

export type TypesReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
