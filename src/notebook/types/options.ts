// The TypeScript setup every notebook cell is checked with, shared by the build-time check of the
// lessons (tests/unit) and the editor's language service, so both report the same errors. Paths are
// virtual: the project root is "/", and the environment (lib, tfjs and the kernel's own
// declarations) is a map from such paths to text (see environment.ts).
import ts from 'typescript';

/** Where the cells' files live in the virtual file system; one module per cell, in page order. */
export const CELLS_DIR = '/cells';

/** The ambient declarations of the kernel's globals (tf, anatomia, display): see GLOBALS_TEXT. */
export const GLOBALS_PATH = '/anatomia-globals.d.ts';
/** `tf` as the kernel builds it: tfjs-core and tfjs-layers in one namespace, chained ops included. */
export const TF_PATH = '/anatomia-tf.d.ts';
/** The entry whose declarations describe `anatomia` and `display` (emitted at build time). */
export const BUILTINS_ENTRY = 'src/notebook/types/builtins.ts';

export const TF_TEXT = `// tf in a notebook cell: what kernel.ts puts in the scope ({...tfjs-core, ...tfjs-layers}).
export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
export as namespace tf;
`;

export const GLOBALS_TEXT = `// The names a notebook cell finds in its scope besides its own and earlier cells'.
import type { Anatomia, Display } from './src/notebook/types/builtins';
declare global {
  /** The course's helpers: datasets, anatomia.train with a live panel, image, plot, display. */
  const anatomia: Anatomia;
  /** Shows each value in the cell's output, in order. */
  const display: Display;
}
`;

/**
 * Strict, as a reader of modern TypeScript expects, but without the project's strictest extras
 * (unchecked index access, exact optional properties, unused names): a learner's scratch code
 * should not drown in errors the course does not teach.
 */
export const compilerOptions: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // Cells run in a worker, but tfjs' declarations name DOM types (HTMLImageElement…).
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  // `tf` is a UMD-style global namespace (TF_TEXT); every cell is a module (for top-level await).
  allowUmdGlobalAccess: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  noEmit: true,
  // Only what the environment names: no automatic inclusion of every @types package.
  types: [],
};
