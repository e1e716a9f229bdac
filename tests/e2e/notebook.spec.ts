// The notebook's behaviour in a real browser, on the test page (see notebook-support.ts).
import { expect, test } from '@playwright/test';
import { hashCode } from '../../src/notebook/store/hash';
import { PATH, cell, output, run, setCode } from './notebook-support';

test.beforeEach(async ({ page }) => {
  await page.goto(PATH);
});

test('without JavaScript a cell is a highlighted code block and no buttons', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  const first = cell(page, 0);
  await expect(first.locator('.expressive-code')).toContainText('const base: number = 20');
  await expect(first.getByRole('button', { name: 'Executar' })).toBeHidden();
  await context.close();
});

test('CodeMirror loads only when the reader focuses a cell', async ({ page }) => {
  await expect(page.getByRole('button', { name: 'Executar tudo' })).toBeVisible();
  await expect(page.locator('.cm-content')).toHaveCount(0);
  await cell(page, 3).locator('[data-cell-source]').click();
  await expect(cell(page, 3).locator('.cm-content')).toBeFocused();
  await expect(cell(page, 3).getByRole('textbox', { name: /Código da célula 4/ })).toBeVisible();
});

test('editing and rerunning a cell changes its output', async ({ page }) => {
  const target = cell(page, 3);
  await run(target);
  await expect(output(target)).toHaveText('2');
  await expect(target).toHaveAttribute('data-state', 'ok');
  await setCode(page, target, '6 * 7');
  await run(target);
  await expect(output(target)).toHaveText('42');
});

test('a later cell sees an earlier cell’s variable, and values print as code', async ({ page }) => {
  await run(cell(page, 0));
  await expect(output(cell(page, 0))).toHaveText('42');
  await run(cell(page, 1));
  await expect(output(cell(page, 1))).toHaveText('21');
  await run(cell(page, 2));
  await expect(output(cell(page, 2))).toContainText('formato (2, 2) · float32');
  await expect(output(cell(page, 2))).toContainText('[[  1, 2.5],');
});

test('the kernel status names the backend in use', async ({ page }) => {
  await run(cell(page, 3));
  await expect(page.locator('[data-kernel-status]')).toHaveText(/Kernel: livre · backend wasm/);
});

test('Shift+Enter runs and moves to the next cell; Ctrl+Enter runs in place', async ({ page }) => {
  await cell(page, 0).locator('[data-cell-source]').click();
  await expect(cell(page, 0).locator('.cm-content')).toBeFocused();
  await page.keyboard.press('Shift+Enter');
  await expect(output(cell(page, 0))).toHaveText('42');
  await expect(cell(page, 1).locator('.cm-content')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(cell(page, 1))).toHaveText('21');
  await expect(cell(page, 1).locator('.cm-content')).toBeFocused();
});

test('edits survive a reload, and Restaurar original brings the lesson’s code back', async ({
  page,
}) => {
  const target = cell(page, 4);
  await setCode(page, target, 'const minha = "versão do leitor"\nminha');
  await expect(target.getByText('editado', { exact: true })).toBeVisible();
  await page.reload();
  await expect(target.locator('.cm-content')).toContainText('versão do leitor');
  await expect(target.getByText('editado', { exact: true })).toBeVisible();
  await run(target);
  await expect(output(target)).toHaveText('"versão do leitor"');

  await target.getByRole('button', { name: 'Restaurar original' }).click();
  await expect(target.locator('.cm-content')).toContainText("'rascunho'");
  await expect(target.getByText('editado', { exact: true })).toBeHidden();
  await page.reload();
  await expect(page.locator('.cm-content')).toHaveCount(0);
});

test('a lesson change after an edit is shown, with both versions offered', async ({ page }) => {
  // A saved edit whose original no longer matches the lesson's code (its hash differs).
  await page.evaluate((path) => {
    const saved = { originalHash: '00000000', code: 'const antiga = 1\nantiga', savedAt: 0 };
    localStorage.setItem(`anatomia:notebook:v1:/${path}:4`, JSON.stringify(saved));
  }, PATH);
  await page.reload();
  const target = cell(page, 4);
  await expect(target.getByText('O código original desta célula mudou')).toBeVisible();
  await expect(target.locator('[data-cell-source]')).toContainText("'rascunho'");
  await target.getByText('Sua versão salva').click();
  await expect(target.locator('[data-cell-notice] pre')).toHaveText('const antiga = 1\nantiga');
  await target.getByRole('button', { name: 'Usar a minha versão' }).click();
  await expect(target.locator('.cm-content')).toContainText('const antiga = 1');
  await expect(target.getByText('editado', { exact: true })).toBeVisible();
});

