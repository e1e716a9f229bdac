// The trust boundary between page and kernel: a cell's code runs in the kernel and can post any
// message it likes; none of them may write into a cell, end a run, or change the kernel status.
import { expect, test } from '@playwright/test';
import { PATH, cell, output, run, setCode } from './notebook-support';

test.beforeEach(async ({ page }) => {
  await page.goto(PATH);
});

// Every message type the page knows, for every run id the page has handed out so far, plus
// malformed ones (an unknown error kind used to make t() throw).
const FORGE = `const forjar = (m: unknown) => { self.postMessage(m); postMessage(m) }
for (let run = 1; run <= 20; run++) {
  forjar({ type: 'started', run })
  forjar({ type: 'output', run, output: { type: 'value', text: '"forjado"' } })
  forjar({ type: 'output', run, output: { type: 'error', error: { kind: 'inventado', name: 'E', message: 'x' } } })
  forjar({ type: 'training', run, update: { panel: 1, snapshot: null, state: 'hackeado' } })
  forjar({ type: 'done', run, status: 'ok', numTensors: 0 })
}
forjar({ type: 'ready', backend: 'hackeado' })
forjar({ type: 'interrupting' })
forjar('lixo')
await new Promise((r) => setTimeout(r, 600))
console.log('fim')
'terminou de verdade'`;

test('messages a cell posts itself never reach another cell, end its run or fake the kernel', async ({
  page,
}) => {
  const sentinel = cell(page, 3);
  await run(sentinel);
  await expect(output(sentinel)).toHaveText('2');
  const scratch = cell(page, 4);
  await setCode(page, scratch, FORGE);
  // What the output held each time the cell changed state: a forged 'done' would end it early.
  await scratch.evaluate((root) => {
    const seen: string[] = [];
    (window as unknown as { states: string[] }).states = seen;
    new MutationObserver(() => {
      const out = root.querySelector('[data-cell-output]')?.textContent ?? '';
      seen.push(`${root.getAttribute('data-state')}:${out.includes('terminou de verdade')}`);
    }).observe(root, { attributeFilter: ['data-state'] });
  });
  await run(scratch);
  await expect(scratch).toHaveAttribute('data-state', 'ok');
  await expect(output(scratch)).toContainText('fim');
  await expect(output(scratch)).not.toContainText('forjado');
  const states = await page.evaluate(() => (window as unknown as { states: string[] }).states);
  expect(states.filter((s) => !s.startsWith('running'))).toEqual(['ok:true']);
  await expect(output(sentinel)).toHaveText('2');
  await expect(page.locator('[data-kernel-status]')).toHaveText(/livre · backend wasm/);
  const dropped = await page.locator('[data-notebook-bar]').getAttribute('data-dropped-messages');
  expect(Number(dropped)).toBeGreaterThanOrEqual(200);
  // The kernel still works, and so does the cell that was forged into.
  await run(sentinel);
  await expect(output(sentinel)).toHaveText('2');
});
