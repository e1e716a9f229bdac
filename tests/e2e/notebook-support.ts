// Helpers shared by the notebook specs, on tests/pages/notebook.astro, test build (cells: 0
// declares base, 1 reads it, 2 a tensor, 3 `1 + 1`, 4 a scratch cell, 5 a model, 6 live training,
// 7 tf.memory().numTensors, 8 an image, a chart and a weight heatmap).
import { expect, type Locator, type Page } from '@playwright/test';

export const PATH = 'testes/notebook/';

export function cell(page: Page, index: number): Locator {
  return page.locator('[data-cell]').nth(index);
}

/** Clicks Executar and waits for that run to finish (data-run-count counts finished runs). */
export async function run(target: Locator): Promise<void> {
  const before = Number((await target.getAttribute('data-run-count')) ?? '0');
  await target.getByRole('button', { name: 'Executar' }).click();
  await expect(target).toHaveAttribute('data-run-count', String(before + 1), { timeout: 30_000 });
}

/** Opens the cell's editor and replaces its code, as a reader typing would. */
export async function setCode(page: Page, target: Locator, code: string): Promise<void> {
  await target.locator('[data-cell-source]').click();
  const editor = target.locator('.cm-content');
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
  await expect(editor).toContainText(code.split('\n')[0] ?? '');
}

export function output(target: Locator): Locator {
  return target.locator('[data-cell-output]');
}
