// Compiles one cell of TypeScript into a function the kernel can run in the shared lesson scope.
// Steps: sucrase strips the types (keeping lines), acorn parses the JavaScript, declarations are
// rewritten into the scope, a bare final expression is returned for display, and a wrapper adds
// the `with (scope)` and `async` around it. Any syntax error becomes a result that shows it.
import { parse, type Program } from 'acorn';
import { transform } from 'sucrase';
import { analyze } from './declarations';
import { lineStarts, offsetToLineColumn, splice, type Edit } from './edits';
import { decodeMappings, traceSegment } from './sourcemap';
import type { CellErrorData, CompileResult, SourcePosition } from './types';

/**
 * The wrapper's parameter, `{scope, seal}`: cells reach the shared scope through `with`, never by
 * this name; `seal(names)` makes a const's names read-only there (see CompiledCell).
 */
const CELL = '__cell__';
const SCOPE = `${CELL}.scope`;
const SEAL = `${CELL}.seal`;

export interface CompileOptions {
  /** Names the code for stack traces, e.g. "anatomia-cell-3-run-7.js". */
  sourceUrl: string;
}

interface PositionedSyntaxError {
  message: string;
  pos: number;
}

function isPositionedSyntaxError(error: unknown): error is PositionedSyntaxError {
  return error instanceof Error && typeof (error as { pos?: unknown }).pos === 'number';
}

/** sucrase and acorn append "(line:column)" and sucrase prefixes the file; both go. */
function bareMessage(message: string): string {
  return message.replace(/^Error transforming cell\.ts: /, '').replace(/\s*\(\d+:\d+\)$/, '');
}

function toPosition(text: string, offset: number): SourcePosition {
  const { line, column } = offsetToLineColumn(lineStarts(text), offset);
  return { line: line + 1, column: column + 1 };
}

function syntaxError(message: string, position: SourcePosition): CellErrorData {
  return { kind: 'syntax', name: 'SyntaxError', message: bareMessage(message), position };
}

export function compileCell(source: string, options: CompileOptions): CompileResult {
  // 1. TypeScript → JavaScript. Modern syntax is kept: the kernel runs in an evergreen worker.
  let js: string;
  let mappings: string;
  try {
    const result = transform(source, {
      transforms: ['typescript'],
      disableESTransforms: true,
      // Otherwise an unused import vanishes silently instead of being reported as unsupported.
      keepUnusedImports: true,
      sourceMapOptions: { compiledFilename: options.sourceUrl },
      filePath: 'cell.ts',
    });
    js = result.code;
    mappings = result.sourceMap?.mappings ?? '';
  } catch (error) {
    if (isPositionedSyntaxError(error)) {
      return { ok: false, error: syntaxError(error.message, toPosition(source, error.pos)) };
    }
    throw error;
  }
  const segments = decodeMappings(mappings);
  const jsStarts = lineStarts(js);
  const jsToSource = (offset: number): SourcePosition => {
    const traced = traceSegment(segments, offsetToLineColumn(jsStarts, offset));
    return { line: traced.line + 1, column: traced.column + 1 };
  };

  // 2. Parse the JavaScript. Errors sucrase lets through (it does not check everything) land here.
  let program: Program;
  try {
    program = parse(js, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
    });
  } catch (error) {
    if (isPositionedSyntaxError(error)) {
      return { ok: false, error: syntaxError(error.message, jsToSource(error.pos)) };
    }
    throw error;
  }

  // 3. Rewrite declarations into the scope and return the final expression.
  const analysis = analyze(program, js, SCOPE, SEAL);
  if (analysis.moduleSyntax !== undefined) {
    const { start } = analysis.moduleSyntax;
    const keyword = js.startsWith('import', start) ? 'import' : 'export';
    return {
      ok: false,
      error: {
        kind: 'module',
        name: 'SyntaxError',
        message: `'${keyword}' is not allowed in a cell`,
        position: jsToSource(start),
        subject: keyword,
      },
    };
  }
  const publish = analysis.functions.map((name) => `${SCOPE}.${name} = ${name};`).join(' ');
  // All wrapper text sits on line 1 and after the code, so the reader's line n is line n + 1. The
  // header goes first: other edits may start at offset 0 too.
  const edits: Edit[] = [
    {
      at: 0,
      remove: 0,
      insert:
        `(function (${CELL}) { with (${SCOPE}) { return (async function () { "use strict"; ` +
        `${publish}\n`,
    },
    ...analysis.edits,
  ];
  if (analysis.finalExpression !== undefined) {
    // The newline before ")" keeps a trailing // comment from swallowing the parenthesis.
    edits.push({ at: analysis.finalExpression.start, remove: 0, insert: 'return (' });
    edits.push({ at: analysis.finalExpression.end, remove: 0, insert: '\n)' });
  }
  edits.push({ at: js.length, remove: 0, insert: `\n}).call(undefined); } })` });
  const spliced = splice(js, edits);
  const code = `${spliced.text}\n//# sourceURL=${options.sourceUrl}`;
  const codeStarts = lineStarts(code);
  return {
    ok: true,
    code,
    sourceUrl: options.sourceUrl,
    declarations: analysis.variables,
    constants: analysis.constants,
    autodisplay: analysis.finalExpression !== undefined,
    mapPosition(line, column) {
      const lineStart = codeStarts[line - 1] ?? code.length;
      const offset = Math.min(lineStart + Math.max(0, column - 1), code.length);
      return jsToSource(Math.min(spliced.toOriginal(offset), js.length));
    },
  };
}
