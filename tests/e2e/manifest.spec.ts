// The course installs as an app: Chromium reads the web app manifest without errors, finds its
// icons, and reports no installability error (but incognito) once the service worker controls it.
import { expect, test } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

const pngSize = (body: Buffer): string => `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;

test('the web app manifest is pt-BR, its icons are real PNGs, and the course is installable', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute(
    'content',
    /^#[0-9a-f]{6}$/,
  );
  const cdp = await context.newCDPSession(page);
  const { url, errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
  const manifest = (await (await page.request.get(url)).json()) as {
    name: string;
    lang: string;
    description: string;
    start_url: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest.lang).toBe('pt-BR');
  expect(manifest.name).toMatch(/rede neural/);
  expect(manifest.description).toMatch(/português/);
  expect(new URL(manifest.start_url, url).href).toBe(baseURL);
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, url).href);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(pngSize(await response.body())).toBe(icon.sizes);
  }

  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito, where nothing installs; every other criterion must hold.
  const ids = installabilityErrors.map((error) => error.errorId);
  expect(ids.filter((id) => id !== 'in-incognito')).toEqual([]);
});
