// Geometry and keyboard order of the Dense lab's network view, as plain numbers: no DOM, so both are
// unit-tested. Coordinates are SVG user units of a viewBox `width` × `height`; the view scales the
// whole figure to its box, so a phone shows the same picture smaller.
import type { WeightSnapshot } from '../../../src/core/page';

export interface NetworkShape {
  inputs: number;
  /** Every Dense layer, input side first; the last is the output layer. */
  layers: { name: string; units: number }[];
}

/** Layer sizes from the kernels of a snapshot ([inputs, units] each). */
export function networkShape(weights: readonly WeightSnapshot[]): NetworkShape {
  const kernels = weights.filter((w) => w.kind === 'kernel');
  return {
    inputs: kernels[0]?.shape[0] ?? 0,
    layers: kernels.map((k) => ({ name: k.layer, units: k.shape[1] ?? 0 })),
  };
}

/** Units per column: the inputs, then each layer. */
export function columnSizes(shape: NetworkShape): number[] {
  return [shape.inputs, ...shape.layers.map((l) => l.units)];
}

export interface NetworkLayout {
  width: number;
  height: number;
  /** Side of a neuron's square thumbnail. */
  nodeSize: number;
  /** Side of the bias square at a neuron's lower left corner. */
  biasSize: number;
  /** Baseline of the column headings. */
  headingY: number;
  /** Font size of headings and labels: smaller when columns crowd, so headings never touch. */
  fontSize: number;
  /** Edge widths scale with the nodes, so a large network's edges do not hide its thumbnails. */
  edgeScale: number;
  /** Top-left corner of every node, per column. */
  columns: { x: number; nodes: { x: number; y: number }[] }[];
}

const MAX_NODE = 40;
const MIN_NODE = 8;
/** Room for the tallest column before thumbnails shrink (a default net stays under 300 high). */
const COLUMN_HEIGHT = 230;
/** Width the columns spread over when they can. */
const TARGET_WIDTH = 440;
/** Left: the inputs' names; right: the classes' names beside the output neurons. */
const PAD = { left: 24, right: 52, top: 22, bottom: 6 };

export function networkLayout(sizes: readonly number[]): NetworkLayout {
  const tallest = Math.max(1, ...sizes);
  const nodeSize = Math.min(
    MAX_NODE,
    Math.max(MIN_NODE, Math.floor(COLUMN_HEIGHT / (tallest * 1.3))),
  );
  const gap = Math.max(3, Math.round(nodeSize * 0.3));
  const columnHeight = (units: number) => units * nodeSize + Math.max(0, units - 1) * gap;
  const content = columnHeight(tallest);
  const gaps = Math.max(1, sizes.length - 1);
  // Edges need room to be told apart; past that, spread the columns over the target width.
  const step = Math.min(
    nodeSize + 80,
    Math.max(nodeSize + 44, (TARGET_WIDTH - PAD.left - PAD.right - nodeSize) / gaps),
  );
  const columns = sizes.map((units, k) => {
    const x = PAD.left + k * step;
    const top = PAD.top + (content - columnHeight(units)) / 2;
    return {
      x,
      nodes: Array.from({ length: units }, (_, j) => ({ x, y: top + j * (nodeSize + gap) })),
    };
  });
  return {
    width: Math.round(PAD.left + (sizes.length - 1) * step + nodeSize + PAD.right),
    height: Math.round(PAD.top + content + PAD.bottom),
    nodeSize,
    biasSize: Math.max(4, Math.round(nodeSize * 0.25)),
    headingY: PAD.top - 8,
    fontSize: Math.min(11, Math.round(step / 5.6)),
    edgeScale: nodeSize / MAX_NODE,
    columns,
  };
}

export interface EdgeGeometry {
  /** SVG path data: a horizontal S-curve from the source's right side to the target's left. */
  d: string;
  /** The curve's midpoint, where a tooltip points. */
  mid: { x: number; y: number };
}

