// A small tensor as a plain HTML table: its shape and dtype in the caption, values in pt-BR
// with long axes cut in the middle ("…"), rank ≥ 3 shown as its first 2-D slices. Built with
// textContent only, so no value or label is ever parsed as markup.
import { createFigure } from './figure';
import { createNumberFormat, formatInteger, formatShape } from './format';
import { resolveContext, type VizOptions } from './options';
import { checkTensor, sizeOf, type TensorData } from './tensor';

export interface TensorTableData extends TensorData {
  /** e.g. 'float32', 'int32'; default 'float32'. */
  dtype?: string;
}

export interface TensorTableOptions extends VizOptions {
  /** Rows shown per slice before cutting (default 8). */
  maxRows?: number;
  /** Columns shown before cutting (default 8). */
  maxCols?: number;
  /** 2-D slices shown for rank ≥ 3 (default 3). */
  maxSlices?: number;
  /** Digits after the decimal comma (default 4; integers dtypes show none). */
  digits?: number;
}

const ELLIPSIS = '…';
const CELL = 'padding: 0.1rem 0.5rem; text-align: right';
const HEAD = `${CELL}; opacity: 0.6; font-weight: normal`;

/** Indices to show out of n: all when n ≤ max, else the first ⌈max/2⌉ and last ⌊max/2⌋, with -1 for "…". */
export function truncatedIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil(max / 2);
  const tail = Math.floor(max / 2);
  return [
    ...Array.from({ length: head }, (_, i) => i),
    -1,
    ...Array.from({ length: tail }, (_, i) => n - tail + i),
  ];
}

export function tensorTable(
  tensor: TensorTableData,
  options: TensorTableOptions = {},
): HTMLElement {
  checkTensor(tensor, 'tensorTable');
  const ctx = resolveContext(options);
  const { doc, t } = ctx;
  const { shape, values } = tensor;
  const dtype = tensor.dtype ?? 'float32';
  const format = createNumberFormat({
    maximumFractionDigits: dtype.startsWith('int') || dtype === 'bool' ? 0 : (options.digits ?? 4),
  });
  const rank = shape.length;
  const rows = rank >= 2 ? (shape[rank - 2] as number) : 1;
  const cols = rank >= 1 ? (shape[rank - 1] as number) : 1;
  const slices = rank >= 3 ? sizeOf(shape.slice(0, -2)) : 1;
  const rowIdx = truncatedIndices(rows, options.maxRows ?? 8);
  const colIdx = truncatedIndices(cols, options.maxCols ?? 8);
  const sliceIdx = truncatedIndices(slices, options.maxSlices ?? 3).filter((s) => s >= 0);
  const shown =
    sliceIdx.length * rowIdx.filter((i) => i >= 0).length * colIdx.filter((i) => i >= 0).length;

  const figure = createFigure(doc, 'tensor-table');
  const caption = doc.createElement('figcaption');
  const captionText = t('viz.table.caption', {
    shape: formatShape(shape),
    dtype,
  });
  const truncated = shown < values.length;
  caption.textContent = truncated
    ? `${captionText} (${t('viz.table.truncated', {
        shown: formatInteger(shown),
        total: formatInteger(values.length),
      })})`
    : captionText;
  figure.append(caption);
  // The figcaption already names the figure; only a caller's own name replaces it.
  if (options.ariaLabel !== undefined) figure.setAttribute('aria-label', options.ariaLabel);
  if (options.ariaDescription !== undefined) {
    figure.setAttribute('aria-description', options.ariaDescription);
  }

  for (const s of sliceIdx) {
    const table = doc.createElement('table');
    table.setAttribute(
      'style',
      'border-collapse: collapse; font: 12px ui-monospace, monospace; font-variant-numeric: tabular-nums; margin-bottom: 0.5rem',
    );
    if (rank >= 3) {
      const sliceCaption = doc.createElement('caption');
      sliceCaption.setAttribute('style', 'text-align: left; font-size: 11px; opacity: 0.8');
      sliceCaption.textContent = t('viz.table.slice', {
        index: `[${unravel(s, shape.slice(0, -2)).join(', ')}, :, :]`,
      });
      table.append(sliceCaption);
    }
    if (rank >= 1) table.append(headerRow(doc, colIdx, rank >= 2));
    const body = doc.createElement('tbody');
    for (const r of rowIdx) {
      const tr = doc.createElement('tr');
      if (rank >= 2) tr.append(cell(doc, 'th', r < 0 ? ELLIPSIS : formatInteger(r), HEAD, 'row'));
      for (const c of colIdx) {
        const text =
          r < 0 || c < 0 ? ELLIPSIS : format(values[(s * rows + r) * cols + c] as number);
        tr.append(cell(doc, 'td', text, CELL));
      }
      body.append(tr);
    }
    table.append(body);
    figure.append(table);
  }
  return figure;
}

function headerRow(doc: Document, colIdx: number[], rowHeaders: boolean): HTMLElement {
  const head = doc.createElement('thead');
  const tr = doc.createElement('tr');
  if (rowHeaders) tr.append(cell(doc, 'th', '', HEAD));
  for (const c of colIdx)
    tr.append(cell(doc, 'th', c < 0 ? ELLIPSIS : formatInteger(c), HEAD, 'col'));
  head.append(tr);
  return head;
}

function cell(doc: Document, tag: 'td' | 'th', text: string, style: string, scope?: string) {
  const el = doc.createElement(tag);
  el.textContent = text;
  el.setAttribute('style', style);
  if (scope !== undefined) el.setAttribute('scope', scope);
  return el;
}

/** Flat slice number → its index along the leading axes. */
function unravel(flat: number, dims: readonly number[]): number[] {
  const index: number[] = [];
  for (let d = dims.length - 1; d >= 0; d--) {
    const size = dims[d] as number;
    index.unshift(flat % size);
    flat = Math.floor(flat / size);
  }
  return index;
}
