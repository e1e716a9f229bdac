// Type-checks a page's cells in their shared scope (scope.ts) against the environment: one
// Program per page, the environment's parsed files reused across pages. Diagnostics come back per
// cell, positioned in the reader's code (1-based), with TypeScript's message — in pt-BR once
// localize() was called.
import ts from 'typescript';
import { createMemoryHost, type Files } from './host';
import { compilerOptions } from './options';
import { scopeFiles, type CellFile } from './scope';

export interface CellDiagnostic {
  /** The cell's index in the list checked (page order). */
  cell: number;
  /** 1-based, in the cell's own code. */
  line: number;
  column: number;
  /** Offsets in the cell's code: the underlined range. */
  from: number;
  to: number;
  /** TypeScript's error code (e.g. 2322), for "TS2322" and searching. */
  code: number;
  message: string;
  severity: 'error' | 'warning';
}

/** TypeScript's own translation; `messages` is typescript/lib/pt-br/diagnosticMessages.generated.json. */
export function localize(messages: Record<string, string>): void {
  (
    ts as unknown as { setLocalizedDiagnosticMessages(m: unknown): void }
  ).setLocalizedDiagnosticMessages(messages);
}

/** A diagnostic in a cell's file, mapped to the cell's code; undefined when it is in generated text. */
export function toCellDiagnostic(
  diagnostic: ts.Diagnostic,
  cell: number,
  file: CellFile,
): CellDiagnostic | undefined {
  const start = diagnostic.start ?? 0;
  if (start > file.codeLength) return undefined;
  const source = diagnostic.file;
  const { line, character } = source
    ? source.getLineAndCharacterOfPosition(start)
    : { line: 0, character: 0 };
  return {
    cell,
    line: line + 1,
    column: character + 1,
    from: start,
    to: Math.min(start + (diagnostic.length ?? 0), file.codeLength),
    code: diagnostic.code,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    severity: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
  };
}

export interface Checker {
  /** Every syntactic and semantic diagnostic of every cell, in cell order. */
  check(cells: readonly string[]): CellDiagnostic[];
}

export function createChecker(environment: Files, globals: readonly string[]): Checker {
  const host = createMemoryHost(environment);
  let old: ts.Program | undefined;
  return {
    check(cells) {
      const files = scopeFiles(cells);
      host.setCells(new Map(files.map((file) => [file.path, file.text])));
      const program = ts.createProgram({
        rootNames: [...globals, ...files.map((file) => file.path)],
        options: compilerOptions,
        host,
        ...(old === undefined ? {} : { oldProgram: old }),
      });
      old = program;
      return files.flatMap((file, index) => {
        const source = program.getSourceFile(file.path);
        const diagnostics = [
          ...program.getSyntacticDiagnostics(source),
          ...program.getSemanticDiagnostics(source),
        ];
        return diagnostics.flatMap((d) => toCellDiagnostic(d, index, file) ?? []);
      });
    },
  };
}
