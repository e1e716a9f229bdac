// The tensor explorer: pick a rank 0–4 example, change each axis' size, and see the tensor drawn as
// nested grids with every axis named, its shape, and the code that makes it.
import { required } from '../shared/dom';
import { createErrorBox, parseNumberField } from '../shared/fields';
import { t } from '../../../src/i18n';
import {
  EXAMPLES,
  axesText,
  codeFor,
  sizeOf,
  tupleText,
  valueAt,
  type TensorExample,
} from './examples';

const format = new Intl.NumberFormat('pt-BR', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function mount(root: HTMLElement): void {
  const find = <T extends HTMLElement>(selector: string): T => required<T>(root, selector);
  const select = find<HTMLSelectElement>('[data-tensor-example]');
  const sizes = find('[data-tensor-sizes]');
  const summary = find('[data-tensor-summary]');
  const axesList = find('[data-tensor-axes]');
  const view = find('[data-tensor-view]');
  const code = find('[data-tensor-code]');
  const errors = createErrorBox(find('[data-tensor-error]'));
  // Each example keeps its own sizes while the reader switches between them.
  const state = new Map(EXAMPLES.map((e) => [e.id, e.axes.map((a) => a.size)]));

  const current = (): { example: TensorExample; shape: number[] } => {
    const example = EXAMPLES.find((e) => e.id === select.value) ?? (EXAMPLES[2] as TensorExample);
    return { example, shape: state.get(example.id) ?? [] };
  };

  const renderSizes = (): void => {
    const { example, shape } = current();
    errors.clear();
    sizes.replaceChildren(
      ...example.axes.map((axis, i) => {
        const label = document.createElement('label');
        label.className = 'lab-field';
        const span = document.createElement('span');
        span.textContent = t('lab.tensor.axisSize', { name: t(axis.name) });
        const input = document.createElement('input');
        input.type = 'number';
        input.min = String(axis.min);
        input.max = String(axis.max);
        input.step = '1';
        input.value = String(shape[i] ?? axis.size);
        input.addEventListener('input', () => {
          // Out of range or not a whole number: said in the error box, the drawing keeps the last
          // good size.
          const n = errors.read(input, () =>
            parseNumberField(input, { min: axis.min, max: axis.max, integer: true }),
          );
          if (n === null) return;
          shape[i] = n;
          renderTensor();
        });
        label.append(span, input);
        return label;
      }),
    );
  };

  const renderTensor = (): void => {
    const { example, shape } = current();
    const axes = example.axes.map((axis, i) => ({ ...axis, size: shape[i] ?? axis.size }));
    summary.textContent = [
      t('lab.tensor.rank', { rank: String(shape.length) }),
      t('lab.tensor.shape', { shape: tupleText(shape) }),
      t('lab.tensor.size', { size: String(sizeOf(shape)) }),
    ].join(' · ');
    const items = axesText(axes);
    axesList.replaceChildren(
      ...items.map((text) => {
        const li = document.createElement('li');
        li.textContent = text;
        return li;
      }),
    );
    const drawing = drawTensor(shape);
    drawing.setAttribute('role', 'img');
    drawing.setAttribute(
      'aria-label',
      `${t('lab.tensor.shape', { shape: tupleText(shape) })}. ${items.join('; ')}`,
    );
    view.replaceChildren(drawing);
    code.textContent = codeFor(shape);
  };

  select.addEventListener('change', () => {
    renderSizes();
    renderTensor();
  });
  renderSizes();
  renderTensor();
}

/**
 * Nested boxes: the last two axes form a grid; each earlier axis wraps grids in a box per index.
 * Images (rank 4, channels last) are drawn as one height × width grid per channel, as they are seen.
 */
function drawTensor(shape: readonly number[]): HTMLElement {
  const cell = (flat: number): HTMLElement => {
    const value = valueAt(flat);
    const el = document.createElement('span');
    el.className = 'tensor-cell';
    el.textContent = format.format(value);
    // Shade by magnitude, hue by sign (blue/orange, colour-blind safe); the number is always written.
    const alpha = Math.round(Math.abs(value) * 32);
    el.style.background = `color-mix(in srgb, ${value < 0 ? '#E69F00' : '#0072B2'} ${alpha}%, transparent)`;
    return el;
  };
  const grid = (
    rows: number,
    cols: number,
    index: (r: number, c: number) => number,
  ): HTMLElement => {
    const el = document.createElement('div');
    el.className = 'tensor-grid';
    el.style.gridTemplateColumns = `repeat(${cols}, auto)`;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) el.append(cell(index(r, c)));
    return el;
  };
  const item = (caption: string, child: HTMLElement): HTMLElement => {
    const el = document.createElement('div');
    el.className = 'tensor-item';
    const label = document.createElement('span');
    label.className = 'tensor-index';
    label.textContent = caption;
    el.append(label, child);
    return el;
  };
  const box = (children: HTMLElement[]): HTMLElement => {
    const el = document.createElement('div');
    el.className = 'tensor-box';
    el.append(...children);
    return el;
  };
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const [a = 1, b = 1, c = 1, d = 1] = shape;
  let drawing: HTMLElement;
  if (shape.length === 0) drawing = grid(1, 1, () => 0);
  else if (shape.length === 1) drawing = grid(1, a, (_, col) => col);
  else if (shape.length === 2) drawing = grid(a, b, (r, col) => r * b + col);
  else if (shape.length === 3) {
    drawing = box(
      range(a).map((n) =>
        item(
          `[${n}]`,
          grid(b, c, (r, col) => (n * b + r) * c + col),
        ),
      ),
    );
  } else {
    // [n, h, w, ch] is stored channels last: value (n, y, x, ch) sits at ((n·h + y)·w + x)·ch_count + ch.
    drawing = box(
      range(a).map((n) =>
        item(
          `[${n}]`,
          box(
            range(d).map((ch) =>
              item(
                t('lab.tensor.channel', { index: String(ch) }),
                grid(b, c, (y, x) => ((n * b + y) * c + x) * d + ch),
              ),
            ),
          ),
        ),
      ),
    );
  }
  const out = document.createElement('div');
  out.className = 'tensor-drawing';
  out.append(drawing);
  return out;
}
