import { expect, test } from '@playwright/test';

test('in the search dialog, ArrowDown/ArrowUp walk the results and Enter opens the one in focus', async ({
  page,
}) => {
  await page.goto('');
  await page.getByRole('button', { name: 'Pesquisar' }).click();
  const dialog = page.getByRole('dialog');
  const query = dialog.getByPlaceholder('Pesquisar');
  await query.fill('tensor');
  const results = dialog.locator('.pagefind-ui__result-link');
  await expect(results.nth(1)).toBeVisible();

  await query.press('ArrowDown');
  await expect(results.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(results.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(query).toBeFocused();
  await expect(query).toHaveValue('tensor');

  await query.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const chosen = await results.nth(1).getAttribute('href');
  expect(chosen).toBeTruthy();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => `${url.pathname}${url.hash}`.endsWith(chosen ?? '\0'));
  await expect(dialog).toBeHidden();
});

test('the search button’s visible text is its accessible name (no Ctrl K text inside it)', async ({
  page,
}) => {
  await page.goto('');
  const button = page.getByRole('button', { name: 'Pesquisar', exact: true });
  await expect(button).toBeEnabled();
  await expect(button.locator('kbd')).toHaveAttribute('data-keys', /K$/);
  expect((await button.textContent())?.trim()).toBe('Pesquisar');
});

test('the search UI loads only when the reader reaches for it; Ctrl K then opens it with the query focused', async ({
  page,
}) => {
  const pagefindUi: string[] = [];
  page.on('request', (request) => {
    if (/\/ui-core\.[^/]*\.js$/.test(new URL(request.url()).pathname))
      pagefindUi.push(request.url());
  });
  await page.goto('tensores/');
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
  expect(pagefindUi, 'Pagefind UI fetched before any sign of searching').toEqual([]);

  await page.keyboard.press('Control+k');
  const query = page.getByRole('dialog').getByPlaceholder('Pesquisar');
  await expect(query).toBeFocused();
  expect(pagefindUi).toHaveLength(1);
  await page.keyboard.type('posto');
  await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toBeVisible();
});

test('a search opened before the page went idle still gets its UI', async ({ page }) => {
  // Starlight builds the search UI on idle; hold idle back so the click comes first.
  await page.addInitScript(() => {
    const idle = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (callback, options) =>
      window.setTimeout(() => idle(callback, options), 1500) as unknown as number;
  });
  await page.goto('tensores/');
  await page.getByRole('button', { name: 'Pesquisar' }).click();
  const query = page.getByRole('dialog').getByPlaceholder('Pesquisar');
  await expect(query).toBeFocused();
  await query.fill('posto');
  await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toBeVisible();
});
