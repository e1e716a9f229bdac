// Every lab is readable where the course shows it (its lesson page), after training: no two
// curve end labels overlap, every weight view is at least 24×24 px, legends keep their text inside
// their svg and their tick labels apart; on a phone no select is cut and a radio sits on its
// label's line; on a dark page the palette's extreme colours stand out from the background.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { labCatalog, type LabInstance } from './controls-catalog';
import { pauseIfTraining, step } from './labs-support';

test.describe.configure({ timeout: 120_000 });

const catalog = labCatalog();
const shown = ['dense', 'sgd', 'conv2d', 'lstm', 'conv1d', 'kernel', 'tensor'];
const labs = shown.map((kind) => {
  const lab = catalog.find((l) => l.kind === kind);
  if (lab === undefined) throw new Error(`no lesson page embeds the ${kind} lab`);
  return lab;
});

/**
 * Lab views draw into shadow roots (view.ts): the checks query through them with
 * window.__deepAll(root, selector), defined in the page before it loads.
 */
const DEEP_QUERY = `
  window.__deepAll = (root, selector) => {
    const out = [...root.querySelectorAll(selector)];
    if (root.shadowRoot) out.push(...window.__deepAll(root.shadowRoot, selector));
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) out.push(...window.__deepAll(el.shadowRoot, selector));
    }
    return out;
  };`;
type DeepAll = (root: Element | ShadowRoot, selector: string) => Element[];

/** Opens the lab on its lesson page, trains it (at full speed) for `steps` steps, pauses. */
async function trained(page: Page, lab: LabInstance, steps = 40): Promise<Locator> {
  await page.addInitScript(DEEP_QUERY);
  await page.goto(lab.path);
  const root = page.locator(`#${lab.id}`);
  await root.scrollIntoViewIfNeeded();
  if (!lab.trains) {
    await expect(root).toHaveAttribute('data-lab-mounted', '', { timeout: 30_000 });
    return root;
  }
  await expect(root).toHaveAttribute('data-lab-ready', '', { timeout: 30_000 });
  for (const fold of await root.locator('details.lab-fold:not([open]) > summary').all()) {
    await fold.click();
  }
  const slider = root.getByRole('slider', { name: 'Velocidade', exact: true });
  await slider.focus();
  await slider.press('End');
  await root.getByRole('button', { name: 'Treinar', exact: true }).click();
  await expect.poll(() => step(root), { timeout: 60_000 }).toBeGreaterThan(steps);
  await pauseIfTraining(root);
  await drawEverything(page, root);
  return root;
}

