import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { coursePages } from './pages.ts';

const isLocal = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1';
};

for (const page of coursePages) {
  test(`"${page.title}" renders in pt-BR, without console errors or third-party requests`, async ({
    page: browserPage,
  }) => {
    const errors: string[] = [];
    const outside: string[] = [];
    browserPage.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    browserPage.on('pageerror', (error) => errors.push(error.message));
    browserPage.on('request', (request) => {
      if (!isLocal(request.url())) outside.push(request.url());
    });

    await browserPage.goto(page.path);
    await expect(browserPage.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(browserPage.getByRole('heading', { level: 1 })).toHaveText(page.title);
    const sidebar = browserPage.getByRole('navigation', { name: 'Principal' });
    await expect(sidebar.getByRole('link', { name: coursePages[1]?.title ?? '' })).toBeVisible();
    await browserPage.waitForLoadState('networkidle');

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  test(`"${page.title}" has no serious or critical axe violations`, async ({
    page: browserPage,
  }) => {
    await browserPage.goto(page.path);
    const results = await new AxeBuilder({ page: browserPage }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}

test('search finds a lesson by a Portuguese word', async ({ page }) => {
  await page.goto('');
  await page.getByRole('button', { name: 'Pesquisar' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByPlaceholder('Pesquisar').fill('tensores');
  await expect(dialog.getByRole('link', { name: /Tensores e seus postos/ }).first()).toBeVisible();
});

test('dark mode toggles and persists across pages', async ({ page }) => {
  await page.goto('');
  const theme = page.getByRole('combobox', { name: 'Selecionar tema' }).first();
  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await theme.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.goto('camadas/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('previous/next links walk the course in order @phone', async ({ page }) => {
  await page.goto('');
  await page.getByRole('link', { name: /Próximo/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(coursePages[1]?.title ?? '');
});
