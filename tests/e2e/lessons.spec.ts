// Every cell of every lesson runs to `ok` in Chromium, in page order, from a fresh page, with
// Executar tudo — the way a reader who trusts the course would use it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readLessons } from '../../src/build/content-guard.ts';

const lessons = readLessons('content')
  .map((lesson) => ({
    ...lesson,
    path: lesson.slug === 'index' ? '' : `${lesson.slug}/`,
    cells:
      // Lesson cells and exercise starters (an exercise's starter is a cell, and must run too).
      (
        readFileSync(join('content', lesson.file), 'utf8').match(
          /^```(ts|typescript) (cell|starter)/gm,
        ) ?? []
      ).length,
  }))
  .filter((lesson) => lesson.cells > 0);

test('the course has cells to run', () => {
  expect(lessons.length).toBeGreaterThanOrEqual(8);
});

for (const lesson of lessons) {
  test(`every cell of "${lesson.title}" runs to ok with Executar tudo`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(lesson.path);
    const cells = page.locator('[data-cell]');
    await expect(cells).toHaveCount(lesson.cells);
    await page.getByRole('button', { name: 'Executar tudo' }).click();
    for (let index = 0; index < lesson.cells; index += 1) {
      const cell = cells.nth(index);
      await expect(cell, `cell ${index + 1} finished`).toHaveAttribute('data-run-count', '1', {
        timeout: 90_000,
      });
      const state = await cell.getAttribute('data-state');
      const output = state === 'ok' ? '' : await cell.locator('[data-cell-output]').innerText();
      expect(state, `cell ${index + 1}: ${output}`).toBe('ok');
    }
  });
}
