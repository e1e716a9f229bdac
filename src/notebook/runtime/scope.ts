// The shared per-lesson scope cells run in (through `with`). It starts with the kernel's builtins
// (tf, anatomia, display…) and collects the cells' top-level declarations. Browser-only globals are
// shadowed by getters that throw a BrowserGlobalError, so a cell touching `document` is told why.

/** Globals a page script has and a worker does not; cells are told plainly instead of "undefined". */
export const BROWSER_GLOBALS = [
  'document',
  'window',
  'alert',
  'confirm',
  'prompt',
  'localStorage',
  'sessionStorage',
] as const;

export class BrowserGlobalError extends ReferenceError {
  readonly global: string;
  constructor(global: string) {
    super(`${global} is not available in a notebook cell (cells run in a Web Worker)`);
    this.name = 'BrowserGlobalError';
    this.global = global;
  }
}

export interface CellScope {
  /** The object cells see through `with`; null prototype, so nothing leaks in from Object. */
  readonly object: Record<string, unknown>;
  /** Makes sure each declared name is a plain writable slot before a cell assigns it. */
  declare(names: readonly string[]): void;
  /** The reader's own values (everything but the builtins): roots for leak tracking. */
  userValues(): unknown[];
}

export function createCellScope(builtins: Record<string, unknown>): CellScope {
  const object = Object.create(null) as Record<string, unknown>;
  const builtinNames = new Set(Object.keys(builtins));
  for (const name of BROWSER_GLOBALS) {
    Object.defineProperty(object, name, {
      configurable: true,
      enumerable: false,
      get() {
        throw new BrowserGlobalError(name);
      },
    });
  }
  Object.assign(object, builtins);
  return {
    object,
    declare(names) {
      for (const name of names) {
        const descriptor = Object.getOwnPropertyDescriptor(object, name);
        if (descriptor !== undefined && 'value' in descriptor) continue;
        // A reader may name a variable `window`: their declaration replaces the guard.
        Object.defineProperty(object, name, {
          configurable: true,
          enumerable: true,
          writable: true,
          value: undefined,
        });
      }
    },
    userValues() {
      return Object.keys(object)
        .filter((name) => !builtinNames.has(name))
        .map((name) => object[name]);
    },
  };
}
