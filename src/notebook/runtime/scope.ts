// The shared per-lesson scope cells run in (through `with`). It starts with the kernel's builtins
// (tf, anatomia, display…) and collects the cells' top-level declarations. Browser-only globals are
// shadowed by getters that throw a BrowserGlobalError, so a cell touching `document` is told why.
// A const, once its declaration ran, is a getter whose setter throws ConstAssignmentError: the
// shared scope keeps JS's rule that a const is never reassigned, across cells too.

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

/** A TypeError, as JS throws for a const; it also names the constant (V8's own message does not). */
export class ConstAssignmentError extends TypeError {
  readonly constant: string;
  constructor(constant: string) {
    super(`Assignment to constant variable '${constant}'.`);
    this.constant = constant;
  }
}

export interface CellScope {
  /** The object cells see through `with`; null prototype, so nothing leaks in from Object. */
  readonly object: Record<string, unknown>;
  /**
   * Makes sure each declared name is a plain writable slot before a cell assigns it; a const
   * being redeclared (its cell rerun) keeps its value until the declaration assigns a new one.
   */
  declare(names: readonly string[]): void;
  /**
   * Makes names read-only, keeping their values: called right after a const declaration, and for
   * all of a cell's consts when its run ends (a run that failed before a declaration leaves it as
   * it was, still a const). Names already sealed are left alone.
   */
  seal(names: readonly string[]): void;
  /** The reader's own values (everything but the builtins): roots for leak tracking. */
  userValues(): unknown[];
}

export function createCellScope(builtins: Record<string, unknown>): CellScope {
  const object = Object.create(null) as Record<string, unknown>;
  const builtinNames = new Set(Object.keys(builtins));
  const sealed = new Set<string>();
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
        const value = sealed.delete(name) ? object[name] : undefined;
        Object.defineProperty(object, name, {
          configurable: true,
          enumerable: true,
          writable: true,
          value,
        });
      }
    },
    seal(names) {
      for (const name of names) {
        if (sealed.has(name)) continue;
        const value = object[name];
        sealed.add(name);
        Object.defineProperty(object, name, {
          configurable: true,
          enumerable: true,
          get: () => value,
          set() {
            throw new ConstAssignmentError(name);
          },
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
