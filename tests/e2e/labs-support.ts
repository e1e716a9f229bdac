// Shared steps of the labs' specs, on the test page tests/pages/laboratorios.astro (test build). Every wait
// is on a condition (an attribute, a download), never on time.
import { expect, type Locator, type Page } from '@playwright/test';

export const LABS_PATH = 'testes/laboratorios/';

export async function openLab(page: Page, kind: string): Promise<Locator> {
  await page.goto(LABS_PATH);
  const lab = page.locator(`[data-lab="${kind}"]`);
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-lab-ready', '', { timeout: 30_000 });
  // Views draw only while on screen: open what the lab folds away (as a reader would) and bring
  // the first weight view into sight. The lab is ready when its untrained weights are drawn.
  for (const fold of await lab.locator('details.lab-fold:not([open]) > summary').all()) {
    await fold.click();
  }
  const weights = lab.locator('[data-weights]').first();
  await weights.scrollIntoViewIfNeeded();
  await expect(weights).not.toHaveAttribute('data-version', '0');
  return lab;
}

export async function step(lab: Locator): Promise<number> {
  return Number(await lab.getAttribute('data-step'));
}

export async function loss(lab: Locator): Promise<number> {
  const text = await lab.getAttribute('data-loss');
  return text === null || text === '' ? NaN : Number(text);
}

export async function version(view: Locator): Promise<number> {
  return Number(await view.getAttribute('data-version'));
}

export function button(lab: Locator, name: string): Locator {
  return lab.getByRole('button', { name, exact: true });
}

/**
 * A round trip through the lab's worker: the weights download is answered only after everything
 * the worker was asked before it, so any snapshot of a pause has been sent by then.
 */
export async function syncWithWorker(page: Page, lab: Locator): Promise<void> {
  const download = page.waitForEvent('download');
  await button(lab, 'Baixar pesos (JSON)').click();
  await download;
}

/** The contract every training lab keeps (docs/contract.md): start, learn, redraw, pause, reset. */
export async function checkTrainingContract(page: Page, kind: string): Promise<void> {
  const lab = await openLab(page, kind);
  await expect(lab).toHaveAttribute('data-state', 'idle');
  expect(await step(lab)).toBe(0);
  const weights = lab.locator('[data-weights]').first();
  const before = await weights.screenshot();
  const startVersion = await version(weights);

  await button(lab, 'Treinar').click();
  await expect(lab).toHaveAttribute('data-state', 'training');
  // Watch the weights (views out of sight do not redraw; Treinar may have scrolled them away).
  await weights.scrollIntoViewIfNeeded();
  await expect.poll(() => step(lab), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => loss(lab)).not.toBeNaN();
  const firstLoss = await loss(lab);

  // Loss falls over the run; the weight views redraw and their pixels change.
  await expect.poll(() => loss(lab), { timeout: 45_000 }).toBeLessThan(firstLoss * 0.9);
  await expect.poll(() => version(weights)).toBeGreaterThan(startVersion + 1);
  const after = await weights.screenshot();
  expect(after.equals(before)).toBe(false);

  // Pausar holds the step count.
  await button(lab, 'Pausar').click();
  await expect(lab).toHaveAttribute('data-state', 'paused');
  await syncWithWorker(page, lab);
  const held = await step(lab);
  await syncWithWorker(page, lab);
  expect(await step(lab)).toBe(held);
  await expect(lab).toHaveAttribute('data-state', 'paused');

  // Reiniciar returns to step 0 with fresh, untrained weights.
  await button(lab, 'Reiniciar').click();
  await expect(lab).toHaveAttribute('data-step', '0');
  await expect(lab).toHaveAttribute('data-state', 'idle');
}

/**
 * Pausar if the lab is still training. A run can end on its own (its last iteração, a divergence)
 * between reading the state and clicking, which disables Pausar; so the check and the click are
 * one step in the page.
 */
export async function pauseIfTraining(lab: Locator): Promise<void> {
  await lab.evaluate((root) => {
    const pause = root.querySelector<HTMLButtonElement>('button[data-action="pause"]');
    if (root.getAttribute('data-state') === 'training' && pause && !pause.disabled) pause.click();
  });
  await expect(lab).not.toHaveAttribute('data-state', 'training');
}
