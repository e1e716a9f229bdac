import { describe, expect, it } from 'vitest';
import { courseCatalog, exerciseIdsOf, lessonPath } from '../../../src/exercises/catalog';
import { remarkExercises, starterCellId } from '../../../src/exercises/remark-exercises';

type Node = { type: string; children?: Node[]; [key: string]: unknown };

const fence = (meta: string, value: string): Node => ({ type: 'code', lang: 'ts', meta, value });
const el = (
  name: string,
  attributes: Record<string, unknown> = {},
  children: Node[] = [],
): Node => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attributes).map(([n, value]) => ({
    type: 'mdxJsxAttribute',
    name: n,
    value,
  })),
  children,
});
const hints = () => [el('Hint', {}, [{ type: 'text', value: 'a' }]), el('Hint')];

function transform(tree: Node): Node {
  const plugin = remarkExercises.call(undefined as never);
  (plugin as (tree: unknown, file: unknown) => void)(tree, { path: '/content/02-x.mdx' });
  return tree;
}

const attrs = (node: Node | undefined) =>
  Object.fromEntries(
    ((node?.['attributes'] as { name: string; value: unknown }[]) ?? []).map((a) => [
      a.name,
      a.value,
    ]),
  );

describe('remarkExercises', () => {
  it('turns the starter into a named cell and moves check and solution into props', () => {
    const exercise = el('Exercise', { id: 'lote', kind: 'codigo', title: 'T' }, [
      { type: 'paragraph', children: [] },
      fence('starter', 'const lote = tf.zeros([1]);'),
      fence('check', 'confere.formato(lote, [5]);'),
      ...hints(),
      fence('solution', 'const lote = tf.zeros([5]);'),
    ]);
    transform({ type: 'root', children: [exercise] });
    expect(exercise.children?.map((c) => c.type)).toEqual([
      'paragraph',
      'code',
      'mdxJsxFlowElement',
      'mdxJsxFlowElement',
    ]);
    expect(exercise.children?.[1]?.['meta']).toBe('cell id=exercicio-lote');
    expect(attrs(exercise)).toMatchObject({
      check: 'confere.formato(lote, [5]);',
      solution: 'const lote = tf.zeros([5]);',
      hints: '2',
      index: '0',
      total: '1',
    });
  });
  it('an accented id still gives an ASCII cell id', () => {
    expect(starterCellId('previsão-da-relu')).toBe('exercicio-previsao-da-relu');
  });
  it.each([
    [
      'a codigo without check',
      el('Exercise', { id: 'a', kind: 'codigo', title: 'T' }, [
        fence('starter', 'x'),
        fence('solution', 'y'),
        ...hints(),
      ]),
      /codigo exercise needs/,
    ],
    [
      'one hint',
      el('Exercise', { id: 'a', kind: 'calculo', title: 'T', answer: 1 }, [
        el('Hint'),
        el('Solution'),
      ]),
      /two <Hint>/,
    ],
    ['an unknown kind', el('Exercise', { id: 'a', kind: 'quiz', title: 'T' }), /kind must be/],
    [
      'an id that is not kebab-case',
      el('Exercise', { id: 'Lote_1', kind: 'calculo', title: 'T' }),
      /kebab-case/,
    ],
    [
      'a previsao without answer',
      el('Exercise', { id: 'a', kind: 'previsao', title: 'T' }, [
        fence('starter', 'x'),
        ...hints(),
        el('Solution'),
      ]),
      /answer=/,
    ],
    [
      'a calculo without solution',
      el('Exercise', { id: 'a', kind: 'calculo', title: 'T', answer: 2 }, hints()),
      /<Solution>/,
    ],
  ])('fails the build on %s, naming the file and the exercise', (_name, exercise, problem) => {
    expect(() => transform({ type: 'root', children: [exercise] })).toThrow(problem);
    expect(() => transform({ type: 'root', children: [exercise] })).toThrow(/02-x\.mdx: exercise/);
  });
  it('fails on a duplicate id in one lesson', () => {
    const one = () =>
      el('Exercise', { id: 'a', kind: 'calculo', title: 'T', answer: 1 }, [
        ...hints(),
        el('Solution'),
      ]);
    expect(() => transform({ type: 'root', children: [one(), one()] })).toThrow(/duplicate id/);
  });
});

describe('course catalog', () => {
  it('reads each lesson’s exercise ids from its MDX body, under the site base', () => {
    const body =
      '<Exercise id="a" kind="codigo" title="x">\n</Exercise>\n<Exercise kind="calculo" id="b-2" answer={3}>';
    expect(exerciseIdsOf(body)).toEqual(['a', 'b-2']);
    expect(lessonPath('/', 'tensores')).toBe('/tensores/');
    expect(lessonPath('/anatomia', 'tensores')).toBe('/anatomia/tensores/');
    expect(lessonPath('/anatomia/', 'index')).toBe('/anatomia/');
    const catalog = courseCatalog('/', [
      { id: 'tensores', body },
      { id: 'glossario', body: 'nada' },
    ]);
    expect([...catalog.entries()]).toEqual([['/tensores/', ['a', 'b-2']]]);
  });
});
