// Every control of every lab on every lesson page, generated from the built site (controls-catalog):
// each option of each select must work — a training lab trains from it (steps rise, no error), an
// instant lab redraws — and nonsense typed into each field (letters, negative, huge, empty) must be
// refused in pt-BR in place, naming the field and quoting what was typed, until the field is put
// right, after which the lab works again. "Erro inesperado" never appears. Fields the labs create
// while running (the tensor explorer's sizes, the composer's layer settings) are walked the same way.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { labCatalog, type LabInstance, type SelectControl } from './controls-catalog';
import { button, pauseIfTraining, step } from './labs-support';

// Several trainings per test, on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

const TEXT_NONSENSE = ['abc', '-1', '1000000', ''];
// A number input cannot hold letters (the browser drops them); a fraction stands in for them.
const NUMBER_NONSENSE = ['2.5', '-1', '1000000', ''];

/**
 * Values that look like nonsense but are meaningful for one field, so they must work instead:
 * no hidden layer at all (a single softmax layer), and a negative kernel weight.
 */
const MEANINGFUL: { kind: string; selector: string; values: string[] }[] = [
  { kind: 'dense', selector: 'input[name="hidden"]', values: [''] },
  { kind: 'kernel', selector: 'input[aria-label="peso', values: ['-1'] },
];

/** `selector` names the field as the walk does; an entry matches it by prefix. */
function meaningful(lab: LabInstance, selector: string, value: string): boolean {
  return MEANINGFUL.some(
    (m) => m.kind === lab.kind && selector.startsWith(m.selector) && m.values.includes(value),
  );
}

async function openInstance(page: Page, lab: LabInstance): Promise<Locator> {
  await page.goto(lab.path);
  const root = page.locator(`#${lab.id}`);
  await root.scrollIntoViewIfNeeded();
  if (lab.trains) {
    await expect(root).toHaveAttribute('data-lab-ready', '', { timeout: 30_000 });
    const slider = root.getByRole('slider', { name: 'Velocidade', exact: true });
    await slider.focus();
    await slider.press('End');
    await expect(slider).toHaveAttribute('aria-valuetext', 'máxima');
  } else {
    await expect(root).toHaveAttribute('data-lab-mounted', '', { timeout: 30_000 });
  }
  return root;
}

async function noUnexpectedError(page: Page, root: Locator, what: string): Promise<void> {
  await expect(root, what).not.toContainText('Erro inesperado');
  const errors = (await page.pageErrors()).map((e) => e.message);
  expect(errors, what).toEqual([]);
}

/** The visible error boxes of a lab, as one text ('' when none shows). */
async function alertText(root: Locator): Promise<string> {
  const texts = await root.locator('[role="alert"]:visible').allTextContents();
  return texts.join(' ').trim();
}

/** What an instant lab shows: its text and the values of its fields. */
async function signature(root: Locator): Promise<string> {
  return root.evaluate((el) => {
    const values = [...el.querySelectorAll('input, select, textarea')].map(
      (c) => (c as HTMLInputElement).value,
    );
    return `${(el as HTMLElement).innerText}\n${values.join('|')}`;
  });
}

/** Treinar from where the lab is: steps rise, the loss is a number, no error; then Pausar. */
async function trains(page: Page, root: Locator, what: string): Promise<void> {
  await expect(root, what).not.toHaveAttribute('data-state', 'training');
  const from = await step(root);
  await button(root, 'Treinar').click();
  await expect
    .poll(() => step(root), {
      timeout: 45_000,
      intervals: [50, 100, 200],
      message: `${what}: steps rise`,
    })
    .toBeGreaterThan(from + 2);
  await expect(root, what).not.toHaveAttribute('data-state', 'error');
  await expect(root.locator('[data-lab-error]'), what).toBeHidden();
  const loss = Number(await root.getAttribute('data-loss'));
  expect(Number.isFinite(loss), `${what}: loss ${loss}`).toBe(true);
  await noUnexpectedError(page, root, what);
  await pauseIfTraining(root);
  await expect(root, what).not.toHaveAttribute('data-state', 'training');
}

/**
 * An option that needs the reader's own data before it can train: "Meus pontos" asks for a point
 * of each class, so the test clicks two of each on the chart, as a reader would.
 */
async function supplyWhatItAsks(root: Locator, lab: LabInstance, value: string): Promise<void> {
  if (lab.kind !== 'dense' || value !== 'custom') return;
  await expect(root.locator('[data-lab-error]')).toContainText('ponto de cada classe');
  const chart = root.locator('[data-dense-boundary]');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (box === null) throw new Error('the boundary chart has no box');
  const at = (fx: number, fy: number) => ({ x: box.width * fx, y: box.height * fy });
  await root.locator('input[name="clickClass"][value="0"]').check();
  await chart.click({ position: at(0.3, 0.3) });
  await chart.click({ position: at(0.35, 0.4) });
  await root.locator('input[name="clickClass"][value="1"]').check();
  await chart.click({ position: at(0.7, 0.7) });
  await chart.click({ position: at(0.65, 0.6) });
  await expect(root.locator('[data-lab-error]')).toBeHidden();
}

