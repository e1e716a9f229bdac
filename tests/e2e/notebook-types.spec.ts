// TypeScript help in the cells (src/notebook/types, src/notebook/editor/types.ts), on the test page
// (see notebook-support.ts): completions, pt-BR diagnostics, the shared scope, and a language
// service that loads only once the reader edits.
import { expect, test, type Page } from '@playwright/test';
import { PATH, cell, output, run } from './notebook-support';

/** Requests for the language service's worker or its declarations, as they happen. */
function watchTypes(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.includes('ls.worker') || url.includes('ts-env.json')) seen.push(url);
  });
  return seen;
}

/** Puts the caret at the end of a cell's code and types, key by key. */
async function typeAtEnd(page: Page, index: number, text: string): Promise<void> {
  const target = cell(page, index);
  await target.locator('[data-cell-source]').click();
  const editor = target.locator('.cm-content');
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

test.beforeEach(async ({ page }) => {
  await page.goto(PATH);
});

test('the language service loads only when the reader edits, not to read or run', async ({
  page,
}) => {
  const seen = watchTypes(page);
  await run(cell(page, 3));
  await cell(page, 3).locator('[data-cell-source]').click();
  await expect(cell(page, 3).locator('.cm-content')).toBeFocused();
  await run(cell(page, 0));
  expect(seen).toEqual([]);
  await typeAtEnd(page, 3, ' ');
  await expect.poll(() => seen.length).toBe(2);
});

test('typing tf.tens offers tensor2d, with its signature in the details', async ({ page }) => {
  await typeAtEnd(page, 3, '\ntf.tens');
  const list = page.locator('.cm-tooltip-autocomplete');
  await expect(list.getByRole('option', { name: /^tensor2d/ })).toBeVisible({ timeout: 30_000 });
  // Narrow the list, then take the selected option with Enter, as a keyboard reader would.
  await page.keyboard.type('or2');
  await expect(list.getByRole('option', { selected: true })).toHaveText(/^tensor2d/);
  await page.keyboard.press('Enter');
  await expect(cell(page, 3).locator('.cm-content')).toContainText('tf.tensor2d');
  await page.keyboard.type('(');
  await expect(page.locator('[data-types-signature]')).toContainText('values: TensorLike2D');
});

test('a type error is underlined, and its pt-BR message shown on hover and above the output', async ({
  page,
}) => {
  await typeAtEnd(page, 3, "\nconst n: number = 'três'\nn");
  await expect(cell(page, 3).locator('.cm-editor')).toHaveAttribute('data-type-errors', '1', {
    timeout: 30_000,
  });
  const mark = cell(page, 3).locator('.cm-lintRange-error');
  await expect(mark).toHaveText('n');
  await mark.hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText(
    "O tipo 'string' não pode ser atribuído ao tipo 'number'.",
  );
  // Running still runs the code, and lists the error with its line above the output.
  await run(cell(page, 3));
  const errors = cell(page, 3).locator('[data-cell-types] [data-type-error]');
  await expect(errors).toHaveCount(1);
  await expect(errors).toHaveAttribute('data-line', '2');
  await expect(errors).toContainText("Linha 2, coluna 7: O tipo 'string' não pode ser atribuído");
  await expect(cell(page, 3)).toHaveAttribute('data-state', 'ok');
  await expect(output(cell(page, 3))).toContainText('três');
});

test('a cell using a name an earlier cell declared has no false error', async ({ page }) => {
  // `base` comes from cell 1; `semNome` from no cell: only the second is an error.
  await typeAtEnd(page, 1, ' + base + semNome');
  const editor = cell(page, 1).locator('.cm-editor');
  await expect(editor).toHaveAttribute('data-type-errors', '1', { timeout: 30_000 });
  await expect(cell(page, 1).locator('.cm-lintRange-error')).toHaveText('semNome');
  for (let i = 0; i < ' + semNome'.length; i++) await page.keyboard.press('Backspace');
  await expect(cell(page, 1).locator('.cm-content')).toHaveText('base + 1 + base');
  await expect(editor).toHaveAttribute('data-type-errors', '0');
  await expect(cell(page, 1).locator('.cm-lintRange-error')).toHaveCount(0);
});
