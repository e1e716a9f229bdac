// The cells of a lesson exactly as the build makes them: the MDX is parsed as Astro's MDX does
// (remark-parse, GFM, MDX and the project's remark-math; frontmatter blanked) and run through the project's own remark-cells plugin, whose cell
// components carry each cell's code and id in page order.
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkCells } from '../../../src/notebook/remark-cells';
import { splitFrontmatter } from '../content/mdx';

interface Node {
  type: string;
  name?: string;
  children?: Node[];
  attributes?: { name: string; value: unknown }[];
}

export interface LessonCell {
  id: string;
  code: string;
}

export function lessonCells(path: string): LessonCell[] {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).use(remarkMath);
  const tree = processor.parse(splitFrontmatter(readFileSync(path, 'utf8')).body);
  const transformer = remarkCells.call(undefined as never, { component: '/Cell.astro' });
  (transformer as unknown as (tree: unknown, file: unknown) => void)(tree, { path, cwd: '/' });
  const cells: LessonCell[] = [];
  const visit = (node: Node) => {
    if (node.type === 'mdxJsxFlowElement' && node.name === 'AnatomiaNotebookCell') {
      const attribute = (name: string) =>
        String(node.attributes?.find((a) => a.name === name)?.value ?? '');
      cells.push({ id: attribute('id'), code: attribute('code') });
    }
    node.children?.forEach(visit);
  };
  visit(tree as unknown as Node);
  return cells;
}