async function everyOption(
  page: Page,
  lab: LabInstance,
  root: Locator,
  control: SelectControl,
): Promise<void> {
  const select = root.locator(control.selector);
  const shipped = await select.inputValue();
  // The shipped option last, so the walk also proves the lab comes back to where it started.
  const order = [
    ...control.options.filter((o) => o.value !== shipped),
    ...control.options.filter((o) => o.value === shipped),
  ];
  for (const option of order) {
    const what = `${lab.kind} /${lab.path} ${control.label} = ${option.label}`;
    const before = lab.trains ? '' : await signature(root);
    await select.selectOption(option.value);
    if (lab.trains) {
      await supplyWhatItAsks(root, lab, option.value);
      await trains(page, root, what);
    } else if (control.selector === 'select[data-lego-new-type]') {
      // Choosing a piece does nothing until it is added: add one of each kind.
      const pieces = root.locator('[data-lego-stack] > li');
      const count = await pieces.count();
      await button(root, 'Adicionar camada').click();
      await expect(pieces, what).toHaveCount(count + 1);
      await noUnexpectedError(page, root, what);
    } else {
      if (order.length > 1)
        await expect.poll(() => signature(root), { message: what }).not.toBe(before);
      await noUnexpectedError(page, root, what);
    }
  }
}

interface Typed {
  /** The visible error boxes' text right after the field changed. */
  alert: string;
  invalid: string | null;
  value: string;
  /** After Treinar was pressed with the value in place (training labs' settings only). */
  afterTrain: { state: string | null; alert: string } | null;
}

/**
 * Types each value into the field in the page, firing the events a reader's typing fires (input,
 * then change on leaving it), and reads back what the lab shows, all in one round trip: the labs
 * check a field synchronously, so the error is there when the events return. For a training
 * lab's setting, Treinar is pressed too and the lab read again once its handler has run.
 */
async function typeInPage(
  field: Locator,
  values: readonly string[],
  pressTrain: boolean,
): Promise<Typed[]> {
  return field.evaluate(
    async (el, { values, pressTrain }) => {
      const input = el as HTMLInputElement;
      const lab = input.closest('[data-lab-root]') as HTMLElement;
      const alerts = (): string =>
        [...lab.querySelectorAll<HTMLElement>('[role="alert"]')]
          .filter((a) => !a.hidden && a.offsetParent !== null)
          .map((a) => a.textContent.trim())
          .join(' ');
      const seen: Typed[] = [];
      for (const value of values) {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const typed: Typed = {
          alert: alerts(),
          invalid: input.getAttribute('aria-invalid'),
          value: input.value,
          afterTrain: null,
        };
        if (pressTrain) {
          lab.querySelector<HTMLButtonElement>('button[data-action="train"]')?.click();
          // The Treinar handler runs in a microtask (the model's promise has settled): one task later it
          // has run.
          await new Promise((resolve) => setTimeout(resolve, 0));
          typed.afterTrain = { state: lab.dataset['state'] ?? null, alert: alerts() };
        }
        seen.push(typed);
      }
      return seen;
    },
    { values, pressTrain },
  );
}

