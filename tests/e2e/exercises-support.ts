// Helpers of the exercise specs: one exercise's parts by role, and how a student answers.
import { expect, type Locator, type Page } from '@playwright/test';

export function exercise(page: Page, id: string): Locator {
  return page.locator(`[data-exercise][data-exercise-id="${id}"]`);
}

export function feedback(root: Locator): Locator {
  return root.locator('[data-exercise-feedback]');
}

/** Clicks Verificar and waits for the verdict (or a message) to replace "Verificando…". */
export async function verify(root: Locator): Promise<void> {
  await root.getByRole('button', { name: 'Verificar', exact: true }).click();
  await expect(root).not.toHaveAttribute('aria-busy', 'true', { timeout: 60_000 });
  await expect(feedback(root)).not.toHaveText(/^Verificando/);
}

/** The sidebar link of the lesson at `path` (relative to the base URL). */
export function sidebarLink(page: Page, path: string): Locator {
  return page.locator(`nav a[data-exercise-ids][href$="/${path}"]`).first();
}

export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A calculo answer with a decimal comma or point ("37632,0" for an integer: both spellings). */
export function spelled(answer: string, separator: ',' | '.'): string {
  const text = answer.includes('.') ? answer : `${answer}.0`;
  return text.replace('.', separator);
}
