// Every exercise of every lesson, discovered from the built pages (exercises-catalog.ts): the
// untouched starter fails with pt-BR feedback naming what was expected and what was received, the
// reference solution passes, a prediction is checked against what the cell really prints, a number
// passes with a decimal comma and with a point; the passes survive a reload, show in the sidebar,
// and Recomeçar lição clears them. One page per lesson, one reload: this runs in CI.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { exerciseCatalog, type ExerciseInstance } from './exercises-catalog';
import { exercise, feedback, sidebarLink, spelled, squeeze, verify } from './exercises-support';

const lessons = exerciseCatalog();

test('the course has exercises to test', () => {
  expect(lessons.length).toBeGreaterThanOrEqual(2);
});

async function codigo(root: Locator): Promise<void> {
  await verify(root);
  await expect(root).toHaveAttribute('data-status', 'failed');
  await expect(feedback(root)).toContainText(/esperad/i);
  await expect(feedback(root)).toContainText(/recebid/i);
  await root.getByRole('button', { name: 'Ver solução' }).click();
  await root.getByRole('button', { name: 'Usar esta solução' }).click();
  await expect(root.locator('.cm-content')).toContainText(
    (await root.getAttribute('data-solution'))?.split('\n')[0] ?? '',
  );
  await verify(root);
  await expect(root, await feedback(root).innerText()).toHaveAttribute('data-status', 'passed');
}

async function predict(root: Locator, text: string, choices: string[]): Promise<void> {
  if (choices.length > 0) await root.getByRole('radio', { name: text, exact: true }).check();
  else await root.getByRole('textbox', { name: 'Sua previsão' }).fill(text);
  await verify(root);
}

async function previsao(root: Locator, ex: ExerciseInstance): Promise<void> {
  const answer = ex.answer ?? '';
  const wrong = ex.choices.find((c) => squeeze(c) !== squeeze(answer)) ?? 'não sei';
  await predict(root, wrong, ex.choices);
  await expect(root).toHaveAttribute('data-status', 'failed');
  const shown = root.locator('[data-cell-output]').locator(':scope > *').last();
  await expect(shown).toBeVisible();
  // The lesson's answer is what the cell really prints.
  expect(squeeze(await shown.innerText())).toBe(squeeze(answer));
  await predict(root, answer, ex.choices);
  await expect(root).toHaveAttribute('data-status', 'passed');
}

async function calculo(root: Locator, ex: ExerciseInstance): Promise<void> {
  const input = root.getByRole('textbox', { name: 'Sua resposta' });
  const answer = ex.answer ?? '';
  const attempt = async (text: string, status: 'passed' | 'failed') => {
    await input.fill(text);
    await verify(root);
    await expect(root, `${text}: ${await feedback(root).innerText()}`).toHaveAttribute(
      'data-status',
      status,
    );
  };
  // Always at least 1 away from the answer (2a + 1 was the answer itself for a = −1).
  const wrong = String(Number(answer) + 1 + Math.abs(Number(answer)));
  await attempt(wrong, 'failed');
  await expect(feedback(root)).toContainText(wrong);
  await attempt(spelled(answer, '.'), 'passed');
  await attempt(wrong.replace('.', ','), 'failed');
  await attempt(spelled(answer, ','), 'passed');
}

async function statuses(page: Page): Promise<string[]> {
  return page
    .locator('[data-exercise]')
    .evaluateAll((roots) => roots.map((r) => r.getAttribute('data-status') ?? ''));
}

for (const lesson of lessons) {
  test(`exercises of ${lesson.path}: fail, pass, persist, reset`, async ({ page }) => {
    test.setTimeout(60_000 + 30_000 * lesson.exercises.length);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(lesson.path);
    const total = lesson.exercises.length;
    const link = sidebarLink(page, lesson.path);
    await expect(link).toHaveAttribute('data-progress', `0/${total}`);
    for (const ex of lesson.exercises) {
      await test.step(`${ex.kind} ${ex.id}`, async () => {
        const root = exercise(page, ex.id);
        await root.scrollIntoViewIfNeeded();
        if (ex.kind === 'codigo') await codigo(root);
        else if (ex.kind === 'previsao') await previsao(root, ex);
        else await calculo(root, ex);
      });
    }
    await expect(link).toHaveAttribute('data-progress', `${total}/${total}`);

    await page.reload();
    expect(await statuses(page)).toEqual(lesson.exercises.map(() => 'passed'));
    await expect(sidebarLink(page, lesson.path)).toHaveAttribute(
      'data-progress',
      `${total}/${total}`,
    );
    await expect(page.locator('[data-lesson-progress-text]')).toContainText(`${total} de ${total}`);

    await page.getByRole('button', { name: 'Recomeçar lição' }).click();
    await page.waitForLoadState('load');
    await expect(sidebarLink(page, lesson.path)).toHaveAttribute('data-progress', `0/${total}`);
    expect(await statuses(page)).toEqual(lesson.exercises.map(() => 'pending'));
    // The solutions put in the editors were edits: they are gone too.
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.includes(location.pathname)),
      ),
    ).toEqual([]);
  });
}
