// The lesson's shared scope, for the type checker. Cells run in one scope (compile/declarations.ts
// moves their top-level declarations into it), so a cell sees what earlier cells declared. Here
// each cell becomes its own module (so top-level await type-checks), its code untouched at the top
// of the file so positions stay the reader's, followed by generated lines that
//   - export what the cell declares, and
//   - declare what earlier cells declared, each name from the latest cell (in page order) that
//     declared it: `let`/`var` as `declare let` (later cells may assign them), `const` as
//     `declare const`, functions, classes, types and enums as imports (value and type meaning).
// Pure: the cells are whatever the page holds now, in page order, scratch cells included.
import ts from 'typescript';
import { CELLS_DIR } from './options';

export type BindingKind = 'let' | 'const' | 'import';

export interface Binding {
  name: string;
  kind: BindingKind;
}

export interface CellFile {
  path: string;
  text: string;
  /** Length of the reader's code at the start of `text`; anything after it is generated. */
  codeLength: number;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

/** The top-level names a cell declares, in source order; a name declared twice keeps its last kind. */
export function topLevelBindings(code: string): Binding[] {
  const file = ts.createSourceFile(
    'cell.ts',
    code,
    ts.ScriptTarget.ES2022,
    false,
    ts.ScriptKind.TS,
  );
  const found = new Map<string, BindingKind>();
  const add = (name: string, kind: BindingKind) => {
    found.delete(name);
    found.set(name, kind);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const flags = statement.declarationList.flags;
      const kind = flags & ts.NodeFlags.Const || flags & ts.NodeFlags.Using ? 'const' : 'let';
      for (const declaration of statement.declarationList.declarations) {
        for (const name of bindingNames(declaration.name)) add(name, kind);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      add(statement.name.text, 'import');
    }
  }
  return [...found].map(([name, kind]) => ({ name, kind }));
}

export function cellPath(index: number): string {
  return `${CELLS_DIR}/cell-${index}.ts`;
}

/** One module per cell, in the order given (page order). */
export function scopeFiles(cells: readonly string[]): CellFile[] {
  /** name → the latest earlier cell that declared it, and how. */
  const visible = new Map<string, { cell: number; kind: BindingKind }>();
  return cells.map((code, index) => {
    const own = topLevelBindings(code);
    const ownNames = new Set(own.map((binding) => binding.name));
    const lines: string[] = [];
    const imports = new Map<number, string[]>();
    for (const [name, { cell, kind }] of visible) {
      if (ownNames.has(name)) continue;
      const from = JSON.stringify(`./cell-${cell}.ts`);
      if (kind === 'import') imports.set(cell, [...(imports.get(cell) ?? []), name]);
      else lines.push(`declare ${kind} ${name}: typeof import(${from}).${name};`);
    }
    for (const [cell, names] of imports) {
      lines.push(`import { ${names.join(', ')} } from ${JSON.stringify(`./cell-${cell}.ts`)};`);
    }
    lines.push(`export { ${own.map((binding) => binding.name).join(', ')} };`);
    for (const { name, kind } of own) visible.set(name, { cell: index, kind });
    return {
      path: cellPath(index),
      text: `${code}\n${lines.join('\n')}\n`,
      codeLength: code.length,
    };
  });
}
