// Bad input to exercises, on lesson 2's (tensores): a student's code that ends in an error or
// never ends (Parar still works and the exercise says so), a check that throws something else, a
// check that needs a name the student did not declare, and empty or non-numeric calculo answers.
// Each gives a pt-BR message in place, and what the student typed stays in the editor.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { exercise, feedback, verify } from './exercises-support';
import { setCode } from './notebook-support';

const PATH = 'tensores/';

async function typeInto(page: Page, root: Locator, code: string): Promise<void> {
  await setCode(page, root.locator('[data-cell]'), code);
}

test.beforeEach(async ({ page }) => {
  await page.goto(PATH);
});

test('a student’s code that ends in an error fails with a message, and the code stays', async ({
  page,
}) => {
  const root = exercise(page, 'lote-de-sequencias');
  await typeInto(page, root, 'const lote = tf.zeros([5, 12, 2]);\nlote.naoExiste();');
  await verify(root);
  await expect(root).toHaveAttribute('data-status', 'failed');
  await expect(feedback(root)).toContainText('Seu código terminou com um erro');
  await expect(root.locator('.cm-content')).toContainText('lote.naoExiste();');
});

test('a student’s code that never ends: Parar stops it, the exercise says so, the code stays', async ({
  page,
}) => {
  const root = exercise(page, 'lote-de-sequencias');
  await typeInto(page, root, 'while (true) {}');
  await root.getByRole('button', { name: 'Verificar', exact: true }).click();
  const cell = root.locator('[data-cell]');
  await expect(cell).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await cell.getByRole('button', { name: 'Parar' }).click();
  await expect(feedback(root)).toContainText('interrompida (Parar)', { timeout: 15_000 });
  await expect(root).toHaveAttribute('data-status', 'failed');
  await expect(root.locator('.cm-content')).toContainText('while (true) {}');
  // The new kernel works: the solution, put in its place, passes.
  await typeInto(page, root, 'const lote = tf.zeros([5, 12, 2]);');
  await verify(root);
  await expect(root).toHaveAttribute('data-status', 'passed');
});

test('a check that needs a name the student did not declare names it', async ({ page }) => {
  const root = exercise(page, 'maior-nota');
  await typeInto(page, root, 'const outroNome = 1;');
  await verify(root);
  await expect(root).toHaveAttribute('data-status', 'failed');
  await expect(feedback(root)).toContainText('procura o nome maiores');
  await expect(root.locator('.cm-content')).toContainText('const outroNome = 1;');
});

test('a check that throws something else gives a clear message with what it threw', async ({
  page,
}) => {
  const root = exercise(page, 'maior-nota');
  await typeInto(
    page,
    root,
    'const maiores = { shape: [3], dataSync() { throw new TypeError("quebrado"); } };',
  );
  await verify(root);
  await expect(root).toHaveAttribute('data-status', 'failed');
  await expect(feedback(root)).toContainText(
    'A verificação não conseguiu terminar: TypeError: quebrado',
  );
});

test('calculo: an empty answer and a non-number get a message, and the status is unchanged', async ({
  page,
}) => {
  const root = exercise(page, 'valor-padronizado');
  const input = root.getByRole('textbox', { name: 'Sua resposta' });
  await verify(root);
  await expect(feedback(root)).toHaveText(
    'Digite um número antes de verificar (por exemplo 0,7 ou 0.7).',
  );
  await expect(root).toHaveAttribute('data-status', 'pending');
  await input.fill('meio');
  await verify(root);
  await expect(feedback(root)).toContainText('Não entendi «meio» como número');
  await expect(root).toHaveAttribute('data-status', 'pending');
  await expect(input).toHaveValue('meio');
});

test('Dica reveals one hint at a time and says how many remain; Ver solução before a try asks first', async ({
  page,
}) => {
  const root = exercise(page, 'valor-padronizado');
  const hints = root.locator('[data-exercise-hint]');
  await expect(root.locator('[data-exercise-hints-left]')).toHaveText('2 dicas disponíveis');
  await root.getByRole('button', { name: 'Dica' }).click();
  await expect(hints.nth(0)).toBeVisible();
  await expect(hints.nth(1)).toBeHidden();
  await expect(root.locator('[data-exercise-hints-left]')).toHaveText('resta 1 dica');
  await root.getByRole('button', { name: 'Dica' }).click();
  await expect(hints.nth(1)).toBeVisible();
  await expect(hints.nth(1)).toContainText('Dica 2 de 2');
  await expect(root.getByRole('button', { name: 'Dica' })).toBeDisabled();

  const solution = root.locator('[data-exercise-solution]');
  page.once('dialog', (dialog) => void dialog.dismiss());
  await root.getByRole('button', { name: 'Ver solução' }).click();
  await expect(solution).toBeHidden();
  page.once('dialog', (dialog) => void dialog.accept());
  await root.getByRole('button', { name: 'Ver solução' }).click();
  await expect(solution).toBeVisible();
});

test('Usar esta solução replaces the code undoably: Ctrl+Z brings the student’s code back', async ({
  page,
}) => {
  const root = exercise(page, 'lote-de-sequencias');
  await typeInto(page, root, 'const lote = tf.zeros([5, 12]); // meu');
  await verify(root);
  await root.getByRole('button', { name: 'Ver solução' }).click();
  await root.getByRole('button', { name: 'Usar esta solução' }).click();
  const editor = root.locator('.cm-content');
  await expect(editor).toContainText('tf.zeros([5, 12, 2])');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor).toContainText('// meu');
});
