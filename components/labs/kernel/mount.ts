// The kernel explorer: a 3×3 kernel slides over a 7×7 image; stride, padding and the window position
// are controls, the output map and its shape are recomputed on every change.
import { required } from '../shared/dom';
import { createErrorBox, parseNumberField } from '../shared/fields';
import { t } from '../../../src/i18n';
import {
  KERNEL_PRESETS,
  SAMPLE_IMAGE,
  SAMPLE_SIZE,
  convolve,
  windowTerms,
  type KernelPreset,
  type Padding,
} from './conv';
import { gridSvg, inkFill, signedFill } from './grid';

const K = 3;
const number = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 2 });
/**
 * Kernel weights, in the grid, in its fields and in the sum alike: pt-BR decimal comma (lab UI
 * text; docs/contract.md, "Printed values"), three digits so a field shows what the grid shows.
 */
const weight = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 3, useGrouping: false });
/** Negative factors in parentheses, as written by hand: 1×(−1). */
const signed = (v: number): string => (v < 0 ? `(${weight.format(v)})` : weight.format(v));

export function mount(root: HTMLElement): void {
  const find = <T extends HTMLElement>(selector: string): T => required<T>(root, selector);
  const preset = find<HTMLSelectElement>('[data-kernel-preset]');
  const stride = find<HTMLSelectElement>('[data-kernel-stride]');
  const padding = find<HTMLSelectElement>('[data-kernel-padding]');
  const position = find<HTMLInputElement>('[data-kernel-position]');
  const weightInputs = [...root.querySelectorAll<HTMLInputElement>('[data-kernel-weight]')];
  const errors = createErrorBox(find('[data-kernel-error]'));
  const views = {
    input: find('[data-kernel-input]'),
    kernel: find('[data-kernel-kernel]'),
    output: find('[data-kernel-output]'),
    shape: find('[data-kernel-shape]'),
    window: find('[data-kernel-window]'),
    terms: find('[data-kernel-terms]'),
    legend: find('[data-kernel-legend]'),
  };
  const kernel = Float32Array.from(
    KERNEL_PRESETS[preset.value as KernelPreset] ?? KERNEL_PRESETS.edge,
  );

  const writeKernelInputs = (): void => {
    weightInputs.forEach((input, i) => {
      // Written as the grid writes them; typing either a comma or a point is accepted.
      input.value = weight.format(kernel[i] ?? 0);
      input.removeAttribute('aria-invalid');
      errors.set(input, null);
    });
  };

  const render = (): void => {
    const s = Number(stride.value);
    const pad = padding.value as Padding;
    const { values, geometry: g } = convolve(SAMPLE_IMAGE, SAMPLE_SIZE, kernel, K, s, pad);
    const cells = g.out * g.out;
    position.max = String(Math.max(0, cells - 1));
    position.disabled = cells === 0;
    const at = Math.min(Number(position.value) || 0, Math.max(0, cells - 1));
    position.value = String(at);
    const r = Math.floor(at / Math.max(1, g.out));
    const c = at % Math.max(1, g.out);
    const inputShape = `(${SAMPLE_SIZE}, ${SAMPLE_SIZE})`;
    const outputShape = `(${g.out}, ${g.out})`;
    views.shape.textContent =
      g.out === 0
        ? t('lab.kernel.shape.none', { input: inputShape, stride: String(s) })
        : t(pad === 'valid' ? 'lab.kernel.shape.valid' : 'lab.kernel.shape.same', {
            input: inputShape,
            output: outputShape,
            size: String(SAMPLE_SIZE),
            stride: String(s),
            out: String(g.out),
            before: String(g.padBefore),
            after: String(g.padAfter),
          });

    // The input is drawn with its padding, so the window never leaves the picture.
    const side = SAMPLE_SIZE + g.padBefore + g.padAfter;
    views.input.replaceChildren(
      gridSvg({
        rows: side,
        cols: side,
        value: (row, col) => {
          const y = row - g.padBefore;
          const x = col - g.padBefore;
          const inside = y >= 0 && y < SAMPLE_SIZE && x >= 0 && x < SAMPLE_SIZE;
          return inside ? (SAMPLE_IMAGE[y * SAMPLE_SIZE + x] as number) : Number.NaN;
        },
        fill: inkFill,
        text: (v) => number.format(v),
        cell: 30,
        ...(cells > 0 ? { highlight: { row: r * s, col: c * s, rows: K, cols: K } } : {}),
        ariaLabel: t('lab.kernel.input'),
        ariaDescription: t('lab.kernel.inputDescription', {
          size: String(SAMPLE_SIZE),
          padding: g.padBefore + g.padAfter > 0 ? t('lab.kernel.paddingCells') : '',
        }),
      }),
    );
    const kernelScale = Math.max(...Array.from(kernel, Math.abs), 1e-6);
    views.kernel.replaceChildren(
      gridSvg({
        rows: K,
        cols: K,
        value: (row, col) => kernel[row * K + col] as number,
        fill: signedFill(kernelScale),
        text: (v) => weight.format(v),
        cell: 40,
        ariaLabel: t('lab.kernel.weights'),
        ariaDescription: t('lab.kernel.kernelDescription', {
          values: Array.from(kernel, (v) => weight.format(v)).join('; '),
        }),
      }),
    );
    const outScale = Math.max(...Array.from(values, Math.abs), 1e-6);
    views.output.replaceChildren(
      gridSvg({
        rows: g.out,
        cols: g.out,
        value: (row, col) => values[row * g.out + col] as number,
        fill: signedFill(outScale),
        text: (v) => number.format(v),
        cell: 34,
        ...(cells > 0 ? { highlight: { row: r, col: c, rows: 1, cols: 1 } } : {}),
        ariaLabel: t('lab.kernel.output'),
        ariaDescription: t('lab.kernel.outputDescription', { out: String(g.out) }),
      }),
    );
    if (cells === 0) {
      views.window.textContent = '';
      views.terms.textContent = '';
      return;
    }
    const terms = windowTerms(SAMPLE_IMAGE, SAMPLE_SIZE, kernel, K, s, g, r, c);
    views.window.textContent = t('lab.kernel.window', {
      row: String(r),
      col: String(c),
      value: number.format(values[at] ?? 0),
    });
    views.terms.textContent = t('lab.kernel.terms', {
      terms: terms.map((term) => `${number.format(term.pixel)}×${signed(term.weight)}`).join(' + '),
    });
    views.legend.textContent = t('lab.kernel.scale', { max: weight.format(kernelScale) });
  };

  preset.addEventListener('change', () => {
    kernel.set(KERNEL_PRESETS[preset.value as KernelPreset] ?? KERNEL_PRESETS.edge);
    writeKernelInputs();
    render();
  });
  weightInputs.forEach((input, i) => {
    input.addEventListener('input', () => {
      // A decimal comma is accepted, as readers type it; a bad value is named in the error box
      // and the kernel keeps its last good weight.
      const label = input.getAttribute('aria-label') ?? '';
      const field = label.charAt(0).toUpperCase() + label.slice(1);
      const value = errors.read(input, () =>
        parseNumberField(input, { min: -100, max: 100 }, field),
      );
      if (value === null) return;
      kernel[i] = value;
      render();
    });
  });
  for (const control of [stride, padding, position]) control.addEventListener('input', render);
  writeKernelInputs();
  render();
}
