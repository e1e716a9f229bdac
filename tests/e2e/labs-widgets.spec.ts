// The labs' reader-facing widgets: drawing a digit, the LEGO composer's shape errors, the kernel and
// tensor explorers, and the phone-width layout.
import { readFileSync } from 'node:fs';
import { expect, test, type Download } from '@playwright/test';
import { LABS_PATH, button, openLab, step } from './labs-support';

test('a drawn digit gets ten probabilities that sum to 1', async ({ page }) => {
  const lab = await openLab(page, 'conv2d');
  // A few steps first, so the model is not a blank guess (the pad works either way).
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab), { timeout: 30_000 }).toBeGreaterThan(20);
  await button(lab, 'Pausar').click();

  const pad = lab.getByRole('img', { name: 'Tela de 28×28 pixels para desenhar um dígito' });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (box === null) throw new Error('pad not visible');
  // A "1": one vertical stroke down the middle.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8, { steps: 8 });
  await page.mouse.up();

  const probs = lab.locator('[data-conv2d-probs]');
  await expect(probs).toHaveAttribute('data-probabilities', /.+/);
  const values = JSON.parse((await probs.getAttribute('data-probabilities')) ?? '[]') as number[];
  expect(values).toHaveLength(10);
  for (const p of values) expect(p).toBeGreaterThanOrEqual(0);
  expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  await expect(lab.getByText(/O modelo acha que é \d/)).toBeVisible();
});

test('the LEGO composer names both shapes when Dense follows Conv2D without Flatten', async ({
  page,
}) => {
  await page.goto(LABS_PATH);
  const lego = page.locator('[data-lab-root="lego"]');
  await lego.scrollIntoViewIfNeeded();
  await lego
    .getByLabel('Modelo de partida')
    .selectOption({ label: 'Densa logo após Conv2D (sem Flatten)' });
  const alert = lego.getByRole('alert');
  await expect(alert).toContainText('dense_1');
  await expect(alert).toContainText('(amostras, 26, 26, 8)');
  await expect(alert).toContainText('(amostras, 5408)');
  await expect(alert).toContainText('Flatten');
  // Putting a Flatten in between fixes it.
  await lego.getByLabel('Peça').selectOption('flatten');
  await lego.getByRole('button', { name: 'Adicionar camada' }).click();
  await lego.getByRole('button', { name: 'Subir flatten_1' }).click();
  await expect(alert).toBeHidden();
  await expect(lego.getByRole('status')).toContainText('(amostras, 10)');
});

test('moving a LEGO piece to the top or bottom by keyboard keeps focus on that piece', async ({
  page,
}) => {
  await page.goto(LABS_PATH);
  const lego = page.locator('[data-lab-root="lego"]');
  await lego.scrollIntoViewIfNeeded();
  await lego.getByLabel('Peça').selectOption('dropout');
  await lego.getByRole('button', { name: 'Adicionar camada' }).click();
  const up = lego.getByRole('button', { name: 'Subir dropout_1' });
  await up.focus();
  // Up to the top, one Enter at a time: at the top, focus moves to the piece's other arrow.
  for (let i = 0; i < 20 && !(await up.isDisabled()); i++) await page.keyboard.press('Enter');
  await expect(up).toBeDisabled();
  await expect(lego.getByRole('button', { name: 'Descer dropout_1' })).toBeFocused();
  // And back down to the bottom: focus ends on its Subir.
  const down = lego.getByRole('button', { name: 'Descer dropout_1' });
  for (let i = 0; i < 20 && !(await down.isDisabled()); i++) await page.keyboard.press('Enter');
  await expect(down).toBeDisabled();
  await expect(up).toBeFocused();
});

test('the kernel explorer recomputes the output shape for stride and padding', async ({ page }) => {
  await page.goto(LABS_PATH);
  const kernel = page.locator('[data-lab-root="kernel"]');
  await kernel.scrollIntoViewIfNeeded();
  await expect(kernel).toContainText('saída (5, 5)');
  await kernel.getByLabel('Passo (stride)').selectOption('2');
  await expect(kernel).toContainText('saída (3, 3)');
  await kernel.getByLabel('Preenchimento (padding)').selectOption('same');
  await expect(kernel).toContainText('saída (4, 4)');
});

test('the tensor explorer names every axis of a rank-4 tensor', async ({ page }) => {
  await page.goto(LABS_PATH);
  const explorer = page.locator('[data-lab-root="tensor"]');
  await explorer.scrollIntoViewIfNeeded();
  await explorer.getByLabel('Exemplo').selectOption('images');
  await expect(explorer).toContainText('Posto (número de eixos): 4');
  for (const axis of ['amostras', 'altura', 'largura', 'canais']) {
    await expect(explorer.getByRole('listitem').filter({ hasText: axis })).toBeVisible();
  }
});

