// The LEGO composer: stack layers, watch the shape flow through them and the parameter count, and
// read a pt-BR error naming both shapes where a piece does not fit. Shapes come from the core's
// inferShapes, the same code that checks every model the labs build.
import { t } from '../../../src/i18n';
import { formatShape } from '../../../src/viz/format';
import { required } from '../shared/dom';
import { listCount } from '../shared/fields';
import { composeFlow, layerNames } from './flow';
import {
  PIECES,
  PIECE_TYPES,
  PRESETS,
  newPiece,
  type Piece,
  type PieceType,
  type PresetName,
} from './pieces';

const integer = new Intl.NumberFormat('pt-BR');

export function mount(root: HTMLElement): void {
  const find = <T extends HTMLElement>(selector: string): T => required<T>(root, selector);
  const presetSelect = find<HTMLSelectElement>('[data-lego-preset]');
  const inputField = find<HTMLInputElement>('[data-lego-input]');
  const newType = find<HTMLSelectElement>('[data-lego-new-type]');
  const addButton = find<HTMLButtonElement>('[data-lego-add]');
  const stack = find('[data-lego-stack]');
  const result = find('[data-lego-result]');
  const errorBox = find('[data-lego-error]');
  const flow = find('[data-lego-flow]');
  const tbody = find('[data-lego-summary] tbody');
  const total = find('[data-lego-total]');

  let inputShape: number[] = [];
  let pieces: Piece[] = [];
  /** Field errors from the inputs, checked before the core sees the spec. */
  const fieldErrors = new Map<string, string>();

  const load = (name: PresetName): void => {
    const preset = PRESETS[name];
    inputShape = preset.inputShape.slice();
    pieces = preset.pieces.map((p) => ({ type: p.type, params: { ...p.params } }));
    inputField.value = inputShape.join(', ');
    inputField.removeAttribute('aria-invalid');
    fieldErrors.clear();
    renderStack();
    update();
  };

  const showError = (text: string | null): void => {
    errorBox.hidden = text === null;
    errorBox.textContent = text ?? '';
  };

  const update = (): void => {
    for (const li of stack.children) li.classList.remove('lab-badge-error');
    flow.replaceChildren(badge(`${t('lab.lego.input')} ${formatShape([null, ...inputShape])}`));
    tbody.replaceChildren();
    total.textContent = '';
    const firstFieldError = fieldErrors.values().next();
    if (!firstFieldError.done) {
      result.textContent = '';
      showError(firstFieldError.value);
      return;
    }
    if (pieces.length === 0) {
      showError(null);
      result.textContent = t('lab.lego.empty');
      return;
    }
    const outcome = composeFlow(inputShape, pieces);
    if (outcome.ok) {
      for (const info of outcome.layers) {
        flow.append(badge(`${info.className} ${formatShape(info.outputShape)}`));
        const row = document.createElement('tr');
        for (const text of [
          `${info.name} (${info.className})`,
          formatShape(info.outputShape),
          integer.format(info.params),
        ]) {
          const td = document.createElement('td');
          td.textContent = text;
          row.append(td);
        }
        tbody.append(row);
      }
      total.textContent = t('lab.lego.total', { count: integer.format(outcome.params) });
      result.textContent = outcome.message;
      showError(null);
      return;
    }
    result.textContent = '';
    if (outcome.failed !== null) stack.children[outcome.failed]?.classList.add('lab-badge-error');
    if (outcome.failedName !== null) {
      const failed = badge(`✗ ${outcome.failedName}`);
      failed.classList.add('lab-badge-error');
      flow.append(failed);
    }
    showError(outcome.message);
  };

  const renderStack = (): void => {
    const names = layerNames(pieces);
    stack.replaceChildren(
      ...pieces.map((piece, index) => {
        const li = document.createElement('li');
        li.className = 'lego-piece';
        const title = document.createElement('span');
        title.className = 'lego-name';
        const name = names[index] as string;
        title.textContent = `${name} · ${PIECES[piece.type].className}`;
        li.append(title);
        for (const field of PIECES[piece.type].fields) {
          const label = document.createElement('label');
          label.className = 'lego-param';
          const span = document.createElement('span');
          span.textContent = field.label;
          const input = document.createElement('input');
          input.type = 'text';
          input.inputMode = field.integer ? 'numeric' : 'decimal';
          input.size = 4;
          input.value = String(piece.params[field.key] ?? '');
          const key = `${index}.${field.key}`;
          input.addEventListener('input', () => {
            const raw = input.value.trim();
            const value = Number(raw.replace(',', '.'));
            const ok =
              raw !== '' &&
              Number.isFinite(value) &&
              (!field.integer || Number.isInteger(value)) &&
              value >= field.min &&
              value <= field.max;
            input.setAttribute('aria-invalid', String(!ok));
            if (ok) {
              piece.params[field.key] = value;
              fieldErrors.delete(key);
            } else {
              fieldErrors.set(
                key,
                t(field.integer ? 'lab.error.integer' : 'lab.error.number', {
                  field: `${name}.${field.label}`,
                  received: raw,
                  min: String(field.min),
                  max: String(field.max).replace('.', ','),
                }),
              );
            }
            update();
          });
          label.append(span, input);
          li.append(label);
        }
        li.append(
          button('↑', t('lab.lego.up', { layer: name }), index === 0, () => move(index, -1)),
          button('↓', t('lab.lego.down', { layer: name }), index === pieces.length - 1, () =>
            move(index, 1),
          ),
          button('✕', t('lab.lego.remove', { layer: name }), false, () => remove(index)),
        );
        return li;
      }),
    );
  };

  const move = (index: number, delta: number): void => {
    const [piece] = pieces.splice(index, 1);
    if (piece === undefined) return;
    pieces.splice(index + delta, 0, piece);
    fieldErrors.clear();
    renderStack();
    update();
    // Keep the reader's place: the same arrow on the moved piece, or, once it reached the top or the
    // bottom and that arrow is disabled, the other one.
    const row = stack.children[index + delta];
    const same = row?.querySelector<HTMLButtonElement>(`button[data-move="${delta}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`button[data-move="${-delta}"]`);
    (same && !same.disabled ? same : other)?.focus();
  };
  const remove = (index: number): void => {
    pieces.splice(index, 1);
    fieldErrors.clear();
    renderStack();
    update();
    addButton.focus();
  };

  inputField.addEventListener('input', () => {
    const parts = inputField.value.split(/[,;\s]+/).filter((p) => p !== '');
    const dims = parts.map(Number);
    const ok =
      dims.length >= 1 &&
      dims.length <= 3 &&
      dims.every((d) => Number.isInteger(d) && d >= 1 && d <= 4096);
    inputField.setAttribute('aria-invalid', String(!ok));
    if (ok) {
      inputShape = dims;
      fieldErrors.delete('input');
    } else {
      fieldErrors.set(
        'input',
        t('lab.error.list', {
          field: t('lab.lego.inputShape'),
          received: inputField.value,
          count: listCount(1, 3),
          min: '1',
          max: '4096',
        }),
      );
    }
    update();
  });
  presetSelect.addEventListener('change', () => load(presetSelect.value as PresetName));
  addButton.addEventListener('click', () => {
    const type = newType.value as PieceType;
    if (!PIECE_TYPES.includes(type)) return;
    pieces.push(newPiece(type));
    renderStack();
    update();
  });
  load(presetSelect.value as PresetName);
}

function badge(text: string): HTMLElement {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

function button(
  text: string,
  label: string,
  disabled: boolean,
  onClick: () => void,
): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = text;
  el.setAttribute('aria-label', label);
  if (text !== '✕') el.dataset['move'] = text === '↑' ? '-1' : '1';
  el.disabled = disabled;
  el.addEventListener('click', onClick);
  return el;
}
