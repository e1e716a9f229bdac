// The training labs in a real browser (Chromium), on tests/pages/laboratorios.astro: each one
// trains for real in its worker, redraws its weights, pauses, and resets (docs/contract.md).
import { expect, test } from '@playwright/test';
import { button, checkTrainingContract, openLab, step, syncWithWorker } from './labs-support';

// Training labs on a busy 2-core machine: a lab's whole check can take more than a minute.
test.describe.configure({ timeout: 120_000 });

for (const kind of ['dense', 'sgd', 'conv2d', 'lstm', 'conv1d']) {
  test(`${kind} lab: Treinar trains, loss falls, weights redraw, Pausar holds, Reiniciar resets`, async ({
    page,
  }) => {
    await checkTrainingContract(page, kind);
  });
}

test('the Dense lab is keyboard-operable: Enter on Treinar starts, Enter on Pausar stops', async ({
  page,
}) => {
  const lab = await openLab(page, 'dense');
  await button(lab, 'Treinar').focus();
  await page.keyboard.press('Enter');
  await expect(lab).toHaveAttribute('data-state', 'training');
  await expect.poll(() => step(lab)).toBeGreaterThan(0);
  // Treinar is disabled while training, so focus moved to Pausar.
  await expect(button(lab, 'Pausar')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lab).toHaveAttribute('data-state', 'paused');
});

test('a bad units value shows a pt-BR error naming what was received', async ({ page }) => {
  const lab = await openLab(page, 'dense');
  const hidden = lab.getByLabel('Unidades das camadas ocultas');
  await hidden.fill('8, -3');
  await hidden.press('Tab');
  const alert = lab.getByRole('alert');
  await expect(alert).toContainText('“8, -3”');
  await expect(alert).toContainText('Unidades das camadas ocultas');
  await expect(lab).toHaveAttribute('data-state', 'error');
  await expect(hidden).toHaveAttribute('aria-invalid', 'true');
  // Fixing it brings the lab back.
  await hidden.fill('8');
  await hidden.press('Tab');
  await expect(lab).toHaveAttribute('data-state', 'idle');
  await expect(alert).toBeHidden();
});

test('Uma iteração runs exactly one optimizer step', async ({ page }) => {
  const lab = await openLab(page, 'dense');
  await button(lab, 'Uma iteração').click();
  await expect(lab).toHaveAttribute('data-step', '1');
  await button(lab, 'Uma iteração').click();
  await expect(lab).toHaveAttribute('data-step', '2');
});

// The status line and the counter say the same step: after each Uma iteração, and after Pausar
// when a step was still in flight (its snapshot lands after the pause).
for (const kind of ['dense', 'sgd']) {
  test(`${kind} lab: the status names the counter's iteração after Uma iteração and after Pausar`, async ({
    page,
  }) => {
    const lab = await openLab(page, kind);
    const status = lab.locator('[data-lab-status]');
    const counter = lab.locator('[data-lab-counter]');
    for (let n = 1; n <= 3; n++) {
      await button(lab, 'Uma iteração').click();
      await expect(lab).toHaveAttribute('data-step', String(n));
      await expect(status).toHaveText(`Pausado na iteração ${n}.`);
      await expect(counter).toContainText(`iteração ${n}`);
    }
    await button(lab, 'Treinar').click();
    await expect.poll(() => step(lab), { timeout: 20_000 }).toBeGreaterThan(10);
    // Every status text from the pause on; the download's round trip brings every late snapshot
    // first, then replaces the status with its own line.
    await status.evaluate((el) => {
      const seen: string[] = [];
      Object.assign(window, { statuses: seen });
      new MutationObserver(() => seen.push(el.textContent)).observe(el, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await button(lab, 'Pausar').click();
    await expect(lab).toHaveAttribute('data-state', 'paused');
    await syncWithWorker(page, lab);
    const held = await step(lab);
    const statuses = await page.evaluate(
      () => (window as unknown as { statuses: string[] }).statuses,
    );
    const paused = statuses.filter((text) => text.startsWith('Pausado'));
    expect(paused.at(-1)).toBe(`Pausado na iteração ${held}.`);
    await expect(counter).toContainText(`iteração ${held}`);
  });
}

test('a hidden tab pauses training', async ({ page }) => {
  const lab = await openLab(page, 'dense');
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab)).toBeGreaterThan(0);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(lab).toHaveAttribute('data-state', 'paused');
  await expect(lab.getByRole('status').first()).toContainText('aba ficou oculta');
});

test('arrow keys walking the Dense datasets rebuild the lab once, on the option kept', async ({
  page,
}) => {
  const lab = await openLab(page, 'dense');
  const status = lab.locator('[data-lab-status]');
  // Count how often the lab starts building a model from now on.
  await status.evaluate((el) => {
    const seen: string[] = [];
    Object.assign(window, { builds: seen });
    new MutationObserver(() => {
      if (el.textContent.startsWith('Montando')) seen.push(el.textContent);
    }).observe(el, { childList: true, characterData: true, subtree: true });
  });
  const select = lab.getByLabel('Conjunto de dados');
  await select.focus();
  for (let i = 0; i < 3; i++) await select.press('ArrowDown');
  const kept = await select.inputValue();
  expect(kept).not.toBe('circles');
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab), { timeout: 20_000 }).toBeGreaterThan(3);
  const builds = await page.evaluate(() => (window as unknown as { builds: string[] }).builds);
  expect(builds).toHaveLength(1);
  await expect(select).toHaveValue(kept);
});
