// A check as Verificar runs it: in the kernel's shared scope, wrapped in a block, worded by
// checkFailureText. The student's names are visible, an undeclared one is named, anything else
// thrown is reported with its own name and text.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFailureText } from '../../../src/exercises/check-error';
import { createKernel } from '../../../src/notebook/runtime/kernel';
import type { KernelEvent } from '../../../src/notebook/runtime/protocol';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function harness() {
  const events: KernelEvent[] = [];
  const kernel = createKernel((event) => events.push(event));
  let next = 1;
  return async (source: string) => {
    const id = next++;
    await kernel.run(id, 'exercicio-x', source);
    const errors = events.flatMap((e) =>
      e.type === 'output' && e.run === id && e.output.type === 'error' ? [e.output.error] : [],
    );
    const done = events.find((e) => e.type === 'done' && e.run === id);
    return { status: done?.type === 'done' ? done.status : 'missing', errors };
  };
}

const check = (code: string) => `{\n${code}\n}`;

describe('a check in the kernel', () => {
  it('sees the student’s top-level names and passes; runs again without redeclaring', async () => {
    const run = harness();
    expect((await run('const lote = tf.zeros([5, 12, 2]);')).status).toBe('ok');
    const twice = [await run(check('const f = lote.shape; confere.formato(lote, [5, 12, 2]);'))];
    twice.push(await run(check('const f = lote.shape; confere.formato(lote, [5, 12, 2]);')));
    expect(twice.map((r) => r.status)).toEqual(['ok', 'ok']);
  });
  it('a confere failure is shown as it is', async () => {
    const run = harness();
    await run('const lote = tf.zeros([1]);');
    const result = await run(check('confere.formato(lote, [5, 12, 2]);'));
    expect(result.status).toBe('error');
    expect(checkFailureText(result.errors[0] as never)).toBe(
      'Formato errado: esperado [5, 12, 2], recebido [1] (3 eixos esperados, 1 recebido).',
    );
  });
  it('a name the student did not declare is named', async () => {
    const result = await harness()(check('confere.formato(maiores, [3]);'));
    expect(checkFailureText(result.errors[0] as never)).toMatch(
      /procura o nome maiores, que seu código não declarou.*recebido: nenhuma/,
    );
  });
  it('anything else the check throws is reported with its name and message', async () => {
    const run = harness();
    await run('const maiores = { shape: [3], dataSync() { throw new TypeError("quebrado"); } };');
    const result = await run(check('confere.tensorProximo(maiores, [9, 7, 10]);'));
    expect(checkFailureText(result.errors[0] as never)).toBe(
      'A verificação não conseguiu terminar: TypeError: quebrado. Esperado: um valor que ela possa examinar; confira o que seu código produz.',
    );
  });
});
