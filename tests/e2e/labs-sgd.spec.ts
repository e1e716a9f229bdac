// The SGD lab (lesson 5) with every value its controls can produce: each Momento, each Tamanho do
// lote and several learning rates train (steps rise, the loss stays finite, no error); nonsense in
// the learning-rate field is refused in pt-BR, quoting what was typed, and the lab trains again
// once the field is put right. On the labs test page; every wait is on a condition.
import { expect, test, type Locator } from '@playwright/test';
import { button, loss, openLab, step, syncWithWorker } from './labs-support';

const MOMENTA = ['0', '0,5', '0,9'];
const BATCHES = ['1', '4', '16', 'lote inteiro (64)'];
const RATES = ['0,01', '0,05', '0,2'];

async function fullSpeed(lab: Locator): Promise<void> {
  const slider = lab.getByRole('slider', { name: 'Velocidade', exact: true });
  await slider.focus();
  await slider.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', 'máxima');
}

/** Treinar from step 0 with the controls as they are: steps rise, the loss stays finite. */
async function trainsCleanly(lab: Locator, what: string): Promise<void> {
  await button(lab, 'Reiniciar').click();
  await expect(lab).toHaveAttribute('data-step', '0');
  await expect(lab).toHaveAttribute('data-state', 'idle');
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab), { timeout: 20_000, message: what }).toBeGreaterThan(10);
  expect(Number.isFinite(await loss(lab)), what).toBe(true);
  await expect(lab, what).not.toHaveAttribute('data-state', 'error');
  await expect(lab.getByRole('alert'), what).toBeHidden();
  await expect(lab, what).not.toContainText('Erro inesperado');
  if ((await lab.getAttribute('data-state')) === 'training') await button(lab, 'Pausar').click();
  await expect(lab, what).not.toHaveAttribute('data-state', 'training');
}

test('sgd lab: every Momento and every Tamanho do lote train', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await openLab(page, 'sgd');
  await fullSpeed(lab);
  for (const momentum of MOMENTA) {
    await lab.getByLabel('Momento').selectOption({ label: momentum });
    for (const batch of BATCHES) {
      await lab.getByLabel('Tamanho do lote').selectOption({ label: batch });
      await trainsCleanly(lab, `momento ${momentum}, lote ${batch}`);
    }
  }
});

test('sgd lab: several learning rates train, with and without momentum', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLab(page, 'sgd');
  await fullSpeed(lab);
  const rate = lab.getByLabel('Taxa de aprendizado (η)');
  for (const momentum of ['0', '0,9']) {
    await lab.getByLabel('Momento').selectOption({ label: momentum });
    for (const value of RATES) {
      await rate.fill(value);
      await trainsCleanly(lab, `η ${value}, momento ${momentum}`);
    }
  }
});

test('sgd lab: nonsense learning rates are refused in pt-BR, quoting what was typed', async ({
  page,
}) => {
  const lab = await openLab(page, 'sgd');
  await fullSpeed(lab);
  const rate = lab.getByLabel('Taxa de aprendizado (η)');
  const alert = lab.getByRole('alert');
  for (const typed of ['abc', '-0,1', '1000000', '']) {
    await rate.fill(typed);
    await rate.press('Tab');
    await expect(alert).toContainText(`“${typed}”`);
    await expect(alert).toContainText('Taxa de aprendizado');
    await expect(rate).toHaveAttribute('aria-invalid', 'true');
    // Treinar refuses it too: no step is taken, and the lab does not claim to be training.
    await button(lab, 'Treinar').click();
    await expect(alert).toContainText(`“${typed}”`);
    await expect(lab).not.toHaveAttribute('data-state', 'training');
    expect(await step(lab)).toBe(0);
    await expect(lab).not.toContainText('Erro inesperado');
  }
  // Put right, the field is accepted and the lab trains.
  await rate.fill('0,1');
  await rate.press('Tab');
  await expect(alert).toBeHidden();
  await expect(rate).not.toHaveAttribute('aria-invalid');
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab), { timeout: 20_000 }).toBeGreaterThan(10);
  await expect(lab).not.toHaveAttribute('data-state', 'error');
});

test('sgd lab: Treinar pressed while a Passo is in flight keeps training', async ({ page }) => {
  const lab = await openLab(page, 'sgd');
  await fullSpeed(lab);
  // Both clicks in one task: the Passo's reply cannot be back from the worker before Treinar.
  await lab.evaluate((root) => {
    root.querySelector<HTMLButtonElement>('button[data-action="step"]')?.click();
    root.querySelector<HTMLButtonElement>('button[data-action="train"]')?.click();
  });
  await expect(lab).toHaveAttribute('data-state', 'training');
  await expect.poll(() => step(lab), { timeout: 20_000 }).toBeGreaterThan(10);
  await button(lab, 'Pausar').click();
  await expect(lab).toHaveAttribute('data-state', 'paused');
});

test('sgd lab: Reiniciar while a step is in flight comes back to step 0 and stays there', async ({
  page,
}) => {
  const lab = await openLab(page, 'sgd');
  await fullSpeed(lab);
  // Passo in flight, Treinar (the loop picks up after that step), then Reiniciar: the step's
  // reply and any step the loop would take after it must not move the restarted lab.
  await lab.evaluate((root) => {
    for (const action of ['step', 'train', 'reset'])
      root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)?.click();
  });
  await expect(lab).toHaveAttribute('data-state', 'idle');
  // Every reply the worker owed has arrived after two round trips; none of them moved the lab.
  await syncWithWorker(page, lab);
  await syncWithWorker(page, lab);
  await expect(lab).toHaveAttribute('data-step', '0');
  await expect(lab).toHaveAttribute('data-state', 'idle');
  // And it trains from there.
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab), { timeout: 20_000 }).toBeGreaterThan(5);
});

test('sgd lab: a learning rate too large for the valley stops with the pt-BR divergence message', async ({
  page,
}) => {
  const lab = await openLab(page, 'sgd');
  await fullSpeed(lab);
  await lab.getByLabel('Tamanho do lote').selectOption({ label: 'lote inteiro (64)' });
  const rate = lab.getByLabel('Taxa de aprendizado (η)');
  await rate.fill('10');
  await button(lab, 'Treinar').click();
  const alert = lab.getByRole('alert');
  await expect(alert).toContainText('O treino divergiu', { timeout: 20_000 });
  await expect(alert).toContainText('taxa de aprendizado menor');
  await expect(lab).not.toContainText('Erro inesperado');
  await expect(lab).not.toHaveAttribute('data-state', 'training');
  // No step is taken from the broken weights.
  const held = await step(lab);
  await button(lab, 'Passo').click();
  await button(lab, 'Treinar').click();
  await syncWithWorker(page, lab);
  expect(await step(lab)).toBe(held);
  // Reiniciar with a smaller rate trains again.
  await rate.fill('0,1');
  await button(lab, 'Reiniciar').click();
  await expect(alert).toBeHidden();
  await expect(lab).toHaveAttribute('data-state', 'idle');
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab), { timeout: 20_000 }).toBeGreaterThan(10);
  expect(Number.isFinite(await loss(lab))).toBe(true);
});
