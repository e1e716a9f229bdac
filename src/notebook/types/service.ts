// The TypeScript language service over the cells' shared scope (scope.ts) and the environment: what
// the worker answers with. Pure (no worker, no fetch), so it is tested in Node with the same
// environment the build-time check uses.
import ts from 'typescript';
import { toCellDiagnostic } from './check';
import { directoriesOf, type Files } from './host';
import { compilerOptions, GLOBALS_PATH, TF_PATH } from './options';
import type { Completions, Documented, Hover, SignatureHelp, TypesResults } from './protocol';
import { scopeFiles, type CellFile } from './scope';

export interface TypeService {
  completions(cells: readonly string[], cell: number, pos: number): Completions | null;
  details(cells: readonly string[], cell: number, pos: number, name: string): Documented | null;
  hover(cells: readonly string[], cell: number, pos: number): Hover | null;
  signature(cells: readonly string[], cell: number, pos: number): SignatureHelp | null;
  diagnostics(cells: readonly string[], cell: number): TypesResults['diagnostics'];
}

const text = (parts: readonly ts.SymbolDisplayPart[] | undefined) =>
  (parts ?? []).map((part) => part.text).join('');

function documentation(
  parts: readonly ts.SymbolDisplayPart[] | undefined,
  tags: readonly ts.JSDocTagInfo[] | undefined,
): string {
  const lines = [text(parts)];
  for (const tag of tags ?? []) {
    if (tag.name === 'param' || tag.name === 'returns') {
      lines.push(`@${tag.name} ${text(tag.text)}`);
    }
  }
  return lines.filter((line) => line.trim() !== '').join('\n');
}

const IDENTIFIER = /[\w$]/;

export function createTypeService(environment: Files): TypeService {
  const environmentDirectories = directoriesOf(environment.keys());
  let files: CellFile[] = [];
  let texts = new Map<string, string>();
  const versions = new Map<string, number>();
  let lastCells: readonly string[] = [];
  const read = (path: string) => texts.get(path) ?? environment.get(path);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => compilerOptions,
    getScriptFileNames: () => [TF_PATH, GLOBALS_PATH, ...files.map((file) => file.path)],
    getScriptVersion: (path) => String(versions.get(path) ?? 0),
    getScriptSnapshot: (path) => {
      const content = read(path);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: (options) =>
      `/node_modules/typescript/lib/${ts.getDefaultLibFileName(options)}`,
    fileExists: (path) => read(path) !== undefined,
    readFile: read,
    directoryExists: (path) =>
      environmentDirectories.has(path.replace(/\/$/, '') || '/') || path.startsWith('/cells'),
    getDirectories: () => [],
    useCaseSensitiveFileNames: () => true,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry(true, '/'));

  /** Brings the files up to date with the page's cells; returns the asked cell's file. */
  const sync = (cells: readonly string[], cell: number): CellFile | undefined => {
    if (cells !== lastCells) {
      lastCells = cells;
      files = scopeFiles(cells);
      const next = new Map(files.map((file) => [file.path, file.text]));
      for (const [path, content] of next) {
        if (texts.get(path) !== content) versions.set(path, (versions.get(path) ?? 0) + 1);
      }
      texts = next;
    }
    return files[cell];
  };

  return {
    completions(cells, cell, pos) {
      const file = sync(cells, cell);
      if (file === undefined) return null;
      const info = service.getCompletionsAtPosition(file.path, pos, {
        includeCompletionsWithInsertText: true,
      });
      if (info === undefined) return null;
      const code = cells[cell] ?? '';
      let from = pos;
      while (from > 0 && IDENTIFIER.test(code[from - 1] ?? '')) from--;
      return {
        from,
        items: info.entries.map((entry) => ({
          label: entry.name,
          kind: entry.kind,
          sortText: entry.sortText,
        })),
      };
    },
    details(cells, cell, pos, name) {
      const file = sync(cells, cell);
      if (file === undefined) return null;
      const details = service.getCompletionEntryDetails(
        file.path,
        pos,
        name,
        undefined,
        undefined,
        undefined,
        undefined,
      );
      if (details === undefined) return null;
      return {
        display: text(details.displayParts),
        documentation: documentation(details.documentation, details.tags),
      };
    },
    hover(cells, cell, pos) {
      const file = sync(cells, cell);
      if (file === undefined || pos > file.codeLength) return null;
      const info = service.getQuickInfoAtPosition(file.path, pos);
      if (info === undefined) return null;
      return {
        from: info.textSpan.start,
        to: info.textSpan.start + info.textSpan.length,
        display: text(info.displayParts),
        documentation: documentation(info.documentation, info.tags),
      };
    },
    signature(cells, cell, pos) {
      const file = sync(cells, cell);
      if (file === undefined) return null;
      const help = service.getSignatureHelpItems(file.path, pos, undefined);
      if (help === undefined) return null;
      const item = help.items[help.selectedItemIndex] ?? help.items[0];
      if (item === undefined) return null;
      let label = text(item.prefixDisplayParts);
      let active: [number, number] | undefined;
      item.parameters.forEach((parameter, index) => {
        if (index > 0) label += text(item.separatorDisplayParts);
        const start = label.length;
        label += text(parameter.displayParts);
        if (index === help.argumentIndex) active = [start, label.length];
      });
      label += text(item.suffixDisplayParts);
      const parameter = active === undefined ? undefined : item.parameters[help.argumentIndex];
      const docs = [
        documentation(item.documentation, item.tags),
        parameter === undefined ? '' : text(parameter.documentation),
      ].filter((part) => part !== '');
      const result: SignatureHelp = { label, documentation: docs.join('\n') };
      if (active !== undefined) result.active = active;
      if (help.items.length > 1) {
        result.overload = `${help.selectedItemIndex + 1}/${help.items.length}`;
      }
      return result;
    },
    diagnostics(cells, cell) {
      const file = sync(cells, cell);
      if (file === undefined) return [];
      const diagnostics = [
        ...service.getSyntacticDiagnostics(file.path),
        ...service.getSemanticDiagnostics(file.path),
      ];
      return diagnostics.flatMap((d) => toCellDiagnostic(d, cell, file) ?? []);
    },
  };
}
