// The labs are live: every weight view's pixels change while training, views out of sight wait,
// Velocidade sets the pace from slow motion to full speed, Reiniciar comes back to the same initial
// weights and Novos pesos draws others. On the labs test page; waits are on conditions, except the
// two one-second windows the Velocidade check is about.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { button, openLab, step, version } from './labs-support';

// Training labs on a busy 2-core machine: a lab's whole check can take more than a minute.
test.describe.configure({ timeout: 120_000 });

const KINDS = ['dense', 'conv2d', 'lstm', 'conv1d', 'sgd'];

async function speed(lab: Locator, key: 'Home' | 'End'): Promise<void> {
  const slider = lab.getByRole('slider', { name: 'Velocidade', exact: true });
  await slider.focus();
  await slider.press(key);
}

/** The weights the lab would export now, as the JSON text of its download. */
async function exportedWeights(page: Page, lab: Locator): Promise<string> {
  const download = page.waitForEvent('download');
  await button(lab, 'Baixar pesos (JSON)').click();
  const path = await (await download).path();
  return readFile(path, 'utf8');
}

for (const kind of KINDS) {
  test(`${kind} lab: every weight view's pixels change while training`, async ({ page }) => {
    const lab = await openLab(page, kind);
    await speed(lab, 'End');
    const views = await lab.locator('[data-weights]').all();
    expect(views.length).toBeGreaterThan(0);
    const before: Buffer[] = [];
    for (const view of views) {
      await view.scrollIntoViewIfNeeded();
      before.push(await view.screenshot());
    }
    await button(lab, 'Treinar').click();
    await expect.poll(() => step(lab), { timeout: 30_000 }).toBeGreaterThan(5);
    for (const [i, view] of views.entries()) {
      await view.scrollIntoViewIfNeeded();
      const start = await version(view);
      await expect.poll(() => version(view), { timeout: 20_000 }).toBeGreaterThan(start + 1);
      const after = await view.screenshot();
      expect(after.equals(before[i] as Buffer), `${await view.getAttribute('data-weights')}`).toBe(
        false,
      );
    }
  });
}

test('weight views scrolled out of sight do not redraw; they catch up when seen again', async ({
  page,
}) => {
  const lab = await openLab(page, 'dense');
  const weights = lab.locator('[data-weights]').first();
  await button(lab, 'Treinar').click();
  await expect.poll(() => version(weights), { timeout: 30_000 }).toBeGreaterThan(3);
  // The lab leaves the screen (it is the page's first; the page's end is far below); training goes
  // on.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(weights).not.toBeInViewport();
  const hidden = await version(weights);
  const stepHidden = await step(lab);
  await expect.poll(() => step(lab)).toBeGreaterThan(stepHidden + 50);
  expect(await version(weights)).toBe(hidden);
  await weights.scrollIntoViewIfNeeded();
  await expect.poll(() => version(weights)).toBeGreaterThan(hidden);
});

test('Velocidade: slow motion takes a few steps a second, full speed far more', async ({
  page,
}) => {
  const lab = await openLab(page, 'dense');
  const slider = lab.getByRole('slider', { name: 'Velocidade', exact: true });
  await speed(lab, 'Home');
  await expect(slider).toHaveAttribute('aria-valuetext', '2 iterações/s');
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab), { timeout: 30_000 }).toBeGreaterThan(0);
  const slowFrom = await step(lab);
  await page.waitForTimeout(1000);
  const slow = (await step(lab)) - slowFrom;
  expect(slow).toBeGreaterThanOrEqual(1);
  expect(slow).toBeLessThanOrEqual(4);

  await speed(lab, 'End');
  await expect(slider).toHaveAttribute('aria-valuetext', 'máxima');
  await expect(lab.locator('[data-lab-speed-value]')).toHaveText('máxima');
  const fastFrom = await step(lab);
  await page.waitForTimeout(1000);
  const fast = (await step(lab)) - fastFrom;
  expect(fast).toBeGreaterThan(10 * Math.max(slow, 4));
});

for (const kind of KINDS) {
  test(`${kind} lab: Velocidade walks through every level and keeps training at each`, async ({
    page,
  }) => {
    const lab = await openLab(page, kind);
    const slider = lab.getByRole('slider', { name: 'Velocidade', exact: true });
    await speed(lab, 'Home');
    await button(lab, 'Treinar').click();
    const texts = [
      '2 iterações/s',
      '8 iterações/s',
      '30 iterações/s',
      '120 iterações/s',
      '500 iterações/s',
      'máxima',
    ];
    for (const [i, text] of texts.entries()) {
      if (i > 0) await slider.press('ArrowRight');
      await expect(slider).toHaveAttribute('aria-valuetext', text);
      const from = await step(lab);
      await expect.poll(() => step(lab), { timeout: 10_000 }).toBeGreaterThan(from);
      await expect(lab).toHaveAttribute('data-state', 'training');
    }
  });
}

for (const kind of ['dense', 'conv2d', 'lstm']) {
  test(`${kind} lab: Reiniciar gives the same initial weights twice; Novos pesos, others`, async ({
    page,
  }) => {
    const lab = await openLab(page, kind);
    const initial = await exportedWeights(page, lab);
    await button(lab, 'Treinar').click();
    await expect.poll(() => step(lab), { timeout: 30_000 }).toBeGreaterThan(3);
    await button(lab, 'Pausar').click();
    expect(await exportedWeights(page, lab)).not.toBe(initial);

    const status = lab.locator('[data-lab-status]');
    await button(lab, 'Reiniciar').click();
    await expect(status).toContainText('os mesmos pesos iniciais');
    await expect(lab).toHaveAttribute('data-step', '0');
    const first = await exportedWeights(page, lab);
    await button(lab, 'Reiniciar').click();
    await expect(status).toContainText('os mesmos pesos iniciais');
    const second = await exportedWeights(page, lab);
    expect(first).toBe(initial);
    expect(second).toBe(initial);

    await button(lab, 'Novos pesos').click();
    await expect(status).toContainText('Novos pesos iniciais');
    const fresh = await exportedWeights(page, lab);
    expect(fresh).not.toBe(initial);
    // A new initialisation trains like the first one.
    await button(lab, 'Treinar').click();
    await expect.poll(() => step(lab), { timeout: 30_000 }).toBeGreaterThan(3);
  });
}