/** Views draw only while on screen: scroll through the lab, a frame at each stop. */
async function drawEverything(page: Page, root: Locator): Promise<void> {
  const box = await root.boundingBox();
  if (box === null) return;
  const views = root.locator('[data-weights], .lab-chart');
  for (const view of await views.all()) {
    await view.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  // Every weight view has drawn once it is seen.
  for (const view of await root.locator('[data-weights]').all()) {
    await view.scrollIntoViewIfNeeded();
    await expect(view).not.toHaveAttribute('data-version', '0');
  }
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Boxes that overlap by more than a hair (0.5 px). */
function overlaps(a: Box, b: Box): boolean {
  return (
    Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
    Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5
  );
}

for (const lab of labs) {
  test.describe(`${lab.kind} em /${lab.path}`, () => {
    test('end labels apart, weight views ≥ 24×24 px, legends inside their svg', async ({
      page,
    }) => {
      const root = await trained(page, lab);

      // Curve end labels: per chart, pairwise apart.
      const charts = await root.evaluate((el) =>
        (window as unknown as { __deepAll: DeepAll })
          .__deepAll(el, 'svg')
          .map((svg) =>
            Array.from(svg.querySelectorAll('text[data-curve-label]'))
              .filter((t) => (t.textContent ?? '') !== '')
              .map((t) => {
                const r = t.getBoundingClientRect();
                return { text: t.textContent, x: r.x, y: r.y, width: r.width, height: r.height };
              }),
          )
          .filter((labels) => labels.length > 0),
      );
      if (['dense', 'conv2d', 'lstm', 'conv1d'].includes(lab.kind)) {
        expect(charts.length, 'charts with end labels').toBeGreaterThan(0);
      }
      for (const labels of charts) {
        for (let i = 0; i < labels.length; i++)
          for (let j = i + 1; j < labels.length; j++) {
            const [a, b] = [labels[i], labels[j]] as [
              Box & { text: string },
              Box & { text: string },
            ];
            expect(overlaps(a, b), `"${a.text}" and "${b.text}" overlap`).toBe(false);
          }
      }

      // Weight views: each raster (or the network figure) at least 24×24 px on screen.
      const views = await root.evaluate((el) =>
        Array.from(el.querySelectorAll('[data-weights]')).flatMap((view) => {
          const name = view.getAttribute('data-weights') ?? '';
          const deepAll = (window as unknown as { __deepAll: DeepAll }).__deepAll;
          const rasters = deepAll(view, 'canvas[data-raster]');
          const boxes = rasters.length > 0 ? rasters.map((c) => c.parentElement ?? c) : [view];
          return boxes.map((b) => {
            const r = b.getBoundingClientRect();
            return { name, width: r.width, height: r.height };
          });
        }),
      );
      if (lab.trains) expect(views.length).toBeGreaterThan(0);
      for (const v of views) {
        expect(v.width, `${v.name} width`).toBeGreaterThanOrEqual(24);
        expect(v.height, `${v.name} height`).toBeGreaterThanOrEqual(24);
      }

      // Colour ramps: every text inside its svg, tick labels apart, titles not cut.
      const ramps = await root.evaluate((el) =>
        (window as unknown as { __deepAll: DeepAll })
          .__deepAll(el, 'svg[class$="-ramp"]')
          .map((svg) => {
            const frame = svg.getBoundingClientRect();
            const texts = Array.from(svg.querySelectorAll('text')).map((t) => {
              const r = t.getBoundingClientRect();
              return {
                text: t.textContent ?? '',
                x: r.x,
                y: r.y,
                width: r.width,
                height: r.height,
              };
            });
            const title = svg.parentElement?.querySelector('.anatomia-viz-ramp-title');
            return {
              frame: { x: frame.x, y: frame.y, width: frame.width, height: frame.height },
              texts,
              titleCut: title ? title.scrollWidth > title.clientWidth + 1 : false,
            };
          }),
      );
      for (const ramp of ramps) {
        const { frame } = ramp;
        for (const t of ramp.texts) {
          const what = `legend text "${t.text}"`;
          expect(t.x, what).toBeGreaterThanOrEqual(frame.x - 0.5);
          expect(t.x + t.width, what).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
          expect(t.y, what).toBeGreaterThanOrEqual(frame.y - 0.5);
          expect(t.y + t.height, what).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
        }
        const ticks = ramp.texts.filter((t) => t.text !== '');
        for (let i = 1; i < ticks.length; i++) {
          const [a, b] = [ticks[i - 1], ticks[i]] as [
            Box & { text: string },
            Box & { text: string },
          ];
          expect(overlaps(a, b), `ticks "${a.text}" and "${b.text}" run together`).toBe(false);
        }
        expect(ramp.titleCut).toBe(false);
      }
    });
  });
}

test.describe('phone 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const lab of labs) {
    test(`${lab.kind}: no select cut off, radios on their label's line`, async ({ page }) => {
      await page.goto(lab.path);
      const root = page.locator(`#${lab.id}`);
      await root.scrollIntoViewIfNeeded();
      await expect(root).toHaveAttribute(lab.trains ? 'data-lab-ready' : 'data-lab-mounted', '', {
        timeout: 30_000,
      });
      const cut = await root.evaluate((el) => {
        const canvas = document.createElement('canvas').getContext('2d');
        if (canvas === null) return ['no canvas'];
        const out: string[] = [];
        for (const select of el.querySelectorAll('select')) {
          const style = getComputedStyle(select);
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          // Room for the text: the box less its padding and the drop-down arrow (~20 px).
          const room =
            select.clientWidth -
            parseFloat(style.paddingLeft) -
            parseFloat(style.paddingRight) -
            20;
          for (const option of select.options) {
            const width = canvas.measureText(option.text).width;
            if (width > room) out.push(`"${option.text}" (${Math.round(width)} > ${room})`);
          }
        }
        return out;
      });
      expect(cut, 'select options wider than their select').toEqual([]);

      const radios = await root.evaluate((el) =>
        Array.from(el.querySelectorAll('label:has(> input[type="radio"])')).map((label) => {
          const radio = label.querySelector('input') as HTMLInputElement;
          const range = document.createRange();
          range.selectNodeContents(label);
          const text = Array.from(range.getClientRects()).filter(
            (r) => r.width > 0 && r.x >= radio.getBoundingClientRect().right - 1,
          );
          const r = radio.getBoundingClientRect();
          return {
            label: label.textContent?.trim() ?? '',
            radio: { top: r.top, bottom: r.bottom, right: r.right },
            text: text.map((t) => ({ top: t.top, bottom: t.bottom, left: t.left })),
          };
        }),
      );
      if (lab.kind === 'dense') expect(radios.length).toBe(2);
      for (const { label, radio, text } of radios) {
        expect(text.length, `${label}: text beside its radio`).toBeGreaterThan(0);
        const line = text[0] as { top: number; bottom: number; left: number };
        // Same line: the radio's vertical centre is within the text's line box.
        const centre = (radio.top + radio.bottom) / 2;
        expect(centre, label).toBeGreaterThanOrEqual(line.top);
        expect(centre, label).toBeLessThanOrEqual(line.bottom);
        expect(line.left, label).toBeGreaterThanOrEqual(radio.right - 1);
      }
    });
  }

  test('kernel explorer: the output map is within a screen of the window slider', async ({
    page,
  }) => {
    const lab = labs.find((l) => l.kind === 'kernel') as LabInstance;
    await page.goto(lab.path);
    const root = page.locator(`#${lab.id}`);
    await root.scrollIntoViewIfNeeded();
    await expect(root).toHaveAttribute('data-lab-mounted', '');
    const slider = await root.locator('[data-kernel-position]').boundingBox();
    const output = await root.locator('[data-kernel-output]').boundingBox();
    expect(slider).not.toBeNull();
    expect(output).not.toBeNull();
    expect((output as Box).y + (output as Box).height - (slider as Box).y).toBeLessThanOrEqual(844);
  });
});

