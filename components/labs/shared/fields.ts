// Reading the labs' form controls at the boundary: each value is parsed once (a decimal comma is
// accepted, as readers type it), range-checked, and a bad one becomes a pt-BR message naming the
// field and what was received; the control is marked aria-invalid so it is announced.
import { t } from '../../../src/i18n';

export class FieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldError';
  }
}

function control(root: ParentNode, name: string): HTMLInputElement | HTMLSelectElement {
  const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  if (el === null) throw new Error(`lab markup: missing control ${name}`);
  return el;
}

/** The accessible label text of a control (its <label>'s first span or the whole label). */
export function labelOf(el: Element): string {
  const label = el.closest('label');
  const text =
    label?.querySelector('span')?.textContent ??
    label?.textContent ??
    el.getAttribute('aria-label');
  return (text ?? el.getAttribute('name') ?? '').trim();
}

function mark(el: HTMLElement, ok: boolean): void {
  if (ok) el.removeAttribute('aria-invalid');
  else el.setAttribute('aria-invalid', 'true');
}

const show = (n: number): string => String(n).replace('.', ',');

export interface NumberRange {
  min: number;
  max: number;
  integer?: boolean;
  exclusiveMin?: boolean;
}

/**
 * Parses one control's value against a range: marks the control aria-invalid and throws a
 * FieldError naming the field (its label, or `field`) and what was typed when the value is bad.
 */
export function parseNumberField(
  el: HTMLInputElement | HTMLSelectElement,
  range: NumberRange,
  field: string = labelOf(el),
): number {
  const raw = el.value.trim();
  const value = Number(raw.replace(',', '.'));
  const ok =
    raw !== '' &&
    Number.isFinite(value) &&
    (range.exclusiveMin ? value > range.min : value >= range.min) &&
    value <= range.max &&
    (!range.integer || Number.isInteger(value));
  mark(el, ok);
  if (!ok) {
    throw new FieldError(
      t(range.integer ? 'lab.error.integer' : 'lab.error.number', {
        field,
        received: raw,
        min: show(range.min),
        max: show(range.max),
      }),
    );
  }
  return value;
}

export function readNumber(root: ParentNode, name: string, range: NumberRange): number {
  return parseNumberField(control(root, name), range);
}

/**
 * The error box of an instant lab (no shell): each control's latest problem is kept, and the box
 * shows the first one still standing, so fixing one field reveals the next bad one, if any.
 */
export function createErrorBox(box: HTMLElement): {
  set(control: Element, message: string | null): void;
  /** Runs `read` for `control`: its FieldError is shown (null returned), a good value clears it. */
  read<T>(control: Element, read: () => T): T | null;
  /** Forgets every problem (the controls were replaced). */
  clear(): void;
} {
  const problems = new Map<Element, string>();
  const show = (): void => {
    const first = problems.values().next();
    box.hidden = first.done === true;
    box.textContent = first.done === true ? '' : first.value;
  };
  const set = (control: Element, message: string | null): void => {
    if (message === null) problems.delete(control);
    else problems.set(control, message);
    show();
  };
  return {
    set,
    read(control, read) {
      try {
        const value = read();
        set(control, null);
        return value;
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        set(control, error.message);
        return null;
      }
    },
    clear() {
      problems.clear();
      show();
    },
  };
}

/** How many numbers a list may hold, in words: "até 6", "1 ou 2", "1 a 3". */
export function listCount(minLength: number, maxLength: number): string {
  const bounds = { min: String(minLength), max: String(maxLength) };
  if (minLength === 0) return t('lab.error.listCount.upTo', bounds);
  if (maxLength === minLength + 1) return t('lab.error.listCount.pair', bounds);
  return t('lab.error.listCount.range', bounds);
}

/**
 * A comma-separated list of integers, e.g. hidden layer sizes "8, 8"; empty when minLength is 0
 * (the default).
 */
export function readIntegerList(
  root: ParentNode,
  name: string,
  range: { min: number; max: number; maxLength: number; minLength?: number },
): number[] {
  const el = control(root, name);
  const raw = el.value.trim();
  const parts = raw === '' ? [] : raw.split(/[,;\s]+/).filter((p) => p !== '');
  const values = parts.map(Number);
  const minLength = range.minLength ?? 0;
  const ok =
    values.length >= minLength &&
    values.length <= range.maxLength &&
    values.every((v) => Number.isInteger(v) && v >= range.min && v <= range.max);
  mark(el, ok);
  if (!ok) {
    throw new FieldError(
      t('lab.error.list', {
        field: labelOf(el),
        received: raw,
        count: listCount(minLength, range.maxLength),
        min: show(range.min),
        max: show(range.max),
      }),
    );
  }
  return values;
}

export function readChoice<T extends string>(
  root: ParentNode,
  name: string,
  options: readonly T[],
): T {
  const el = control(root, name);
  if (!(options as readonly string[]).includes(el.value)) {
    mark(el, false);
    throw new FieldError(t('lab.error.choice', { field: labelOf(el), received: el.value }));
  }
  mark(el, true);
  return el.value as T;
}

/**
 * Runs `read` (one of the readers above) for a control changed outside setup: a FieldError is shown
 * in the lab's error box and gives null; a good value clears the box.
 */
export function readField<T>(
  shell: { error(message: string | null): void },
  read: () => T,
): T | null {
  try {
    const value = read();
    shell.error(null);
    return value;
  } catch (error) {
    if (error instanceof FieldError) {
      shell.error(error.message);
      return null;
    }
    throw error;
  }
}
