// One printed-value convention (docs/contract.md, "Printed values"): what code prints is code
// (decimal point, [4, 3]); lab UI text is pt-BR, and the kernel explorer's fields read like its grid.
import { expect, test } from '@playwright/test';
import { output, run, setCode } from './notebook-support';

test('a cell prints lists as code, and a long list of numbers fills lines instead of one per line', async ({
  page,
}) => {
  await page.goto('gradiente-descendente/');
  const cells = page.locator('[data-cell]');
  const codes = await cells.evaluateAll((roots) =>
    roots.map((r) => (r as HTMLElement).dataset['code'] ?? ''),
  );
  const at = codes.findIndex((code) => code.includes('const caminhos'));
  expect(at).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < at; i++) await run(cells.nth(i));
  const target = cells.nth(at);
  // The lesson's "Experimente" 1: two more paths of 30 iterations each.
  const code = (codes[at] ?? '').replace(
    "'η = 0,33': desce(0.33, 10),",
    "'η = 0,33': desce(0.33, 10),\n  'η = 0,3': desce(0.3, 30),\n  'η = 0,32': desce(0.32, 30),",
  );
  expect(code).toContain('desce(0.32, 30)');
  await setCode(page, target, code);
  await run(target);
  const text = (await output(target).locator('pre').textContent()) ?? '';
  expect(text).toContain('"η = 0,05": [');
  expect(text).toContain('[0, 0.632, 1.063, ');
  // The keys are the lesson's own strings ("η = 0,05"); the values are code.
  expect(text).not.toContain(';');
  // 10 + 10 + 10 + 30 + 30 values: a few lines per path, not 95 lines.
  expect(text.split('\n').length).toBeLessThan(25);

  await setCode(page, target, 'tf.zeros([4, 3]).shape');
  await run(target);
  await expect(output(target)).toHaveText('[4, 3]');
});

test('the kernel explorer’s fields show the grid’s numbers and take a comma or a point', async ({
  page,
}) => {
  await page.goto('imagens-conv2d/');
  const lab = page.locator('[data-lab-root="kernel"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-lab-mounted', /.*/);
  await lab.locator('select[data-kernel-preset]').selectOption({ label: 'Desfoque' });
  const first = lab.getByRole('textbox', { name: 'peso na linha 0, coluna 0' });
  await expect(first).toHaveValue('0,111');
  const grid = lab.getByRole('img', { name: 'Pesos do filtro 3×3' });
  await expect(grid.locator('text').first()).toHaveText('0,111');

  await first.fill('0.5');
  await expect(first).not.toHaveAttribute('aria-invalid', 'true');
  await expect(grid.locator('text').first()).toHaveText('0,5');
  await first.fill('-1,25');
  await expect(grid.locator('text').first()).toHaveText('-1,25');
  await first.fill('1,2,3');
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  await expect(lab.locator('[data-kernel-error]')).toContainText('1,2,3');
});