test('a saved edit stays with its cell when the lesson inserts a cell before it', async ({
  page,
}) => {
  // Saved when the scratch cell was cell 3 (keyed by position, as the first format did): one cell
  // was inserted since, so it is now cell 4. The edit must follow its original, not its position.
  const original = (await cell(page, 4).getAttribute('data-code')) ?? '';
  await page.evaluate(
    ({ path, hash }) => {
      const saved = { originalHash: hash, code: 'const minha = 1\nminha', savedAt: 0 };
      localStorage.setItem(`anatomia:notebook:v1:/${path}:3`, JSON.stringify(saved));
    },
    { path: PATH, hash: hashCode(original) },
  );
  await page.reload();
  await expect(cell(page, 4).locator('.cm-content')).toContainText('const minha = 1');
  await expect(cell(page, 4).getByText('editado', { exact: true })).toBeVisible();
  await expect(cell(page, 3).getByText('editado', { exact: true })).toBeHidden();
  await expect(cell(page, 3).locator('[data-cell-notice]')).toBeHidden();
  await expect(cell(page, 3).locator('[data-cell-source]')).toContainText('1 + 1');
  await expect(cell(page, 3).locator('[data-cell-source]')).not.toContainText('minha');
  // Moved to the cell's stable key: a second reload finds it there.
  await page.reload();
  await expect(cell(page, 4).locator('.cm-content')).toContainText('const minha = 1');
});

test('a storage failure is reported, not swallowed', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('cheio', 'QuotaExceededError');
    };
  });
  await page.reload();
  const target = cell(page, 4);
  await setCode(page, target, '"não cabe"');
  await expect(target.locator('[data-cell-notice]')).toContainText(
    'Não foi possível salvar sua edição neste navegador (espaço esgotado)',
  );
});

const badInputs: { name: string; code: string; title: string; line: number }[] = [
  { name: 'syntax error', code: 'const x = = 1', title: 'Erro de sintaxe', line: 1 },
  { name: 'thrown error', code: 'const a = 1\nthrow new Error("falhou")', title: 'Erro', line: 2 },
  {
    name: 'rejected promise',
    code: 'await Promise.reject(new RangeError("rejeitada"))',
    title: 'Valor fora do intervalo',
    line: 1,
  },
  {
    name: 'shape mismatch',
    code: 'tf.add(tf.ones([2, 3]), tf.ones([4]))',
    title: 'Formatos incompatíveis',
    line: 1,
  },
  {
    name: 'invalid layer configuration',
    code: 'tf.layers.dense({ units: -1 })',
    title: 'Configuração inválida',
    line: 1,
  },
  {
    name: 'reference error',
    code: 'const y = 2\nnaoExiste * y',
    title: 'Nome não definido',
    line: 2,
  },
  { name: 'type error', code: 'const z: any = 1\nz.chamar()', title: 'Erro de tipo', line: 2 },
  {
    name: 'reassigned const',
    code: 'const k = 1\nk = 2',
    title: 'Atribuição a uma constante: k',
    line: 2,
  },
  {
    name: 'stack overflow',
    // One line: V8 may report the overflow at the call or at the function's entry.
    code: 'const y = 1\nconst f = (n: number): number => f(n + 1) + y\nf(0)',
    title: 'Estouro da pilha de chamadas',
    line: 2,
  },
  {
    name: 'huge allocation',
    code: 'tf.zeros([100000, 100000])',
    title: 'Memória insuficiente',
    line: 1,
  },
  {
    // Fits a typed array's length, but not wasm's 4 GB heap.
    name: 'allocation past the wasm heap',
    code: 'tf.zeros([40000, 40000])',
    title: 'Memória insuficiente',
    line: 1,
  },
  {
    name: 'browser-only global',
    code: 'document.body.textContent = "oi"',
    title: 'Recurso da página indisponível nas células',
    line: 1,
  },
];

test('every kind of bad input shows a pt-BR error in its cell, and the kernel keeps working', async ({
  page,
}) => {
  const scratch = cell(page, 4);
  const sentinel = cell(page, 3);
  for (const bad of badInputs) {
    await test.step(bad.name, async () => {
      await setCode(page, scratch, bad.code);
      await run(scratch);
      await expect(scratch).toHaveAttribute('data-state', 'error');
      const error = output(scratch).locator('.nb-error');
      await expect(error.locator('.nb-error-title')).toContainText(bad.title);
      await expect(error.locator('.nb-error-title')).toContainText(`linha ${bad.line}, coluna`);
      await expect(error.locator('.nb-error-original')).toContainText('Mensagem original:');
      await run(sentinel);
      await expect(output(sentinel)).toHaveText('2');
    });
  }
  await expect(output(scratch)).toContainText('rodam num Web Worker');
});

