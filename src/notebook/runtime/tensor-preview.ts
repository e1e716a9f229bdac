// Lays a tensor's values out the way tfjs' print() and numpy do — nested brackets, aligned columns,
// long axes elided in the middle — as code: decimal point, ", " between values (docs/contract.md,
// "Printed values"). Pure: shape + values in, text out.
import { formatNumber } from './format';

/** Tensors with more values than this are summarised (numpy's threshold). */
const THRESHOLD = 1000;
/** Values kept at each end of a summarised axis. */
const EDGE = 3;

export type TensorValues = ArrayLike<number> | readonly string[];

/** Positions along an axis to show; null stands for the elided middle. */
function positions(dim: number, summarise: boolean): (number | null)[] {
  if (!summarise || dim <= 2 * EDGE + 1) return Array.from({ length: dim }, (_, i) => i);
  const head = Array.from({ length: EDGE }, (_, i) => i);
  const tail = Array.from({ length: EDGE }, (_, i) => dim - EDGE + i);
  return [...head, null, ...tail];
}

function formatElement(value: number | string, dtype: string): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (dtype === 'bool') return value ? 'true' : 'false';
  return formatNumber(value, 4);
}

export function previewTensor(
  shape: readonly number[],
  dtype: string,
  values: TensorValues,
): string {
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length === 0) return formatElement(values[0] ?? NaN, dtype);
  if (size === 0) return `[]`;
  const summarise = size > THRESHOLD;
  const strides = shape.map((_, axis) => shape.slice(axis + 1).reduce((a, b) => a * b, 1));
  const shown = shape.map((dim) => positions(dim, summarise));

  // Format every shown value first, so all columns share one width.
  const cells = new Map<number, string>();
  const collect = (axis: number, offset: number): void => {
    for (const i of shown[axis] ?? []) {
      if (i === null) continue;
      const at = offset + i * (strides[axis] ?? 1);
      if (axis === shape.length - 1) cells.set(at, formatElement(values[at] ?? NaN, dtype));
      else collect(axis + 1, at);
    }
  };
  collect(0, 0);
  const width = Math.max(1, ...[...cells.values()].map((c) => c.length));

  const render = (axis: number, offset: number, indent: string): string => {
    const last = axis === shape.length - 1;
    if (last) {
      const items = (shown[axis] ?? []).map((i) =>
        i === null ? '…'.padStart(width) : (cells.get(offset + i) ?? '').padStart(width),
      );
      return `[${items.join(', ')}]`;
    }
    // Between 2-D blocks numpy leaves (rank - axis - 1) blank lines; between rows, none.
    const separator = `,\n${'\n'.repeat(shape.length - axis - 2)}${indent} `;
    const parts = (shown[axis] ?? []).map((i) =>
      i === null ? '…' : render(axis + 1, offset + i * (strides[axis] ?? 1), `${indent} `),
    );
    return `[${parts.join(separator)}]`;
  };
  return render(0, 0, '');
}
