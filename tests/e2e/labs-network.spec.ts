// The Dense lab's network view on the labs test page (docs/contract.md: `[data-network]` is a
// weight view, its values show in role="tooltip"): one node per unit, a tooltip that follows
// training, one tab stop with arrow keys, a version that grows while training, no axe violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { button, openLab, step, version } from './labs-support';

function nodes(view: Locator, column: number): Locator {
  return view.locator(`[data-node][data-layer="${column}"]`);
}

async function expectColumns(view: Locator, sizes: number[]): Promise<void> {
  for (const [column, units] of sizes.entries()) {
    await expect(nodes(view, column)).toHaveCount(units);
  }
  await expect(nodes(view, sizes.length)).toHaveCount(0);
  let edges = 0;
  for (let k = 1; k < sizes.length; k++) edges += (sizes[k - 1] ?? 0) * (sizes[k] ?? 0);
  await expect(view.locator('[data-edge]')).toHaveCount(edges);
}

/** Whether keyboard focus is inside the network view (its items live in a shadow root). */
function focusInView(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.hasAttribute('data-network') ?? false);
}

/** From the control just before the view, Tab until focus lands in it (a handful of presses). */
async function tabIntoView(page: Page, lab: Locator): Promise<void> {
  await lab.getByRole('button', { name: 'Limpar meus pontos' }).focus();
  for (let i = 0; i < 8 && !(await focusInView(page)); i++) await page.keyboard.press('Tab');
  expect(await focusInView(page)).toBe(true);
}

test('the network view has one node per unit of every layer, and follows the hidden layers field', async ({
  page,
}) => {
  const lab = await openLab(page, 'dense');
  const view = lab.locator('[data-network]');
  await expect(view).toHaveAttribute('data-weights', 'network');
  await expect(view).toHaveAttribute('aria-label', /Rede do modelo/);
  // Default: 2 inputs → 4 → 2 → 2 softmax outputs.
  await expectColumns(view, [2, 4, 2, 2]);
  await expect(
    lab.getByText('Rede com 2 entradas e 2 saídas; camadas ocultas de 4 e 2 neurônios'),
  ).toBeVisible();

  const hidden = lab.getByLabel('Unidades das camadas ocultas');
  await hidden.fill('3, 3');
  await hidden.press('Tab');
  await expectColumns(view, [2, 3, 3, 2]);
  await expect(lab.getByText('camadas ocultas de 3 e 3 neurônios')).toBeVisible();

  await hidden.fill('5');
  await hidden.press('Tab');
  await expectColumns(view, [2, 5, 2]);
  await expect(lab.getByText('uma camada oculta de 5 neurônios')).toBeVisible();
});

test('the view is one tab stop: arrows move between nodes and edges, the tooltip names each, Esc hides it', async ({
  page,
}) => {
  const lab = await openLab(page, 'dense');
  const view = lab.locator('[data-network]');
  const tooltip = view.getByRole('tooltip');
  await tabIntoView(page, lab);
  await expect(view.locator('[tabindex="0"]')).toHaveCount(1);
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('entrada x₁');

  const focused = view.locator(':focus');
  const tooltipId = await tooltip.getAttribute('id');
  await expect(focused).toHaveAttribute('aria-describedby', tooltipId ?? '');

  await page.keyboard.press('ArrowDown');
  await expect(tooltip).toContainText('entrada x₂');
  await page.keyboard.press('ArrowRight'); // the first edge leaving x₂
  await expect(tooltip).toContainText('peso dense_1[2 → 1] =');
  await expect(tooltip).toContainText('liga a entrada x₂ ao neurônio 1 de dense_1');
  await page.keyboard.press('ArrowDown');
  await expect(tooltip).toContainText('peso dense_1[2 → 2] =');
  await page.keyboard.press('ArrowRight'); // the neuron that edge enters
  await expect(tooltip).toContainText('camada dense_1, neurônio 2 · viés');
  await expect(focused).toHaveAttribute('aria-label', 'camada dense_1, neurônio 2');
  await expect(focused).toHaveAttribute('aria-describedby', tooltipId ?? '');
  // Still a single tab stop, now on the focused item.
  await expect(view.locator('[tabindex="0"]')).toHaveCount(1);
  await expect(view.locator('[tabindex="0"]')).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  await page.keyboard.press('End');
  await expect(tooltip).toContainText('camada dense_1, neurônio 4');

  // Tab leaves the view (one tab stop), Shift+Tab comes back to the item last focused.
  await page.keyboard.press('Tab');
  expect(await focusInView(page)).toBe(false);
  await expect(tooltip).toBeHidden();
  await page.keyboard.press('Shift+Tab');
  expect(await focusInView(page)).toBe(true);
  await expect(tooltip).toContainText('camada dense_1, neurônio 4');
});

test('the tooltip shows the exact value and updates it live while training', async ({ page }) => {
  const lab = await openLab(page, 'dense');
  const view = lab.locator('[data-network]');
  const tooltip = view.getByRole('tooltip');
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab)).toBeGreaterThan(0);
  await tabIntoView(page, lab);
  await page.keyboard.press('ArrowRight');
  // pt-BR: decimal comma, four decimals, a true minus sign.
  await expect(tooltip).toHaveText(/^peso dense_1\[1 → 1\] = −?\d+,\d{4} · /);
  const first = await tooltip.textContent();
  await expect.poll(() => tooltip.textContent(), { timeout: 30_000 }).not.toBe(first);

  // A neuron's bias follows training too.
  await page.keyboard.press('ArrowRight');
  await expect(tooltip).toHaveText(/^camada dense_1, neurônio 1 · viés −?\d+,\d{4} · saída de /);
  const bias = await tooltip.textContent();
  await expect.poll(() => tooltip.textContent(), { timeout: 30_000 }).not.toBe(bias);
});

test('hovering a neuron shows its tooltip; leaving hides it', async ({ page }) => {
  const lab = await openLab(page, 'dense');
  const view = lab.locator('[data-network]');
  const tooltip = view.getByRole('tooltip');
  await nodes(view, 3).nth(1).hover();
  await expect(tooltip).toContainText('camada dense_3 (saída), neurônio da classe 1');
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
});

test('data-version increases while training', async ({ page }) => {
  const lab = await openLab(page, 'dense');
  const view = lab.locator('[data-network]');
  await expect.poll(() => version(view)).toBeGreaterThan(0);
  const before = await version(view);
  const pixels = await view.screenshot();
  await button(lab, 'Treinar').click();
  await expect.poll(() => version(view), { timeout: 30_000 }).toBeGreaterThan(before + 2);
  await expect.poll(async () => (await view.screenshot()).equals(pixels)).toBe(false);
});

test('the network view has no axe violations, with its tooltip open @phone', async ({ page }) => {
  const lab = await openLab(page, 'dense');
  await button(lab, 'Uma iteração').click();
  await expect(lab).toHaveAttribute('data-step', '1');
  await tabIntoView(page, lab);
  await page.keyboard.press('ArrowRight');
  await expect(lab.locator('[data-network]').getByRole('tooltip')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-dense-network]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test('on a phone the view fits the width: no horizontal scrolling @phone', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 915 });
  const lab = await openLab(page, 'dense');
  const view = lab.locator('[data-network]');
  await view.scrollIntoViewIfNeeded();
  const box = await view.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(412);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
