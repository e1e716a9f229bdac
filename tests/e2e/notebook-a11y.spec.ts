// Accessibility of cells in use (editor open, outputs, errors, a training panel), in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';

async function run(target: Locator): Promise<void> {
  const before = Number((await target.getAttribute('data-run-count')) ?? '0');
  // From the keyboard: a training panel still redrawing above can shift the layout under a click.
  await target.getByRole('button', { name: 'Executar' }).press('Enter');
  await expect(target).toHaveAttribute('data-run-count', String(before + 1), { timeout: 30_000 });
}

for (const theme of ['light', 'dark']) {
  test(`cells in use have no serious axe violations (${theme} theme) @phone`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto('testes/notebook/');
    const cells = page.locator('[data-cell]');
    await cells.nth(0).locator('[data-cell-source]').click();
    await expect(cells.nth(0).locator('.cm-content')).toBeFocused();
    for (const i of [0, 2, 5, 6, 8]) await run(cells.nth(i));
    await cells.nth(4).locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('naoExiste');
    await run(cells.nth(4));
    await expect(cells.nth(4).locator('.nb-error')).toBeVisible();
    // Cell 8 draws an image, a Plot chart and a weight heatmap: charts are checked too.
    const results = await new AxeBuilder({ page }).include('main').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
