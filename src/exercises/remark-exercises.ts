// Authoring of exercises (docs/contract.md, "Exercises"): inside an <Exercise> element,
// a ```ts starter fence becomes a notebook cell (remark-cells.ts runs after this plugin and turns it
// into one, with the stable id `exercicio-<id>`), and the ```ts check / ```ts solution fences leave
// the markdown to become the element's `check` and `solution` props. Each exercise also gets its
// position and the lesson's count. Authoring mistakes (a missing fence, one hint, a duplicate id)
// fail the build with the file and the exercise named.
import type { RemarkPlugin } from '@astrojs/markdown-remark';

interface MdNode {
  type: string;
  name?: string | null;
  children?: MdNode[];
  attributes?: { type: string; name?: string; value?: unknown }[];
  lang?: string | null;
  meta?: string | null;
  value?: string;
}

export const EXERCISE_KINDS = ['codigo', 'previsao', 'calculo'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

type Role = 'starter' | 'check' | 'solution';

function roleOf(node: MdNode): Role | undefined {
  if (node.type !== 'code' || (node.lang !== 'ts' && node.lang !== 'typescript')) return undefined;
  const word = /^\s*(starter|check|solution)(\s|$)/.exec(node.meta ?? '')?.[1];
  return word as Role | undefined;
}

function attribute(node: MdNode, name: string): unknown {
  return node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
}

function has(node: MdNode, name: string): boolean {
  return node.attributes?.some((a) => a.type === 'mdxJsxAttribute' && a.name === name) ?? false;
}

/** The cell id of an exercise's starter: ASCII letters, digits and '-' (remark-cells' id syntax). */
export function starterCellId(exercise: string): string {
  const ascii = exercise
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w-]+/g, '-');
  return `exercicio-${ascii}`;
}

function count(node: MdNode, name: string): number {
  return (node.children ?? []).reduce(
    (n, child) =>
      n + (child.type === 'mdxJsxFlowElement' && child.name === name ? 1 : 0) + count(child, name),
    0,
  );
}

export const remarkExercises: RemarkPlugin = () => {
  return (root, vfile): void => {
    const file = (vfile as { path?: string }).path ?? 'lição';
    const exercises: MdNode[] = [];
    const visit = (node: MdNode) => {
      for (const child of node.children ?? []) {
        if (child.type === 'mdxJsxFlowElement' && child.name === 'Exercise') exercises.push(child);
        else visit(child);
      }
    };
    visit(root as unknown as MdNode);
    const seen = new Set<string>();
    exercises.forEach((exercise, index) => {
      const id = attribute(exercise, 'id');
      const kind = attribute(exercise, 'kind');
      const where = `${file}: exercise ${typeof id === 'string' ? `"${id}"` : `#${index + 1}`}`;
      const problem = (text: string): never => {
        throw new Error(`${where}: ${text}`);
      };
      if (typeof id !== 'string' || !/^[\p{Ll}\d]+(-[\p{Ll}\d]+)*$/u.test(id))
        problem('needs id="kebab-case"');
      if (seen.has(id as string)) problem('duplicate id in this lesson');
      seen.add(id as string);
      if (!EXERCISE_KINDS.includes(kind as ExerciseKind))
        problem(`kind must be one of ${EXERCISE_KINDS.join(', ')}`);
      if (typeof attribute(exercise, 'title') !== 'string') problem('needs a title');

      const fences = new Map<Role, MdNode>();
      const children = exercise.children ?? [];
      for (const child of children) {
        const role = roleOf(child);
        if (role === undefined) continue;
        if (fences.has(role)) problem(`more than one \`\`\`ts ${role} fence`);
        fences.set(role, child);
      }
      const starter = fences.get('starter');
      const check = fences.get('check');
      const solution = fences.get('solution');
      if (kind === 'codigo' && (!starter || !check || !solution))
        problem('a codigo exercise needs ```ts starter, ```ts check and ```ts solution fences');
      if (kind === 'previsao' && !starter)
        problem('a previsao exercise needs a ```ts starter fence');
      if (kind === 'previsao' && typeof attribute(exercise, 'answer') !== 'string')
        problem('a previsao exercise needs answer="…"');
      if (kind === 'calculo' && !has(exercise, 'answer'))
        problem('a calculo exercise needs answer={number}');
      if (kind !== 'codigo' && (check || solution))
        problem(`\`\`\`ts check / solution fences belong to codigo exercises only`);
      if (kind === 'calculo' && starter) problem('a calculo exercise has no starter');
      if (count(exercise, 'Hint') < 2) problem('needs at least two <Hint>');
      if (kind !== 'codigo' && count(exercise, 'Solution') < 1) problem('needs a <Solution>');

      if (starter) starter.meta = `cell id=${starterCellId(id as string)}`;
      exercise.children = children.filter((child) => child !== check && child !== solution);
      const add = (name: string, value: string) =>
        (exercise.attributes ??= []).push({ type: 'mdxJsxAttribute', name, value });
      if (check) add('check', check.value ?? '');
      if (solution) add('solution', solution.value ?? '');
      add('hints', String(count(exercise, 'Hint')));
      add('index', String(index));
      add('total', String(exercises.length));
    });
  };
};
