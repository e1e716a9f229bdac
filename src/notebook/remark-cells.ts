// Authoring: a ```ts cell fence in an MDX lesson becomes a notebook cell. The fence is replaced by
// the Cell component (which renders the same code through Expressive Code, so without JavaScript
// it still reads as a highlighted block), and the component is imported into the lesson. Each cell
// gets its stable id here (store/cell-id.ts): saved edits follow it, not the cell's position. A
// fence may name its cell (```ts cell id=camada-linear) so that the id survives edits of the code.
import { resolve } from 'node:path';
import type { RemarkPlugin } from '@astrojs/markdown-remark';
import { parse } from 'acorn';
import { cellIds } from './store/cell-id';

/** The local name the import binds; unusual enough never to meet a lesson's own names. */
const COMPONENT = 'AnatomiaNotebookCell';

/** The slice of mdast/MDX nodes this plugin touches. */
interface MdNode {
  type: string;
  children?: MdNode[];
  lang?: string | null;
  meta?: string | null;
  value?: string;
  [key: string]: unknown;
}

interface VFileLike {
  path?: string;
  cwd?: string;
}

export interface RemarkCellsOptions {
  /** Path of Cell.astro; default components/notebook/Cell.astro under the project root. */
  component?: string;
}

export function isCellFence(node: MdNode): boolean {
  return (
    node.type === 'code' &&
    (node.lang === 'ts' || node.lang === 'typescript') &&
    /(^|\s)cell(\s|$)/.test(node.meta ?? '')
  );
}

/** An author's id: letters, digits, - and _, so it is safe in a storage key and an attribute. */
const ID = /(?:^|\s)id=([\w-]+)(?:\s|$)/;

export function fenceId(node: MdNode): string | undefined {
  return ID.exec(node.meta ?? '')?.[1];
}

function cellElement(code: string, index: number, id: string): MdNode {
  const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute', name, value });
  return {
    type: 'mdxJsxFlowElement',
    name: COMPONENT,
    attributes: [attribute('code', code), attribute('index', String(index)), attribute('id', id)],
    children: [],
  };
}

function importNode(component: string): MdNode {
  const value = `import ${COMPONENT} from ${JSON.stringify(component)};`;
  // MDX compiles ESM from its estree, not from the text.
  const estree = parse(value, { ecmaVersion: 'latest', sourceType: 'module' });
  return { type: 'mdxjsEsm', value, data: { estree } };
}

export const remarkCells: RemarkPlugin<[RemarkCellsOptions?]> = (options = {}) => {
  return (root, vfile): void => {
    const tree = root as unknown as MdNode;
    const file = vfile as VFileLike;
    const component =
      options.component ?? resolve(file.cwd ?? process.cwd(), 'components/notebook/Cell.astro');
    const mdx = file.path?.endsWith('.mdx') ?? false;
    const fences: { siblings: MdNode[]; at: number; node: MdNode }[] = [];
    const visit = (node: MdNode) => {
      node.children?.forEach((child, at, siblings) => {
        if (!isCellFence(child)) return visit(child);
        if (!mdx) {
          // A cell fence in plain Markdown would silently stay a dead code block.
          throw new Error(`${file.path ?? 'markdown'}: \`\`\`ts cell fences need an .mdx lesson`);
        }
        fences.push({ siblings, at, node: child });
      });
    };
    visit(tree);
    const ids = cellIds(fences.map(({ node }) => ({ code: node.value ?? '', id: fenceId(node) })));
    fences.forEach(({ siblings, at, node }, index) => {
      siblings[at] = cellElement(node.value ?? '', index, ids[index] as string);
    });
    if (fences.length > 0) tree.children?.unshift(importNode(component));
  };
};
