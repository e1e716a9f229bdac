import { describe, expect, it } from 'vitest';
import { remarkCells } from '../../../src/notebook/remark-cells';

type Node = { type: string; children?: Node[]; [key: string]: unknown };

function transform(tree: Node, path: string): Node {
  const plugin = remarkCells.call(undefined as never, { component: '/c/Cell.astro' });
  if (typeof plugin !== 'function') throw new Error('expected a transformer');
  (plugin as (tree: unknown, file: unknown) => void)(tree, { path, cwd: '/' });
  return tree;
}

const fence = (lang: string, meta: string | null, value: string): Node => ({
  type: 'code',
  lang,
  meta,
  value,
});

describe('remarkCells', () => {
  it('turns ```ts cell fences into numbered cell components and imports the component once', () => {
    const tree = transform(
      {
        type: 'root',
        children: [
          fence('ts', 'cell', 'const a = 1'),
          fence('ts', null, 'plain'),
          { type: 'blockquote', children: [fence('typescript', 'title="x" cell', 'a + 1')] },
        ],
      },
      '/content/01-x.mdx',
    );
    const [esm, first, plain, quote] = tree.children ?? [];
    expect(esm).toMatchObject({
      type: 'mdxjsEsm',
      value: 'import AnatomiaNotebookCell from "/c/Cell.astro";',
    });
    expect((esm?.['data'] as { estree: { type: string } }).estree.type).toBe('Program');
    expect(first).toMatchObject({
      type: 'mdxJsxFlowElement',
      name: 'AnatomiaNotebookCell',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'code', value: 'const a = 1' },
        { type: 'mdxJsxAttribute', name: 'index', value: '0' },
      ],
    });
    expect(plain).toMatchObject({ type: 'code', value: 'plain' });
    expect(quote?.children?.[0]).toMatchObject({
      attributes: [{ value: 'a + 1' }, { value: '1' }],
    });
  });

  it('leaves a page without cells untouched', () => {
    const tree = transform({ type: 'root', children: [fence('ts', 'celular', 'x')] }, '/a.mdx');
    expect(tree.children).toHaveLength(1);
  });

  it('fails the build for a cell fence in plain Markdown, where it could not run', () => {
    expect(() =>
      transform({ type: 'root', children: [fence('ts', 'cell', 'x')] }, '/a.md'),
    ).toThrow(/need an \.mdx lesson/);
  });
});