test('labs fit a phone-width screen @phone', async ({ page }) => {
  const lab = await openLab(page, 'dense');
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab)).toBeGreaterThan(0);
  for (const kind of ['dense', 'conv2d', 'lstm']) {
    await page.locator(`[data-lab="${kind}"]`).scrollIntoViewIfNeeded();
  }
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('Baixar modelo (tfjs) downloads model.json and the weights file it points at', async ({
  page,
}) => {
  const lab = await openLab(page, 'dense');
  await button(lab, 'Uma iteração').click();
  await expect(lab).toHaveAttribute('data-step', '1');
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await button(lab, 'Baixar modelo (tfjs)').click();
  await expect.poll(() => downloads.length).toBe(2);
  const [json, bin] = downloads;
  expect(json?.suggestedFilename()).toBe('anatomia-densa.json');
  expect(bin?.suggestedFilename()).toBe('anatomia-densa.weights.bin');
  const model = JSON.parse(readFileSync((await json?.path()) ?? '', 'utf8')) as {
    format: string;
    weightsManifest: { paths: string[]; weights: { name: string; shape: number[] }[] }[];
  };
  expect(model.format).toBe('layers-model');
  expect(model.weightsManifest[0]?.paths).toEqual(['./anatomia-densa.weights.bin']);
  // 2→4→2→2: three kernels and three biases, in the bin's byte order.
  expect(model.weightsManifest[0]?.weights.map((w) => w.shape)).toEqual([
    [2, 4],
    [4],
    [4, 2],
    [2],
    [2, 2],
    [2],
  ]);
});

test('clicked points add to the Dense lab’s data, and from empty, one class at a time', async ({
  page,
}) => {
  const lab = await openLab(page, 'dense');
  const chart = lab.locator('[data-dense-boundary] svg[aria-label]').last();
  /**
   * Clicks at a fraction of the chart's size (the plot area sits inside its margins). A redraw can
   * replace the chart between measuring and clicking, so the pair is retried until it lands.
   */
  const clickAt = async (fx: number, fy: number): Promise<void> => {
    await expect(async () => {
      const box = await chart.boundingBox();
      if (box === null) throw new Error('boundary not on screen');
      await chart.click({ position: { x: box.width * fx, y: box.height * fy }, timeout: 2000 });
    }).toPass();
  };
  // A click on a preset adds to the points on screen (its 250 training points), TF Playground's way.
  await clickAt(0.3, 0.3);
  const status = lab.getByRole('status').first();
  await expect(status).toContainText('Ponto da classe 0');
  await expect(status).toContainText('Total: 251');
  await expect(lab.getByLabel('Conjunto de dados')).toHaveValue('custom');
  await expect(chart).toHaveAttribute('aria-description', /251 pontos de dados/);
  // From an empty set, one class at a time: the message keeps up with the count.
  await button(lab, 'Limpar meus pontos').click();
  const alert = lab.locator('[data-lab-error]');
  await expect(alert).toContainText('há 0 ponto(s)');
  await clickAt(0.3, 0.3);
  await expect(alert).toContainText('há 1 ponto(s)');
  await clickAt(0.35, 0.25);
  await expect(alert).toContainText('há 2 ponto(s)');
  await expect(status).toContainText('Total: 2');
  await lab.getByRole('radio', { name: 'classe 1' }).check();
  await clickAt(0.7, 0.7);
  await expect(alert).toBeHidden();
  await clickAt(0.65, 0.75);
  await expect(lab.getByLabel('Conjunto de dados')).toHaveValue('custom');
  await expect(chart).toHaveAttribute('aria-description', /4 pontos de dados/);
  await expect(lab).toHaveAttribute('data-state', 'idle');
  await button(lab, 'Treinar').click();
  await expect.poll(() => step(lab)).toBeGreaterThan(0);
});

test('the sequence lab says when “Minha sequência” is not in use, and typing in it puts it in use', async ({
  page,
}) => {
  await page.goto('sequencias/');
  const lab = page.locator('[data-lab-root="lstm"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-lab-mounted', '');
  const task = lab.locator('select[name="task"]');
  const series = lab.locator('textarea[name="series"]');
  const note = lab.locator('[data-series-unused]');
  await expect(task).toHaveValue('sine');
  await expect(note).toBeVisible();
  await expect(note).toContainText('Fora de uso com o seno');
  await expect(series).toHaveAttribute('data-unused', '');
  await expect(series).toHaveAccessibleDescription(/Fora de uso/);

  await series.press('End');
  await series.pressSequentially('; 0,5');
  await expect(task).toHaveValue('custom');
  await expect(note).toBeHidden();
  await expect(series).not.toHaveAttribute('data-unused', '');

  await task.selectOption('sine');
  await expect(note).toBeVisible();
  await expect(series).toHaveAttribute('data-unused', '');
});