test.describe('dark theme', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  });

  /** WCAG contrast of two rgb() colours, computed in the page. */
  const contrastScript = `
    window.__contrast = (a, b) => {
      const lum = ([r, g, b]) => {
        const c = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
      };
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };`;

  for (const kind of ['dense', 'lstm']) {
    test(`${kind}: the colour ramps' extreme colours are ≥ 3:1 against the page`, async ({
      page,
    }) => {
      await page.addInitScript(contrastScript);
      const lab = labs.find((l) => l.kind === kind) as LabInstance;
      const root = await trained(page, lab, 10);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const result = await root.evaluate(async (el) => {
        const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        // The lab's own background (the first opaque one up the tree).
        let node: Element | null = el;
        let bg = [255, 255, 255];
        while (node) {
          const c = getComputedStyle(node).backgroundColor;
          const alpha = /rgba\(.*,\s*([\d.]+)\)/.exec(c)?.[1];
          if (c !== 'transparent' && alpha !== '0') {
            bg = rgb(c);
            break;
          }
          node = node.parentElement;
        }
        const contrast = (window as unknown as { __contrast: (a: number[], b: number[]) => number })
          .__contrast;
        const ends: { at: string; ratio: number }[] = [];
        // Each diverging ramp is a Plot <image>; read its first and last pixel as drawn.
        const deepAll = (window as unknown as { __deepAll: DeepAll }).__deepAll;
        for (const image of deepAll(el, 'svg[class$="-ramp"] image')) {
          const href = image.getAttribute('href') ?? '';
          const img = new Image();
          img.src = href;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
          ctx.drawImage(img, 0, 0);
          const first = Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
          const last = Array.from(ctx.getImageData(img.width - 1, 0, 1, 1).data.slice(0, 3));
          // Sequential ramps (the gates' viridis) start dark by design: only diverging ones.
          const middle = Array.from(
            ctx.getImageData(Math.floor(img.width / 2), 0, 1, 1).data.slice(0, 3),
          );
          if (contrast(middle, [255, 255, 255]) > 1.5) continue;
          ends.push({ at: `first of ${href.length}`, ratio: contrast(first, bg) });
          ends.push({ at: `last of ${href.length}`, ratio: contrast(last, bg) });
        }
        // The class points and the network's edges.
        const boundary = el.querySelector('[data-dense-boundary]');
        const fills = (boundary ? deepAll(boundary, 'g[data-mark="dot"] *') : [])
          .map((p) => getComputedStyle(p).fill)
          .filter((f) => f.startsWith('rgb'));
        const edges: string[] = [];
        const net = el.querySelector('[data-network]');
        for (const p of net?.shadowRoot?.querySelectorAll('path[stroke^="rgb"]') ?? []) {
          edges.push(p.getAttribute('stroke') ?? '');
        }
        return {
          bg,
          ends,
          points: [...new Set(fills)].map((f) => contrast(rgb(f), bg)),
          edges: [...new Set(edges)].map((e) => contrast(rgb(e), bg)),
        };
      });
      expect(result.ends.length, 'diverging ramps read').toBeGreaterThan(0);
      for (const e of result.ends) expect(e.ratio, e.at).toBeGreaterThanOrEqual(3);
      if (kind === 'dense') {
        expect(result.points.length).toBeGreaterThan(0);
        for (const r of result.points) expect(r, 'class point').toBeGreaterThanOrEqual(3);
        expect(result.edges.length).toBe(2);
        for (const r of result.edges) expect(r, 'network edge').toBeGreaterThanOrEqual(3);
      }
    });
  }
});
