// The course offline (docs/contract.md, Offline). Runs on its own copy of the test build, served
// by its own server, so the "new deploy" below changes only that copy: the copy's lesson text is
// edited and the build's offline step (writeOfflineBundle, what `astro build` runs last) is run
// again, which is what a rebuild with changed content ships to the service worker.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../scripts/serve-dist.ts';
import { writeOfflineBundle } from '../../src/build/offline-bundle.ts';
import { coursePages } from './pages.ts';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial' });

let root = '';
let server: StaticServer;
test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'anatomia-offline-'));
  cpSync('dist-test', root, { recursive: true });
  server = await serveStatic(root);
});
test.afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}

async function downloadCourse(page: Page): Promise<void> {
  const box = page.locator('[data-offline-download]');
  await box.scrollIntoViewIfNeeded();
  await expect(box.getByText(/O curso inteiro ocupa \d+(,\d)? MB/)).toBeVisible();
  await box.getByRole('button', { name: 'Baixar o curso para usar offline' }).click();
  await expect(box).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(box.getByRole('status')).toHaveText(/funciona sem internet/);
}

test('after one visit and Baixar o curso, every lesson, a cell and the Conv2D lab work offline', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await controlled(page);
  await downloadCourse(page);

  await context.setOffline(true);
  for (const lesson of coursePages) {
    await page.goto(server.url + lesson.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
  }

  await page.goto(`${server.url}tensores/`);
  const cell = page.locator('[data-cell]').first();
  await cell.getByRole('button', { name: 'Executar' }).click();
  await expect(cell).toHaveAttribute('data-state', 'ok', { timeout: 60_000 });

  await page.goto(`${server.url}imagens-conv2d/`);
  const lab = page.locator('[data-lab="conv2d"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-lab-ready', '', { timeout: 60_000 });
  await lab.getByRole('button', { name: 'Treinar', exact: true }).click();
  await expect
    .poll(async () => Number(await lab.getAttribute('data-step')), { timeout: 60_000 })
    .toBeGreaterThan(2);
  await expect(lab).not.toHaveAttribute('data-state', 'error');
  expect(errors).toEqual([]);
});

test('a new deploy is offered as Nova versão disponível — recarregar, and the reload shows it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${server.url}camadas/`);
  await controlled(page);
  const title = coursePages.find((p) => p.path === 'camadas/')?.title ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // The new version: changed text in the lesson, and the build's offline step run again.
  const file = join(root, 'camadas', 'index.html');
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll(title, `${title} (revista)`));
  await writeOfflineBundle(root);

  await page.reload();
  const offer = page.getByRole('button', { name: 'Nova versão disponível — recarregar' });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  // Until the reader accepts, the page is the old version, whole.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await offer.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (revista)`);
  await expect(offer).toBeHidden();
});