test('a const from another cell cannot be reassigned, and keeps its value', async ({ page }) => {
  await run(cell(page, 0));
  const scratch = cell(page, 4);
  await setCode(page, scratch, 'base = 5');
  await run(scratch);
  await expect(scratch).toHaveAttribute('data-state', 'error');
  const error = output(scratch).locator('.nb-error');
  await expect(error.locator('.nb-error-title')).toContainText(
    'Atribuição a uma constante: base — linha 1',
  );
  await expect(error).toContainText('declare-a com let');
  await run(cell(page, 1));
  await expect(output(cell(page, 1))).toHaveText('21');
});

test('an error thrown later, in a timer, still lands in its cell', async ({ page }) => {
  const scratch = cell(page, 4);
  await setCode(page, scratch, 'setTimeout(() => { throw new Error("tarde") }, 20)\n"agendado"');
  await run(scratch);
  await expect(output(scratch)).toContainText('"agendado"');
  await expect(output(scratch)).toContainText('Erro assíncrono não tratado');
  await expect(scratch).toHaveAttribute('data-state', 'error');
});

// The third fills the worker's heap without end: V8 then collects garbage ever more slowly and
// the kernel is stuck, not dead, until the reader stops it.
const runaways = [
  'while (true) {}',
  'await new Promise(() => {})',
  'const montes = []; while (true) montes.push({ x: Math.random(), y: [1, 2, 3] })',
];
for (const runaway of runaways) {
  test(`Parar stops a runaway cell (${runaway}) and the page says to rerun`, async ({ page }) => {
    const scratch = cell(page, 4);
    await run(cell(page, 0));
    await setCode(page, scratch, runaway);
    await scratch.getByRole('button', { name: 'Executar' }).click();
    await expect(scratch).toHaveAttribute('data-state', 'running');
    await expect(page.locator('[data-notebook-bar]')).toContainText('ocupado');
    await scratch.getByRole('button', { name: 'Parar' }).click();
    await expect(scratch).toHaveAttribute('data-state', 'error');
    await expect(output(scratch)).toContainText('Execução interrompida');
    await expect(page.getByRole('alert')).toContainText('O kernel foi reiniciado');
    await expect(output(cell(page, 0))).toContainText(
      'Esta saída é de antes do reinício do kernel',
    );
    await run(cell(page, 3));
    await expect(output(cell(page, 3))).toHaveText('2');
    // The restart lost `base`: the reader must rerun cell 1's dependency.
    await run(cell(page, 1));
    await expect(output(cell(page, 1))).toContainText('Nome não definido');
  });
}

test('Parar during anatomia.train stops the training cleanly, keeping the kernel', async ({
  page,
}) => {
  await run(cell(page, 0));
  await run(cell(page, 5));
  const scratch = cell(page, 4);
  await setCode(
    page,
    scratch,
    'const r = await anatomia.train(modelo, anatomia.xor({ n: 64, seed: 1 }), {\n' +
      "  optimizer: { name: 'sgd', learningRate: 0.1 },\n" +
      "  loss: 'categoricalCrossentropy',\n" +
      '  batchSize: 16,\n' +
      '  epochs: Infinity,\n' +
      '})\nr.state',
  );
  await scratch.getByRole('button', { name: 'Executar' }).click();
  const panel = output(scratch).locator('[data-training-panel]');
  await expect(panel).toHaveAttribute('data-step', /^[1-9]/);
  await scratch.getByRole('button', { name: 'Parar' }).click();
  await expect(panel).toHaveAttribute('data-state', 'stopped');
  await expect(output(scratch)).toContainText('"stopped"');
  await expect(scratch).toHaveAttribute('data-state', 'ok');
  await expect(page.getByRole('alert')).toBeHidden();
  await run(cell(page, 1));
  await expect(output(cell(page, 1))).toHaveText('21');
});

test('HTML printed by a cell appears as text', async ({ page }) => {
  const scratch = cell(page, 4);
  const html = '<img src=x onerror="self.hacked=1"><b>negrito</b>';
  await setCode(page, scratch, `console.log('${html}')\n'<i>itálico</i>'`);
  await run(scratch);
  await expect(output(scratch)).toContainText(html);
  await expect(output(scratch)).toContainText('"<i>itálico</i>"');
  await expect(output(scratch).locator('img, b, i')).toHaveCount(0);
});

