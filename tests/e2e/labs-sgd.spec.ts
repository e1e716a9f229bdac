// The SGD lab (lesson 5) with every value its controls can produce: each Momento, each Tamanho do
// lote and several learning rates train (steps rise, the loss stays finite, no error); nonsense in
// the learning-rate field is refused in pt-BR, quoting what was typed, and the lab trains again
// once the field is put right. On the labs test page; every wait is on a condition.
import { expect, test, type Locator } from '@playwright/test';
import {
  button,
  loss,
  openLab,
  pauseIfTraining,
  step,
  syncWithWorker,
  version,
} from './labs-support';

// Hundreds of SGD steps on a busy 2-core machine can take close to a minute.
test.describe.configure({ timeout: 120_000 });

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
  await pauseIfTraining(lab);
  await expect(lab, what).not.toHaveAttribute('data-state', 'training');
}

// Each value on its own is walked by labs-controls.spec.ts; here the pairs that broke together
// (one MomentumOptimizer stepping two models): momentum with the smallest and the whole batch.
test('sgd lab: momentum trains with the smallest and with the whole batch', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await openLab(page, 'sgd');
  await fullSpeed(lab);
  for (const momentum of MOMENTA.filter((m) => m !== '0')) {
    await lab.getByLabel('Momento').selectOption({ label: momentum });
    for (const batch of [BATCHES[0], BATCHES.at(-1)] as string[]) {
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

test('sgd lab: Treinar pressed while a Uma iteração step is in flight keeps training', async ({
  page,
}) => {
  const lab = await openLab(page, 'sgd');
  await fullSpeed(lab);
  // Both clicks in one task: the step's reply cannot be back from the worker before Treinar.
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
  // A step (Uma iteração) in flight, Treinar (the loop picks up after that step), then Reiniciar: the step's
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

test('sgd lab: Uma iteração, Reiniciar, then Treinar while that iteration is in flight trains', async ({
  page,
}) => {
  const lab = await openLab(page, 'sgd');
  // The step's reply comes back for a path Reiniciar dropped; the loop Treinar asked for must
  // start all the same.
  await lab.evaluate((root) => {
    for (const action of ['step', 'reset', 'train'])
      root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)?.click();
  });
  await expect(lab).toHaveAttribute('data-state', 'training');
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
  await button(lab, 'Uma iteração').click();
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

test('sgd lab: at full speed a run goes on for hundreds of steps before it is done', async ({
  page,
}) => {
  const lab = await openLab(page, 'sgd');
  await fullSpeed(lab);
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab), { timeout: 45_000 }).toBeGreaterThan(450);
  await expect(lab).toHaveAttribute('data-state', 'training');
});

test.describe('on a screen tall enough to show the whole lab', () => {
  // Views draw only while on screen; this one counts the redraws of all six at once.
  test.use({ viewport: { width: 1280, height: 1600 } });

  test('sgd lab: its views redraw in place, built once and repainted step after step', async ({
    page,
  }) => {
    const lab = await openLab(page, 'sgd');
    await lab.evaluate((root) => root.scrollIntoView({ block: 'start' }));
    const slots = ['landscape', 'curve', 'w', 'grad', 'delta', 'next'];
    for (const name of slots) await expect(lab.locator(`[data-sgd-${name}]`)).toBeInViewport();
    await button(lab, 'Treinar').click();
    await expect.poll(() => step(lab), { timeout: 20_000 }).toBeGreaterThan(3);
    // From now on, count how often each view's figure is replaced (its shadow root's children).
    await lab.evaluate((root, names) => {
      const replaced: Record<string, number> = {};
      for (const name of names) {
        replaced[name] = 0;
        const shadow = root.querySelector(`[data-sgd-${name}]`)?.shadowRoot;
        if (!shadow) throw new Error(`no view ${name}`);
        new MutationObserver(() => (replaced[name] = (replaced[name] ?? 0) + 1)).observe(shadow, {
          childList: true,
        });
      }
      (root as HTMLElement & { replaced?: Record<string, number> }).replaced = replaced;
    }, slots);
    const weights = lab.locator('[data-weights]');
    const versions = async () => Promise.all((await weights.all()).map(version));
    const from = await versions();
    const fromStep = await step(lab);
    // Long enough for every view to redraw many times (the lab starts at 30 steps a second).
    await expect.poll(() => step(lab), { timeout: 30_000 }).toBeGreaterThan(fromStep + 40);
    const to = await versions();
    to.forEach((v, i) => expect(v).toBeGreaterThan((from[i] as number) + 20));
    const replaced = await lab.evaluate(
      (root) => (root as HTMLElement & { replaced?: Record<string, number> }).replaced ?? {},
    );
    // The landscape's contours are drawn once; the rest rebuild only for a new scale (a 1-2-5 step).
    expect(replaced['landscape']).toBe(0);
    for (const name of slots.slice(1)) expect(replaced[name], name).toBeLessThanOrEqual(6);
    // The frame loop is on the root for the benchmark, one key per view.
    const keys = await lab.evaluate((root) => {
      const frames = (root as HTMLElement & { labFrames?: { counts: Map<string, number> } })
        .labFrames;
      return frames ? [...frames.counts.keys()].sort() : [];
    });
    expect(keys).toEqual(
      ['curve', 'w:delta', 'w:dense_2/kernel', 'w:grad', 'w:new', 'w:w1,w2'].sort(),
    );
  });
});
