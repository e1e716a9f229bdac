// Accessibility of the labs page with every lab loaded and one training: axe finds no violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { button, openLab, step } from './labs-support';

test('the labs page has no axe violations once the labs have drawn', async ({ page }) => {
  const dense = await openLab(page, 'dense');
  await button(dense, 'Treinar').click();
  await expect.poll(() => step(dense)).toBeGreaterThan(0);
  await button(dense, 'Pausar').click();
  // Bring every lab into view so each one loads and draws.
  for (const root of await page.locator('[data-lab-root]').all()) {
    await root.scrollIntoViewIfNeeded();
    const lab = await root.getAttribute('data-lab');
    if (lab !== null) await expect(root).toHaveAttribute('data-lab-ready', '', { timeout: 30_000 });
  }
  const results = await new AxeBuilder({ page }).include('[data-lab-root]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});
