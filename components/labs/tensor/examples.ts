// The tensor explorer's examples: one per rank, each axis named with the course's terms. Pure data
// and index math, so the view code only draws.
import { t, type StringKey } from '../../../src/i18n';

export interface AxisInfo {
  name: StringKey;
  size: number;
  min: number;
  max: number;
}

export interface TensorExample {
  id: 'scalar' | 'vector' | 'table' | 'sequence' | 'images';
  label: StringKey;
  axes: AxisInfo[];
}

export const EXAMPLES: readonly TensorExample[] = [
  { id: 'scalar', label: 'lab.tensor.example.scalar', axes: [] },
  {
    id: 'vector',
    label: 'lab.tensor.example.vector',
    axes: [{ name: 'lab.tensor.features', size: 3, min: 1, max: 8 }],
  },
  {
    id: 'table',
    label: 'lab.tensor.example.table',
    axes: [
      { name: 'lab.tensor.batch', size: 4, min: 1, max: 8 },
      { name: 'lab.tensor.features', size: 2, min: 1, max: 6 },
    ],
  },
  {
    id: 'sequence',
    label: 'lab.tensor.example.sequence',
    axes: [
      { name: 'lab.tensor.batch', size: 2, min: 1, max: 4 },
      { name: 'lab.tensor.timesteps', size: 5, min: 1, max: 10 },
      { name: 'lab.tensor.features', size: 1, min: 1, max: 4 },
    ],
  },
  {
    id: 'images',
    label: 'lab.tensor.example.images',
    axes: [
      { name: 'lab.tensor.batch', size: 2, min: 1, max: 3 },
      { name: 'lab.tensor.height', size: 4, min: 1, max: 8 },
      { name: 'lab.tensor.width', size: 4, min: 1, max: 8 },
      { name: 'lab.tensor.channels', size: 1, min: 1, max: 3 },
    ],
  },
];

/** A deterministic value for a flat index: readable, signed, two decimals. */
export function valueAt(index: number): number {
  return Math.round(Math.sin(index * 1.7 + 0.4) * 100) / 100;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** "(2, 5, 1)" — the Keras tuple spelling; a scalar is "()". */
export function tupleText(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/** The code a learner would type to make this tensor, in tfjs and Keras spelling. */
export function codeFor(shape: readonly number[]): string {
  const list = `[${shape.join(', ')}]`;
  const values = shape.length === 0 ? '0.39' : `valores /* ${sizeOf(shape)} números */`;
  return [
    shape.length === 0
      ? `const x = tf.scalar(${values});`
      : `const x = tf.tensor(${values}, ${list});`,
    `x.rank;  // ${shape.length}`,
    `x.shape; // ${list}`,
    `# Keras / NumPy: x.ndim == ${shape.length}, x.shape == ${tupleText(shape)}`,
  ].join('\n');
}

/** One sentence naming every axis, e.g. "eixo 0: amostras (2), eixo 1: passos de tempo (5)". */
export function axesText(axes: readonly AxisInfo[]): string[] {
  return axes.map((axis, index) =>
    t('lab.tensor.axis', { index: String(index), name: t(axis.name), size: String(axis.size) }),
  );
}
