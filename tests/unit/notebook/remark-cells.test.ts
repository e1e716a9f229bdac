import { describe, expect, it } from 'vitest';
import { remarkCells } from '../../../src/notebook/remark-cells';
import { hashCode } from '../../../src/notebook/store/hash';

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
        { type: 'mdxJsxAttribute', name: 'id', value: `c${hashCode('const a = 1')}` },
      ],
    });
    expect(plain).toMatchObject({ type: 'code', value: 'plain' });
    expect(quote?.children?.[0]).toMatchObject({
      attributes: [{ value: 'a + 1' }, { value: '1' }, { value: `c${hashCode('a + 1')}` }],
    });
  });

  it('gives each cell an id that a cell inserted before it does not change', () => {
    const ids = (codes: string[], metas: (string | null)[] = []) => {
      const tree = transform(
        { type: 'root', children: codes.map((code, i) => fence('ts', metas[i] ?? 'cell', code)) },
        '/l.mdx',
      );
      return (tree.children ?? [])
        .slice(1)
        .map((node) => (node['attributes'] as { name: string; value: string }[])[2]?.value);
    };
    const before = ids(['const a = 1', 'a + 1', 'a + 1']);
    const after = ids(['const a = 1', 'const nova = 0', 'a + 1', 'a + 1']);
    expect(after).toEqual([before[0], after[1], before[1], before[2]]);
    expect(before[2]).toBe(`${before[1]}-2`);
    // An author's id is kept as written.
    expect(ids(['x'], ['cell id=camada-linear'])).toEqual(['camada-linear']);
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
