// The types of the kernel's builtins that cells see, as one entry: environment.ts emits its
// declarations (and those of everything it reaches) for the type checker.
export type { Anatomia, Display } from '../runtime/kernel';
