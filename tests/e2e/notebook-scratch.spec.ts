// The reader's own cells (Nova célula) and how printed text reads: a summary table scrolls
// sideways instead of wrapping, long output collapses. On course lessons, as a reader meets them.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { output, run, setCode } from './notebook-support';

/** Lesson 0 (the site's root): two quick cells, the second using the first's `pesos`. */
const INICIO = './';

const scratchCells = (page: Page) => page.locator('[data-cell][data-cell-scratch]');

/** "Nova célula" right after the `n`-th lesson cell (0-based), or at the lesson's end. */
function addButton(page: Page, after: number | 'end'): Locator {
  const row =
    after === 'end'
      ? page.locator('[data-cell-add-end]')
      : page
          .locator('[data-cell]:not([data-cell-scratch])')
          .nth(after)
          .locator('xpath=following-sibling::*[1][@data-cell-add]');
  return row.getByRole('button', { name: 'Nova célula' });
}

test.beforeEach(async ({ page }) => {
  await page.goto(INICIO);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test('a new cell is added, runs in the lesson’s scope, survives a reload, and is removed with a way back', async ({
  page,
}) => {
  await run(page.locator('[data-cell]').first());
  await addButton(page, 0).click();
  const mine = scratchCells(page);
  await expect(mine).toHaveCount(1);
  // It sits right after the first lesson cell, and its editor has the focus.
  await expect(mine.first().locator('.cm-content')).toBeFocused();
  const next = page
    .locator('[data-cell]:not([data-cell-scratch])')
    .first()
    .locator('xpath=following-sibling::*[2]');
  await expect(next).toHaveAttribute('data-cell-scratch', '');

  await setCode(page, mine.first(), 'pesos.shape');
  await run(mine.first());
  await expect(output(mine.first())).toHaveText('[2, 2]');

  await page.reload();
  await expect(scratchCells(page)).toHaveCount(1);
  await expect(scratchCells(page).first().locator('.cm-content')).toHaveText('pesos.shape');

  // Removing leaves a notice with Desfazer, which brings back the cell and what was typed.
  await scratchCells(page).first().getByRole('button', { name: 'Remover célula' }).click();
  await expect(scratchCells(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Desfazer' }).click();
  await expect(scratchCells(page).first().locator('.cm-content')).toHaveText('pesos.shape');
  await page.reload();
  await expect(scratchCells(page)).toHaveCount(1);

  await scratchCells(page).first().getByRole('button', { name: 'Remover célula' }).click();
  await expect(page.getByRole('button', { name: 'Desfazer' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Executar tudo' })).toBeVisible();
  await expect(page.locator('[data-cell-add-end]')).toBeVisible();
  await expect(scratchCells(page)).toHaveCount(0);
});

test('Executar tudo runs the reader’s cells in page order, between the lesson’s', async ({
  page,
}) => {
  await addButton(page, 'end').click();
  await setCode(page, scratchCells(page).last(), 'ordem.push("fim"); ordem.join(" > ")');
  await addButton(page, 0).click();
  // Between lesson cells 1 and 2: sees `pesos`, and runs before the lesson's second cell.
  await setCode(page, scratchCells(page).first(), 'const ordem = ["minha"]; pesos.shape');
  await page.getByRole('button', { name: 'Executar tudo' }).click();
  const last = scratchCells(page).last();
  await expect(last).toHaveAttribute('data-run-count', '1', { timeout: 30_000 });
  await expect(output(last)).toHaveText('"minha > fim"');
  await expect(output(scratchCells(page).first())).toHaveText('[2, 2]');
  await expect(page.locator('[data-cell]')).toHaveCount(4);
});

test('a lesson’s new cells pass axe in both themes @phone', async ({ page }) => {
  await addButton(page, 0).click();
  await setCode(
    page,
    scratchCells(page).first(),
    'console.log(Array.from({ length: 80 }, (_, i) => `linha ${i}`).join("\\n"))',
  );
  await run(scratchCells(page).first());
  await expect(
    output(scratchCells(page).first()).getByRole('button', { name: /Mostrar tudo/ }),
  ).toBeVisible();
  // Shown in full, the long output scrolls inside a box of bounded height.
  const out = output(scratchCells(page).first());
  await expect(out.locator('pre')).not.toContainText('linha 79');
  await out.getByRole('button', { name: 'Mostrar tudo (80 linhas)' }).click();
  await expect(out.locator('pre')).toContainText('linha 79');
  const region = out.getByRole('region', { name: 'Texto impresso pela célula' });
  expect(await region.evaluate((r) => r.scrollHeight > r.clientHeight + 100)).toBe(true);
  await expect(out.getByRole('button', { name: 'Mostrar menos' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const results = await new AxeBuilder({ page }).include('main').analyze();
    const serious = results.violations.filter((v) =>
      ['serious', 'critical'].includes(v.impact ?? ''),
    );
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
});

test('a summary() table keeps each row on one line and scrolls sideways @phone', async ({
  page,
}) => {
  await page.goto('montando-modelos/');
  const lessonCells = page.locator('[data-cell]');
  const codes = await lessonCells.evaluateAll((roots) =>
    roots.map((r) => (r as HTMLElement).dataset['code'] ?? ''),
  );
  const at = codes.findIndex((code) => code.includes('.summary()'));
  expect(at).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= at; i++) await run(lessonCells.nth(i));
  const pre = output(lessonCells.nth(at)).locator('.nb-text pre', { hasText: 'Total params' });
  await expect(pre).toContainText('Total params');
  const rows = await pre.evaluate((node) => {
    const text = node.textContent ?? '';
    const range = document.createRange();
    range.selectNodeContents(node);
    // One line box per text line: wrapping would add more.
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    const lines = text.split('\n');
    return {
      lines: lines.length,
      filled: lines.filter((l) => l.trim() !== '').length,
      boxes: tops.size,
      longest: Math.max(...lines.map((l) => l.length)),
    };
  });
  expect(rows.longest).toBeGreaterThan(60);
  // A wrapped row would add line boxes beyond the text's own lines.
  expect(rows.boxes).toBeLessThanOrEqual(rows.lines);
  expect(rows.boxes).toBeGreaterThanOrEqual(rows.filled);
  // The region is named and focusable, and wider content than the box scrolls inside it.
  const region = pre.locator('xpath=..');
  await expect(region).toHaveAttribute('role', 'region');
  await expect(region).toHaveAttribute('aria-label', 'Texto impresso pela célula');
  await expect(region).toHaveAttribute('tabindex', '0');
  const overflow = await region.evaluate((r) => r.scrollWidth > r.clientWidth);
  const viewport = page.viewportSize()?.width ?? 1280;
  if (viewport < 600) expect(overflow).toBe(true);
});
