// Builds the type environment of notebook cells (Node only): the kernel builtins' declarations,
// emitted from the sources, plus every lib and tfjs declaration file the checker reads when it
// resolves them. The result is a plain map of virtual paths (project root = "/") to text: the
// build-time check uses it directly, and scripts bundle it for the editor's language service.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { VIRTUAL_ROOT } from './host';
import {
  BUILTINS_ENTRY,
  CELLS_DIR,
  compilerOptions,
  GLOBALS_PATH,
  GLOBALS_TEXT,
  TF_PATH,
  TF_TEXT,
} from './options';

/** Emits .d.ts for the builtins entry and everything in the project it imports: virtual path → text. */
function emitBuiltins(root: string): Map<string, string> {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram([join(root, BUILTINS_ENTRY)], {
    ...parsed.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    types: [],
  });
  const emitted = new Map<string, string>();
  const result = program.emit(undefined, (path, text) => {
    const inside = relative(root, path);
    if (!inside.startsWith('..')) emitted.set(`/${inside}`, text);
  });
  if (result.emitSkipped) throw new Error('could not emit the notebook builtins declarations');
  return emitted;
}

/**
 * `root` is the project directory (it must hold node_modules). Files are read as the checker asks
 * for them, so the map holds exactly what checking a cell needs.
 */
export function buildEnvironment(root: string): Map<string, string> {
  const overlay = emitBuiltins(root);
  overlay.set(TF_PATH, TF_TEXT);
  overlay.set(GLOBALS_PATH, GLOBALS_TEXT);
  const environment = new Map(overlay);
  const real = (path: string) => join(root, path);
  // The project's own sources are known only by their emitted declarations.
  const hidden = (path: string) =>
    path.startsWith('/src/') && !overlay.has(path) && !path.endsWith('.d.ts');
  const readFile = (path: string): string | undefined => {
    const known = environment.get(path);
    if (known !== undefined) return known;
    if (hidden(path) || !existsSync(real(path)) || !statSync(real(path)).isFile()) return undefined;
    const text = readFileSync(real(path), 'utf8');
    environment.set(path, text);
    return text;
  };
  const host: ts.CompilerHost = {
    fileExists: (path) => readFile(path) !== undefined,
    readFile,
    directoryExists: (path) =>
      path.startsWith(CELLS_DIR) ||
      [...overlay.keys()].some((file) => file.startsWith(`${path}/`)) ||
      (existsSync(real(path)) && statSync(real(path)).isDirectory()),
    getDirectories: () => [],
    getSourceFile(path, languageVersion) {
      const text = readFile(path);
      return text === undefined ? undefined : ts.createSourceFile(path, text, languageVersion);
    },
    ...VIRTUAL_ROOT,
  };
  // A cell that names every builtin makes the checker resolve all of them.
  const probe = `${CELLS_DIR}/probe.ts`;
  const probeText = 'tf.tensor([1]); anatomia.image; display; export {};\n';
  const program = ts.createProgram({
    rootNames: [TF_PATH, GLOBALS_PATH, probe],
    options: compilerOptions,
    host: {
      ...host,
      fileExists: (path) => path === probe || host.fileExists(path),
      readFile: (path) => (path === probe ? probeText : host.readFile(path)),
      getSourceFile: (path, version) =>
        path === probe
          ? ts.createSourceFile(path, probeText, version)
          : host.getSourceFile(path, version),
    },
  });
  const errors = program
    .getSemanticDiagnostics(program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (errors.length > 0)
    throw new Error(`notebook type environment is broken: ${errors.join('; ')}`);
  environment.delete(probe);
  return environment;
}
