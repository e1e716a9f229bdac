// Finds what a cell declares at top level and rewrites it so the declarations land in the shared
// per-lesson scope (Jupyter semantics: a later cell sees an earlier cell's variables, and rerunning
// a cell redeclares them without "already declared" errors). Rewrites keep lines and, where they
// can, columns, so error positions stay honest. A `const` is sealed in the scope right after its
// declaration runs, so assigning it later — in this cell or another — throws, as JS would.
import type { Node, Pattern, Program, Statement, ModuleDeclaration } from 'acorn';
import type { Edit } from './edits';

export interface Analysis {
  edits: Edit[];
  /** Names assigned in the scope by the rewritten code (const/let/var/class). */
  variables: string[];
  /** The `const` ones among them. */
  constants: string[];
  /** Function declarations: hoisted inside the cell, copied into the scope before it runs. */
  functions: string[];
  /** The final expression statement, when the cell ends with one worth displaying. */
  finalExpression?: { start: number; end: number };
  /** The first import/export, which cells cannot use. */
  moduleSyntax?: Node;
}

/** Every name a binding pattern binds: `{a, b: [c, ...d], e = 1}` → a, c, d, e. */
export function patternNames(pattern: Pattern): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) =>
        p.type === 'RestElement' ? patternNames(p.argument) : patternNames(p.value),
      );
    case 'ArrayPattern':
      return pattern.elements.flatMap((e) => (e === null ? [] : patternNames(e)));
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'MemberExpression':
      return [];
  }
}

function isModuleDeclaration(node: Statement | ModuleDeclaration): node is ModuleDeclaration {
  return node.type.startsWith('Import') || node.type.startsWith('Export');
}

/**
 * `scopeRef` is the expression naming the shared scope; `sealRef` the function that makes names
 * read-only in it (called with their list, after the declaration assigned them).
 */
export function analyze(
  program: Program,
  source: string,
  scopeRef: string,
  sealRef: string,
): Analysis {
  const edits: Edit[] = [];
  const variables: string[] = [];
  const constants: string[] = [];
  const functions: string[] = [];
  let moduleSyntax: Node | undefined;
  for (const statement of program.body) {
    if (isModuleDeclaration(statement)) {
      moduleSyntax ??= statement;
      continue;
    }
    if (statement.type === 'VariableDeclaration') {
      // `const {a} = o` → `;(    {a} = o)`: same length up to the pattern, so columns hold; the
      // leading `;` guards against a previous line without one.
      const keyword = statement.kind.length;
      edits.push({ at: statement.start, remove: keyword, insert: ';('.padEnd(keyword, ' ') });
      const names: string[] = [];
      for (const declarator of statement.declarations) {
        names.push(...patternNames(declarator.id));
        // `let x;` must reset x on a rerun, as a fresh declaration would.
        if (declarator.init == null)
          edits.push({ at: declarator.id.end, remove: 0, insert: ' = void 0' });
      }
      variables.push(...names);
      const sealed = statement.kind === 'const';
      if (sealed) constants.push(...names);
      const last = statement.declarations[statement.declarations.length - 1];
      // The closing `;` keeps a next line that starts with `(` or `[` from continuing the statement
      // (ASI ended the declaration there, but would not end a parenthesized assignment).
      const seal = sealed ? `${sealRef}(${JSON.stringify(names)});` : '';
      edits.push({ at: last?.end ?? statement.end, remove: 0, insert: `);${seal}` });
    } else if (statement.type === 'FunctionDeclaration' && statement.id !== null) {
      functions.push(statement.id.name);
    } else if (statement.type === 'ClassDeclaration' && statement.id !== null) {
      // Classes are not hoisted: publish right after the body, on the same line.
      const name = statement.id.name;
      variables.push(name);
      edits.push({ at: statement.end, remove: 0, insert: `;${scopeRef}.${name} = ${name};` });
    }
  }
  const last = program.body[program.body.length - 1];
  const analysis: Analysis = { edits, variables, constants, functions };
  if (moduleSyntax !== undefined) analysis.moduleSyntax = moduleSyntax;
  if (
    last?.type === 'ExpressionStatement' &&
    last.directive === undefined &&
    // `x = 5` reads as a statement, not a question; like Python, show nothing.
    last.expression.type !== 'AssignmentExpression'
  ) {
    // The statement's range, not the expression's: `({ a: 1 })` must keep its parentheses. A
    // trailing `;` stays outside, after the closing parenthesis the compiler adds.
    const end = source.charCodeAt(last.end - 1) === 59 /* ; */ ? last.end - 1 : last.end;
    analysis.finalExpression = { start: last.start, end };
  }
  return analysis;
}
