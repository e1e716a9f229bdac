// Static outputs: a pretty-printed value, a tensor, a model summary, an image.
import { t } from '../../../i18n';
import type { Dim, Output } from '../protocol';
import { el, scrollable } from './dom';
import { createTextBlock } from './text';

type Of<T extends Output['type']> = Extract<Output, { type: T }>;

const integer = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 0 });

export function formatDims(dims: readonly Dim[]): string {
  return `(${dims.map((d) => (d === null ? 'amostras' : String(d))).join(', ')})`;
}

export function renderValue(output: Of<'value'>): HTMLElement {
  const block = createTextBlock('value');
  block.append(output.text);
  return block.element;
}

export function renderTensor(output: Of<'tensor'>): HTMLElement {
  const box = el('div', 'nb-tensor');
  box.append(
    el(
      'p',
      'nb-caption',
      t('notebook.output.tensor', {
        rank: output.shape.length,
        shape: formatDims(output.shape),
        dtype: output.dtype,
        values:
          output.size === 1
            ? t('notebook.output.values.one')
            : t('notebook.output.values', { size: integer.format(output.size) }),
      }),
    ),
    scrollable(el('pre', 'nb-value nb-aligned', output.preview), t('notebook.output.tensorValues')),
  );
  return box;
}

export function renderSummary(output: Of<'summary'>): HTMLElement {
  const table = el('table', 'nb-summary');
  table.append(el('caption', undefined, t('notebook.output.summary', { name: output.name })));
  const head = el('tr');
  for (const key of ['layer', 'shape', 'params'] as const) {
    const th = el('th', undefined, t(`notebook.output.summary.${key}`));
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'), el('tbody'), el('tfoot'));
  table.tHead?.append(head);
  for (const row of output.rows) {
    const tr = el('tr');
    const shape =
      row.outputShape.length === 0
        ? t('notebook.output.summary.unbuilt')
        : formatDims(row.outputShape);
    tr.append(
      el('td', undefined, `${row.name} (${row.kind})`),
      el('td', undefined, shape),
      el('td', 'nb-number', integer.format(row.params)),
    );
    table.tBodies[0]?.append(tr);
  }
  const total = el(
    'td',
    undefined,
    t('notebook.output.summary.total', {
      total: integer.format(output.total),
      trainable: integer.format(output.trainable),
    }),
  );
  total.colSpan = 3;
  const foot = el('tr');
  foot.append(total);
  table.tFoot?.append(foot);
  return scrollable(table, t('notebook.output.summary', { name: output.name }));
}

/** Pixels onto a canvas, scaled up with crisp edges (a 28×28 digit stays readable). */
export function renderImage(output: Of<'image'>): HTMLElement {
  const { width, height } = output;
  const figure = el('figure', 'nb-image');
  const canvas = el('canvas');
  canvas.width = width;
  canvas.height = height;
  const scale = Math.max(1, Math.min(8, Math.floor(224 / Math.max(width, height, 1))));
  canvas.style.width = `${width * scale}px`;
  canvas.style.height = `${height * scale}px`;
  const label = output.label ?? t('notebook.output.image', { width, height });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  const context = canvas.getContext('2d');
  if (context !== null && width > 0 && height > 0) {
    context.putImageData(new ImageData(new Uint8ClampedArray(output.pixels), width, height), 0, 0);
  }
  figure.append(canvas);
  if (output.label !== undefined) figure.append(el('figcaption', undefined, output.label));
  return figure;
}
