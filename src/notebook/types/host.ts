// A TypeScript compiler host over an in-memory file system: the environment (virtual path → text)
// plus the cells' files. Pure, so the same host serves the build-time check in Node and the
// language service in a worker. Parsed environment files are cached across programs: only the
// cells change from one check to the next.
import ts from 'typescript';
import { compilerOptions } from './options';

export type Files = ReadonlyMap<string, string>;

/** The parts of a compiler host over a virtual root: TypeScript's libs under /node_modules, no writes. */
export const VIRTUAL_ROOT = {
  getDefaultLibFileName: (options: ts.CompilerOptions) =>
    `/node_modules/typescript/lib/${ts.getDefaultLibFileName(options)}`,
  getDefaultLibLocation: () => '/node_modules/typescript/lib',
  writeFile: () => undefined,
  getCurrentDirectory: () => '/',
  getCanonicalFileName: (path: string) => path,
  useCaseSensitiveFileNames: () => true,
  getNewLine: () => '\n',
} satisfies Partial<ts.CompilerHost>;

export function directoriesOf(paths: Iterable<string>): Set<string> {
  const directories = new Set<string>(['/']);
  for (const path of paths) {
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
      const directory = path.slice(0, at);
      if (directories.has(directory)) break;
      directories.add(directory);
    }
  }
  return directories;
}

export interface MemoryHost extends ts.CompilerHost {
  /** Replaces the cells' files (path → text); the environment stays. */
  setCells(cells: Files): void;
}

export function createMemoryHost(environment: Files): MemoryHost {
  const environmentDirectories = directoriesOf(environment.keys());
  const cached = new Map<string, ts.SourceFile>();
  let cells: Files = new Map();
  let cellDirectories = new Set<string>();
  const read = (path: string) => cells.get(path) ?? environment.get(path);
  return {
    setCells(next) {
      cells = next;
      cellDirectories = directoriesOf(next.keys());
    },
    fileExists: (path) => read(path) !== undefined,
    readFile: read,
    directoryExists: (path) =>
      environmentDirectories.has(path.replace(/\/$/, '') || '/') ||
      cellDirectories.has(path.replace(/\/$/, '') || '/'),
    getDirectories: () => [],
    getSourceFile(path, languageVersion) {
      const cell = cells.get(path);
      if (cell !== undefined) return ts.createSourceFile(path, cell, languageVersion, true);
      const hit = cached.get(path);
      if (hit !== undefined) return hit;
      const text = environment.get(path);
      if (text === undefined) return undefined;
      const file = ts.createSourceFile(path, text, languageVersion, true);
      cached.set(path, file);
      return file;
    },
    ...VIRTUAL_ROOT,
  };
}

export { compilerOptions };
