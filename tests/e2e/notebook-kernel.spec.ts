// A kernel that dies under a cell is a state of its own: noticed within about two seconds, said in
// pt-BR in the cell that was running, replaced by a fresh kernel, and the reader's code untouched.
import { expect, test } from '@playwright/test';
import { PATH, cell, output, run, setCode } from './notebook-support';

test.beforeEach(async ({ page }) => {
  await page.goto(PATH);
});

const deaths = [
  { name: 'self.close()', code: 'self.close()', reason: 'a célula chamou close()' },
  { name: 'close()', code: 'close()', reason: 'a célula chamou close()' },
];

for (const death of deaths) {
  test(`a cell that ends its kernel with ${death.name} is told so, and the next cell runs`, async ({
    page,
  }) => {
    await run(cell(page, 0));
    const scratch = cell(page, 4);
    const code = `console.log("antes")\n${death.code}\nawait new Promise(() => {})`;
    await setCode(page, scratch, code);
    const started = Date.now();
    await scratch.getByRole('button', { name: 'Executar' }).click();
    // A bound, not a sleep: the page must notice within a few seconds (the target is 2 s).
    await expect(scratch).toHaveAttribute('data-state', 'error', { timeout: 5_000 });
    const ms = Date.now() - started;
    test.info().annotations.push({ type: 'recovery', description: `${death.name}: ${ms} ms` });
    const error = output(scratch).locator('.nb-error');
    await expect(error.locator('.nb-error-title')).toContainText('O kernel parou');
    await expect(error.locator('.nb-error-title')).toContainText(death.reason);
    await expect(error).toContainText('Um novo kernel foi iniciado');
    await expect(page.getByRole('alert')).toContainText('O kernel parou');
    // The reader's code is where it was, still marked as their edit.
    await expect(scratch.locator('.cm-content')).toContainText(death.code);
    await expect(scratch.getByText('editado', { exact: true })).toBeVisible();
    // A fresh kernel runs the next cell; the old variables are gone, as the message says.
    await run(cell(page, 3));
    await expect(output(cell(page, 3))).toHaveText('2');
    await run(cell(page, 1));
    await expect(output(cell(page, 1))).toContainText('Nome não definido');
  });
}

test('a kernel worker that dies silently is noticed by its watchdog within ~2 s', async ({
  page,
}) => {
  // Nothing inside a worker can kill it without a word (close() is the kernel's own), so the test
  // kills it behind the page's back, as a crash would: the page gets no event at all.
  await page.addInitScript(() => {
    const Native = window.Worker;
    const made: Worker[] = [];
    Object.assign(window, { kernelWorkers: made });
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        made.push(this);
      }
    };
  });
  await page.reload();
  const scratch = cell(page, 4);
  await setCode(page, scratch, 'console.log("esperando")\nawait new Promise(() => {})');
  await scratch.getByRole('button', { name: 'Executar' }).click();
  await expect(output(scratch)).toContainText('esperando');
  // Timed in the page, from the kill to the cell's error state (Playwright's polling is coarser).
  const ms = await scratch.evaluate(
    (root) =>
      new Promise<number>((resolve) => {
        const made = (window as unknown as { kernelWorkers: Worker[] }).kernelWorkers;
        const killed = performance.now();
        new MutationObserver(() => {
          if (root.getAttribute('data-state') === 'error') resolve(performance.now() - killed);
        }).observe(root, { attributeFilter: ['data-state'] });
        made[made.length - 1]?.terminate();
      }),
  );
  test
    .info()
    .annotations.push({ type: 'recovery', description: `silent death: ${Math.round(ms)} ms` });
  expect(ms).toBeLessThan(2_000);
  await expect(output(scratch).locator('.nb-error-title')).toContainText(
    'O kernel parou (o worker deixou de responder',
  );
  await run(cell(page, 3));
  await expect(output(cell(page, 3))).toHaveText('2');
});

test('a saved edit survives its kernel’s death and a reload', async ({ page }) => {
  const scratch = cell(page, 4);
  await setCode(page, scratch, 'self.close()');
  await scratch.getByRole('button', { name: 'Executar' }).click();
  await expect(scratch).toHaveAttribute('data-state', 'error');
  await page.reload();
  await expect(scratch.locator('.cm-content')).toContainText('self.close()');
});

test('a kernel that dies between runs is replaced, and the bar says why', async ({ page }) => {
  const scratch = cell(page, 4);
  await setCode(page, scratch, 'setTimeout(() => self.close(), 50)\n"agendado"');
  await run(scratch);
  await expect(output(scratch)).toContainText('"agendado"');
  await expect(page.getByRole('alert')).toContainText('O kernel parou (a célula chamou close())');
  await run(cell(page, 3));
  await expect(output(cell(page, 3))).toHaveText('2');
});

test('a long synchronous cell is not mistaken for a dead kernel', async ({ page }) => {
  const scratch = cell(page, 4);
  // Busy for 3 s, past the watchdog's deadline: the kernel is alive, only occupied.
  await setCode(page, scratch, 'const t0 = Date.now()\nwhile (Date.now() - t0 < 3000) {}\n"vivo"');
  await run(scratch);
  await expect(scratch).toHaveAttribute('data-state', 'ok');
  await expect(output(scratch)).toHaveText('"vivo"');
  await expect(page.getByRole('alert')).toBeHidden();
});