test('a flood of logs is capped, with a control to show everything', async ({ page }) => {
  const scratch = cell(page, 4);
  await setCode(page, scratch, 'for (let i = 0; i < 50000; i++) console.log("linha", i)');
  await run(scratch);
  await expect(scratch).toHaveAttribute('data-state', 'ok');
  await expect(output(scratch)).toContainText('linhas omitidas');
  const showAll = output(scratch).getByRole('button', { name: /Mostrar tudo/ });
  await expect(output(scratch)).not.toContainText('linha 1000\n');
  await showAll.click();
  await expect(output(scratch)).toContainText('linha 1000\n');
  await expect(output(scratch).getByRole('button', { name: 'Mostrar menos' })).toBeVisible();
});

test('tf.memory().numTensors does not grow over 20 reruns of a tensor-making cell', async ({
  page,
}) => {
  const scratch = cell(page, 4);
  const counter = cell(page, 7);
  await setCode(
    page,
    scratch,
    'const m = tf.randomNormal([32, 32]).matMul(tf.ones([32, 32]))\nm.mean()',
  );
  await run(scratch);
  await run(counter);
  const baseline = await output(counter).innerText();
  for (let i = 0; i < 20; i++) await run(scratch);
  await expect(output(scratch)).toContainText('Tensor · posto 0');
  await run(counter);
  await expect(output(counter)).toHaveText(baseline);
});

test('tf.memory().numTensors does not grow over 20 reruns of a compile + fit cell with Adam', async ({
  page,
}) => {
  const scratch = cell(page, 4);
  const counter = cell(page, 7);
  await setCode(
    page,
    scratch,
    'const modelo = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [2], activation: "tanh" }), tf.layers.dense({ units: 2, activation: "softmax" })] })\n' +
      "modelo.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' })\n" +
      'const xs = tf.randomNormal([32, 2], 0, 1, "float32", 1)\n' +
      'const ys = tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1, 0, 0, 1], "int32").tile([4]), 2)\n' +
      'const h = await modelo.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0 })\n' +
      'h.history.loss.length',
  );
  await run(scratch);
  await expect(output(scratch)).toHaveText('1');
  await run(counter);
  const baseline = await output(counter).innerText();
  for (let i = 0; i < 20; i++) await run(scratch);
  await expect(scratch).toHaveAttribute('data-state', 'ok');
  await run(counter);
  await expect(output(counter)).toHaveText(baseline);
});

test('a model shows its summary and anatomia.train shows a live training panel', async ({
  page,
}) => {
  await run(cell(page, 5));
  const summary = output(cell(page, 5)).getByRole('table');
  await expect(summary).toContainText('dense_1 (Dense)');
  await expect(summary).toContainText('(amostras, 8)');
  await expect(summary).toContainText('Total de parâmetros: 42 (treináveis: 42)');
  const training = cell(page, 6);
  await run(training);
  const panel = output(training).locator('[data-training-panel]');
  await expect(panel).toHaveAttribute('data-state', 'done');
  expect(Number(await panel.getAttribute('data-step'))).toBe(240);
  expect(Number(await panel.getAttribute('data-loss'))).toBeLessThan(0.3);
  await expect(panel.locator('[data-weights]').first()).not.toHaveAttribute('data-version', '0');
  await expect(output(training)).toContainText('"done"');
});

test('images, charts and weight heatmaps render from plain data', async ({ page }) => {
  await run(cell(page, 5));
  const rich = cell(page, 8);
  await run(rich);
  await expect(rich).toHaveAttribute('data-state', 'ok');
  await expect(output(rich).getByRole('img', { name: 'degradê 8×8' })).toBeVisible();
  await expect(output(rich).locator('svg[aria-label="perda por época"]')).toBeVisible();
  await expect(output(rich).locator('[data-viz="weight-heatmap"]')).toBeVisible();
});

test('Executar tudo runs every cell in order', async ({ page }) => {
  await page.getByRole('button', { name: 'Executar tudo' }).click();
  await expect(cell(page, 8)).toHaveAttribute('data-run-count', '1', { timeout: 30_000 });
  await expect(output(cell(page, 1))).toHaveText('21');
  await expect(output(cell(page, 6))).toContainText('"done"');
  await expect(page.locator('[data-cell][data-state="error"]')).toHaveCount(0);
});