/** Nonsense into one field: refused in place, naming the field and quoting it; then put right. */
async function refusesNonsense(
  page: Page,
  lab: LabInstance,
  root: Locator,
  field: Locator,
  label: string,
  setting: boolean,
): Promise<void> {
  const type = await field.evaluate((el) => (el as HTMLInputElement).type);
  const good = await field.inputValue();
  const before = await alertText(root);
  const shown = lab.trains ? '' : await signature(root);
  const selector = await field.evaluate((el) => {
    const name = el.getAttribute('name');
    if (name !== null) return `${el.tagName.toLowerCase()}[name="${name}"]`;
    const aria = el.getAttribute('aria-label');
    return aria === null ? '' : `${el.tagName.toLowerCase()}[aria-label="${aria}"]`;
  });
  const values = type === 'number' ? NUMBER_NONSENSE : TEXT_NONSENSE;
  const nonsense = values.filter((v) => !meaningful(lab, selector, v));
  // The field's name, without what its label adds in parentheses ("Taxa de aprendizado (η)").
  const name = label.replace(/\s*\(.*$/, '').toLowerCase();
  const seen = await typeInPage(field, nonsense, lab.trains && setting);
  nonsense.forEach((typed, i) => {
    const what = `${lab.kind} /${lab.path} ${label} = “${typed}”`;
    const r = seen[i];
    if (r === undefined) throw new Error(`${what}: not read back`);
    expect(r.alert, what).toContain(`“${typed}”`);
    expect(r.alert.toLowerCase(), what).toContain(name);
    expect(r.alert, what).not.toContain('Erro inesperado');
    expect(r.invalid, what).toBe('true');
    expect(r.value, `${what}: what was typed stays`).toBe(typed);
    if (r.afterTrain !== null) {
      // Treinar refuses it too and says so again.
      expect(r.afterTrain.state, `${what}: Treinar`).not.toBe('training');
      expect(r.afterTrain.alert, `${what}: Treinar`).toContain(`“${typed}”`);
    }
  });
  await noUnexpectedError(page, root, label);
  // Values that only look like nonsense, typed as a reader would: they must work.
  for (const typed of values.filter((v) => meaningful(lab, selector, v))) {
    const what = `${lab.kind} /${lab.path} ${label} = “${typed}”`;
    await field.fill(typed);
    await field.press('Tab');
    await expect(field, what).not.toHaveAttribute('aria-invalid', 'true');
    if (lab.trains) await trains(page, root, what);
    await noUnexpectedError(page, root, what);
  }
  // Put right: the error goes, and the lab works again.
  await field.fill(good);
  await field.press('Tab');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect.poll(() => alertText(root), { message: `${label} put right` }).toBe(before);
  // A training lab leaves its error state (it trains at the end of the walk, after every field was
  // put right).
  if (lab.trains)
    await expect(root, `${label} put right`).not.toHaveAttribute('data-state', 'error', {
      timeout: 30_000,
    });
  else await expect.poll(() => signature(root)).toBe(shown);
}

const catalog = labCatalog();

test('the catalog holds every lab of the course, each with controls', () => {
  const kinds = new Set(catalog.map((lab) => lab.kind));
  for (const kind of ['dense', 'sgd', 'conv2d', 'lstm', 'conv1d', 'kernel', 'tensor', 'lego'])
    expect(kinds, kind).toContain(kind);
  for (const lab of catalog)
    expect(lab.selects.length + lab.typed.length, lab.id).toBeGreaterThan(0);
  // A training lab's select walk ends on the shipped option, trained: it needs one select.
  for (const lab of catalog.filter((l) => l.trains))
    expect(lab.selects.length, lab.id).toBeGreaterThan(0);
});

/** The fields a lab creates while it runs: the tensor explorer's axis sizes, the composer's layers. */
async function createdFields(page: Page, lab: LabInstance, root: Locator): Promise<number> {
  const container = root.locator(
    lab.kind === 'tensor' ? '[data-tensor-sizes]' : '[data-lego-stack]',
  );
  // The tensor explorer makes new size fields for each example: walk them all.
  const choices = lab.kind === 'tensor' ? lab.selects[0] : undefined;
  const rounds = choices === undefined ? [null] : choices.options.map((o) => o.value);
  let walked = 0;
  for (const round of rounds) {
    if (round !== null && choices !== undefined)
      await root.locator(choices.selector).selectOption(round);
    const fields = container.locator('input');
    const count = await fields.count();
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      const label = await field.evaluate(
        (el) => el.closest('label')?.querySelector('span')?.textContent?.trim() ?? '',
      );
      await refusesNonsense(page, lab, root, field, label, true);
      walked++;
    }
  }
  return walked;
}

// One test per lab on a lesson page, walking its controls one after another on the same page, as a
// reader would: each control leaves the lab as it found it (the shipped option last, the field put
// right), so the next one starts from the lesson's lab.
for (const lab of catalog) {
  test(`${lab.kind} em /${lab.path}: every control value works or is refused in pt-BR`, async ({
    page,
  }) => {
    test.setTimeout(lab.trains ? 360_000 : 180_000);
    const root = await openInstance(page, lab);
    // Each select's walk ends on the option the lesson ships, trained: that is the lab as shipped.
    for (const control of lab.selects) {
      await test.step(`${control.label}: every option`, () =>
        everyOption(page, lab, root, control));
    }
    for (const control of lab.typed) {
      await test.step(`${control.label}: nonsense, then put right`, async () => {
        const field = root.locator(control.selector);
        const setting = (await field.locator('xpath=ancestor::*[@class="lab-body"]').count()) === 0;
        await field.scrollIntoViewIfNeeded();
        await refusesNonsense(page, lab, root, field, control.label, setting);
      });
    }
    if (lab.trains && lab.typed.length > 0)
      await test.step('trains once every field is put right', () =>
        trains(page, root, `${lab.kind} after every field was put right`));
    if (lab.kind === 'tensor' || lab.kind === 'lego') {
      await test.step('the fields it creates', async () => {
        expect(await createdFields(page, lab, root), 'fields walked').toBeGreaterThan(0);
      });
    }
  });
}