/**
 * The edge from node `from` of column `column` to node `to` of the next column. Ends are spread
 * a little around each node's middle, so the edges meeting at one node can be told apart.
 */
export function edgeGeometry(
  layout: NetworkLayout,
  column: number,
  from: number,
  to: number,
): EdgeGeometry {
  const s = layout.nodeSize;
  const source = layout.columns[column];
  const target = layout.columns[column + 1];
  const a = source?.nodes[from];
  const b = target?.nodes[to];
  if (!source || !target || !a || !b) throw new RangeError(`no edge ${column}:${from}→${to}`);
  const spread = (index: number, count: number) => ((index - (count - 1) / 2) / count) * s * 0.4;
  const x0 = a.x + s;
  const y0 = a.y + s / 2 + spread(to, target.nodes.length);
  const x1 = b.x;
  const y1 = b.y + s / 2 + spread(from, source.nodes.length);
  const xm = (x0 + x1) / 2;
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    d: `M${r(x0)},${r(y0)}C${r(xm)},${r(y0)} ${r(xm)},${r(y1)} ${r(x1)},${r(y1)}`,
    mid: { x: xm, y: (y0 + y1) / 2 },
  };
}

/**
 * A place in the keyboard order. Even columns hold nodes (column 2k is node column k: the inputs,
 * then each layer); odd column 2k + 1 holds the edges between node columns k and k + 1, row
 * i · units + u for the edge from node i to node u — the kernel's own row-major index.
 */
export interface NetworkItem {
  column: number;
  row: number;
}

export function itemCount(sizes: readonly number[], column: number): number {
  const k = Math.floor(column / 2);
  if (column % 2 === 0) return sizes[k] ?? 0;
  return (sizes[k] ?? 0) * (sizes[k + 1] ?? 0);
}

/**
 * Where a key moves from `item`: ↑/↓ (Home/End) along its column; → from a node to its first
 * outgoing edge, from an edge to the node it enters; ← from a node to its first incoming edge,
 * from an edge to the node it leaves. Null for a key that does not move.
 */
export function moveItem(
  sizes: readonly number[],
  item: NetworkItem,
  key: string,
): NetworkItem | null {
  const { column, row } = item;
  const count = itemCount(sizes, column);
  const last = 2 * (sizes.length - 1);
  const k = Math.floor(column / 2);
  const isNode = column % 2 === 0;
  switch (key) {
    case 'ArrowUp':
      return { column, row: Math.max(0, row - 1) };
    case 'ArrowDown':
      return { column, row: Math.min(count - 1, row + 1) };
    case 'Home':
      return { column, row: 0 };
    case 'End':
      return { column, row: count - 1 };
    case 'ArrowRight': {
      if (column >= last) return { column, row };
      const units = sizes[k + 1] ?? 1;
      return isNode
        ? { column: column + 1, row: row * units }
        : { column: column + 1, row: row % units };
    }
    case 'ArrowLeft': {
      if (column <= 0) return { column, row };
      if (isNode) return { column: column - 1, row };
      return { column: column - 1, row: Math.floor(row / (sizes[k + 1] ?? 1)) };
    }
    default:
      return null;
  }
}

/** Where a tooltip points for `item`: its horizontal centre and the top and bottom it must clear. */
export function itemAnchor(
  layout: NetworkLayout,
  sizes: readonly number[],
  item: NetworkItem,
): { x: number; top: number; bottom: number } {
  const s = layout.nodeSize;
  const k = Math.floor(item.column / 2);
  if (item.column % 2 === 0) {
    const p = layout.columns[k]?.nodes[item.row] ?? { x: 0, y: 0 };
    return { x: p.x + s / 2, top: p.y, bottom: p.y + s };
  }
  const units = sizes[k + 1] ?? 1;
  const { mid } = edgeGeometry(layout, k, Math.floor(item.row / units), item.row % units);
  return { x: mid.x, top: mid.y - 6, bottom: mid.y + 6 };
}
