// Exercises in headless Chromium, on lesson 2 (/tensores/): a warm Verificar of a codigo exercise
// without training (lote-de-sequencias: the starter cell runs, then its check, in the kernel) from
// the click to the verdict in [data-exercise-feedback] (budget ≤ 100 ms median), for the untouched
// starter (a failed check) and for the reference solution (a pass). Timed in the page with a
// MutationObserver on aria-busy, which Verificar sets while it works. Called by notebook.ts.
import type { Browser, Page } from '@playwright/test';

const PATH = 'tensores/';
const EXERCISE = 'lote-de-sequencias';

export interface ExerciseTiming {
  metric: string;
  values: number[];
  note: string;
}

function verifyOnce(page: Page): Promise<{ ms: number; status: string; text: string }> {
  return page.evaluate((id) => {
    const root = document.querySelector<HTMLElement>(`[data-exercise-id="${id}"]`);
    const button = root?.querySelector<HTMLElement>('[data-exercise-action="check"]');
    if (!root || !button) throw new Error(`exercise ${id} missing`);
    return new Promise((resolve) => {
      let seen = false;
      let start = 0;
      const observer = new MutationObserver(() => {
        if (root.getAttribute('aria-busy') === 'true') seen = true;
        else if (seen) {
          observer.disconnect();
          resolve({
            ms: performance.now() - start,
            status: root.dataset['status'] ?? '',
            text: root.querySelector('[data-exercise-feedback]')?.textContent ?? '',
          });
        }
      });
      observer.observe(root, { attributes: true, attributeFilter: ['aria-busy'] });
      start = performance.now();
      button.click();
    });
  }, EXERCISE);
}

async function series(page: Page, runs: number, status: string): Promise<number[]> {
  for (let i = 0; i < 5; i++) await verifyOnce(page); // kernel start, JIT warm-up
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await verifyOnce(page);
    if (t.status !== status)
      throw new Error(`Verificar gave ${t.status} (${t.text}), not ${status}`);
    values.push(t.ms);
  }
  return values;
}

export async function benchExercise(
  browser: Browser,
  baseUrl: string,
  runs: number,
): Promise<ExerciseTiming[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${baseUrl}${PATH}`);
    await page.locator(`[data-exercise-id="${EXERCISE}"] [data-exercise-controls]`).waitFor();
    const failed = await series(page, runs, 'failed');
    const root = page.locator(`[data-exercise-id="${EXERCISE}"]`);
    await root.getByRole('button', { name: 'Ver solução' }).click();
    await root.getByRole('button', { name: 'Usar esta solução' }).click();
    await root.locator('.cm-content').getByText('[5, 12, 2]').waitFor();
    const passed = await series(page, runs, 'passed');
    return [
      {
        metric: 'warm Verificar → feedback (check fails)',
        values: failed,
        note: `codigo ${EXERCISE}, untouched starter: cell run + check run`,
      },
      {
        metric: 'warm Verificar → feedback (check passes)',
        values: passed,
        note: 'the same with the reference solution (and the progress saved)',
      },
    ];
  } finally {
    await context.close();
  }
}
