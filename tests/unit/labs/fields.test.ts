// The labs read their controls through components/labs/shared/fields.ts: a decimal comma is
// accepted, and anything out of range becomes a FieldError whose pt-BR message names the field (its
// visible label) and quotes what the reader typed; the control is marked aria-invalid.
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import {
  createErrorBox,
  FieldError,
  listCount,
  parseNumberField,
  readChoice,
  readField,
  readIntegerList,
  readNumber,
} from '../../../components/labs/shared/fields';

/** The markup shared/Field.astro renders: label.lab-field > span (the name) + control (+ hint). */
function form(value: string, control = 'input'): { root: HTMLElement; el: HTMLInputElement } {
  const { document } = parseHTML(
    `<html><body><fieldset id="root">
      <label class="lab-field"><span>Taxa de aprendizado</span>
        <${control} name="x" value="${value}"></${control}>
        <small class="lab-hint" id="h">dica</small></label>
      <label class="lab-field"><span>Otimizador</span>
        <select name="optimizer"><option value="sgd">SGD</option><option value="adam" selected>Adam</option></select>
      </label>
    </fieldset></body></html>`,
  );
  const root = document.getElementById('root') as HTMLElement;
  return { root, el: root.querySelector('[name="x"]') as HTMLInputElement };
}

/** The FieldError `fn` throws (fails the test if it does not throw one). */
function fieldError(fn: () => unknown): FieldError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    return error as FieldError;
  }
  throw new Error('expected a FieldError');
}

describe('readNumber', () => {
  test('accepts a decimal comma, as readers type it, and clears aria-invalid', () => {
    const { root, el } = form('0,03');
    el.setAttribute('aria-invalid', 'true');
    expect(readNumber(root, 'x', { min: 0, max: 10, exclusiveMin: true })).toBeCloseTo(0.03, 10);
    expect(el.hasAttribute('aria-invalid')).toBe(false);
  });

  test.each([
    ['abc', 'não é número'],
    ['', 'vazio'],
    ['0', 'no limite exclusivo'],
    ['11', 'acima do máximo'],
    ['1,2,3', 'duas vírgulas'],
  ])('rejects “%s” (%s) naming the field and quoting what was received', (raw) => {
    const { root, el } = form(raw);
    const error = fieldError(() => readNumber(root, 'x', { min: 0, max: 10, exclusiveMin: true }));
    expect(error.message).toBe(
      `Taxa de aprendizado: recebido “${raw}”, mas precisa ser um número de 0 a 10.`,
    );
    expect(el.getAttribute('aria-invalid')).toBe('true');
  });

  test('an integer field rejects 2,5 and shows its bounds with a decimal comma', () => {
    const { root } = form('2,5');
    const error = fieldError(() => readNumber(root, 'x', { min: 0.5, max: 64, integer: true }));
    expect(error.message).toBe(
      'Taxa de aprendizado: recebido “2,5”, mas precisa ser um número inteiro de 0,5 a 64.',
    );
  });
});

describe('readIntegerList', () => {
  const range = { min: 1, max: 64, maxLength: 3 };

  test('reads “8, 16” and “8;16 4”, and an empty list', () => {
    expect(readIntegerList(form('8, 16').root, 'x', range)).toEqual([8, 16]);
    expect(readIntegerList(form('8;16 4').root, 'x', range)).toEqual([8, 16, 4]);
    expect(readIntegerList(form('  ').root, 'x', range)).toEqual([]);
  });

  test.each(['8, dois', '0', '8, 65', '1, 2, 3, 4', '2.5'])('rejects “%s”', (raw) => {
    const { root, el } = form(raw);
    const error = fieldError(() => readIntegerList(root, 'x', range));
    expect(error.message).toContain(`Taxa de aprendizado: recebido “${raw}”`);
    expect(error.message).toContain('lista de até 3 inteiros, cada um de 1 a 64');
    expect(el.getAttribute('aria-invalid')).toBe('true');
  });

  test('with a least length, an empty list is refused and the message says how many', () => {
    const { root, el } = form('');
    const error = fieldError(() =>
      readIntegerList(root, 'x', { min: 1, max: 32, minLength: 1, maxLength: 2 }),
    );
    expect(error.message).toBe(
      'Taxa de aprendizado: recebido “”, mas precisa ser uma lista de 1 ou 2 inteiros, cada um de 1 a 32, separados por vírgula (ex.: 8, 8).',
    );
    expect(el.getAttribute('aria-invalid')).toBe('true');
    expect(
      readIntegerList(form('4, 8').root, 'x', { min: 1, max: 32, minLength: 1, maxLength: 2 }),
    ).toEqual([4, 8]);
  });
});

describe('listCount', () => {
  test('words the allowed lengths', () => {
    expect(listCount(0, 6)).toBe('até 6');
    expect(listCount(1, 2)).toBe('1 ou 2');
    expect(listCount(1, 3)).toBe('1 a 3');
  });
});

describe('parseNumberField and createErrorBox', () => {
  test('a bad value is named with the given field name; the box shows the first problem left', () => {
    const { document } = parseHTML('<input value="abc"><input value="7"><p hidden></p>');
    const [a, b] = [...document.querySelectorAll('input')] as unknown as HTMLInputElement[];
    const box = document.querySelector('p') as unknown as HTMLElement;
    const errors = createErrorBox(box);
    const range = { min: -100, max: 100 };
    const message = fieldError(() =>
      parseNumberField(a as HTMLInputElement, range, 'Peso'),
    ).message;
    expect(message).toBe('Peso: recebido “abc”, mas precisa ser um número de -100 a 100.');
    expect(a?.getAttribute('aria-invalid')).toBe('true');
    expect(parseNumberField(b as HTMLInputElement, range, 'Outro')).toBe(7);
    errors.set(a as HTMLInputElement, message);
    errors.set(b as HTMLInputElement, 'segundo');
    expect(box.hidden).toBe(false);
    expect(box.textContent).toBe(message);
    errors.set(a as HTMLInputElement, null);
    expect(box.textContent).toBe('segundo');
    errors.clear();
    expect(box.hidden).toBe(true);
    expect(box.textContent).toBe('');
  });
});

describe('readChoice', () => {
  test('returns a listed option and rejects any other, naming the select', () => {
    const { root } = form('');
    expect(readChoice(root, 'optimizer', ['sgd', 'adam'] as const)).toBe('adam');
    const error = fieldError(() => readChoice(root, 'optimizer', ['sgd'] as const));
    expect(error.message).toBe('Otimizador: recebido “adam”, que não é uma das opções.');
  });
});

describe('readField', () => {
  test('shows a FieldError in the lab’s error box and returns null; a good value clears it', () => {
    const shown: (string | null)[] = [];
    const shell = { error: (message: string | null) => shown.push(message) };
    const bad = form('-1');
    expect(readField(shell, () => readNumber(bad.root, 'x', { min: 0, max: 5 }))).toBeNull();
    const good = form('3');
    expect(readField(shell, () => readNumber(good.root, 'x', { min: 0, max: 5 }))).toBe(3);
    expect(shown).toEqual([
      'Taxa de aprendizado: recebido “-1”, mas precisa ser um número de 0 a 5.',
      null,
    ]);
  });

  test('a missing control is a markup bug, not a reader error: it is rethrown', () => {
    const { root } = form('1');
    expect(() =>
      readField({ error: () => {} }, () => readNumber(root, 'nope', { min: 0, max: 1 })),
    ).toThrow('lab markup: missing control nope');
  });
});
