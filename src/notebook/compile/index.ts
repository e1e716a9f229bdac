// The pure half of the notebook: TypeScript cell → runnable function + positions. No DOM, no tfjs.
export { compileCell, type CompileOptions } from './compile';
export type {
  CellErrorData,
  CellErrorKind,
  CompileResult,
  CompiledCell,
  FailedCompile,
  SourcePosition,
} from './types';
