// One run per cell at a time: a running cell ignores Executar until its run ends (Parar is the way
// out), so a second run can never write into the same output or be marked done by the first.
import { expect, test } from '@playwright/test';
import { PATH, cell, output, setCode } from './notebook-support';

test.beforeEach(async ({ page }) => {
  await page.goto(PATH);
});

test('Executar on a running cell is ignored: one run, one output, done when it ends', async ({
  page,
}) => {
  const scratch = cell(page, 4);
  await setCode(
    page,
    scratch,
    'await new Promise((r) => setTimeout(r, 800))\nconsole.log("fim")\n"pronto"',
  );
  const executar = scratch.getByRole('button', { name: 'Executar' });
  await executar.click();
  await expect(scratch).toHaveAttribute('data-state', 'running');
  await expect(executar).toBeDisabled();
  await expect(scratch.getByRole('button', { name: 'Parar' })).toBeEnabled();
  // A second Executar while it runs: a click that bypasses the disabled state, and the keyboard.
  await executar.dispatchEvent('click');
  await scratch.locator('.cm-content').press('ControlOrMeta+Enter');
  await expect(scratch).toHaveAttribute('data-run-count', '1');
  await expect(scratch).toHaveAttribute('data-state', 'ok');
  await expect(page.locator('[data-kernel-status]')).toHaveText(/livre/);
  await expect(scratch).toHaveAttribute('data-run-count', '1');
  await expect(output(scratch).getByText('fim')).toHaveCount(1);
  await expect(executar).toBeEnabled();
  await expect(scratch.getByRole('button', { name: 'Parar' })).toBeDisabled();
});
