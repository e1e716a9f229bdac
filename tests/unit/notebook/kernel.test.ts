import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKernel } from '../../../src/notebook/runtime/kernel';
import type { KernelEvent, Output } from '../../../src/notebook/runtime/protocol';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function harness() {
  const events: KernelEvent[] = [];
  const kernel = createKernel((event) => events.push(event));
  let next = 1;
  /** Runs a cell and returns its outputs and final status. */
  const run = async (cell: string, source: string) => {
    const id = next++;
    await kernel.run(id, cell, source);
    const outputs = events.flatMap((e) => (e.type === 'output' && e.run === id ? [e.output] : []));
    const done = events.find((e) => e.type === 'done' && e.run === id);
    if (done?.type !== 'done') throw new Error('run did not finish');
    return { outputs, status: done.status, numTensors: done.numTensors };
  };
  return { kernel, run, events };
}

function only(outputs: Output[]): Output {
  expect(outputs).toHaveLength(1);
  return outputs[0] as Output;
}

describe('kernel', () => {
  it('shares top-level declarations across cells and displays the final expression', async () => {
    const { run } = harness();
    expect((await run('a', 'const base: number = 40')).outputs).toEqual([]);
    expect(only((await run('b', 'base + 2')).outputs)).toEqual({ type: 'value', text: '42' });
  });

  it('shows a tensor with its shape, dtype and values printed as code', async () => {
    const { run } = harness();
    const output = only((await run('a', 'tf.tensor2d([[0.5, 1], [2, 3]])')).outputs);
    expect(output).toMatchObject({ type: 'tensor', dtype: 'float32', shape: [2, 2], size: 4 });
    expect(output.type === 'tensor' && output.preview).toContain('[[0.5,   1],');
  });

  it('summarises a model: layers, output shapes and parameters', async () => {
    const { run } = harness();
    const source =
      'const m = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [3] }), ' +
      'tf.layers.dense({ units: 2 })] })\nm';
    const output = only((await run('a', source)).outputs);
    expect(output).toMatchObject({ type: 'summary', total: 3 * 4 + 4 + 4 * 2 + 2 });
    expect(output.type === 'summary' && output.rows.map((r) => r.outputShape)).toEqual([
      [null, 4],
      [null, 2],
    ]);
  });

  it('does not grow tf.memory().numTensors over 20 reruns of a tensor-making cell', async () => {
    const { run } = harness();
    const source =
      'const w = tf.variable(tf.randomNormal([8, 8]))\nconst y = tf.ones([4, 8]).matMul(w).relu()\ny.sum()';
    const counts: number[] = [];
    for (let i = 0; i < 20; i++) counts.push((await run('leaky', source)).numTensors);
    expect(counts[19]).toBe(counts[1]);
  });

  const adamCells: [string, string][] = [
    ['the string "adam"', "'adam'"],
    ['tf.train.adam', 'tf.train.adam(0.01)'],
  ];
  it.each(adamCells)(
    'does not grow numTensors over 20 reruns of a cell that compiles with %s and fits',
    async (_, optimizer) => {
      const { run } = harness();
      const source =
        'const modelo = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [3], activation: "relu" }), tf.layers.dense({ units: 2 })] })\n' +
        `modelo.compile({ optimizer: ${optimizer}, loss: 'meanSquaredError' })\n` +
        'const xs = tf.ones([8, 3])\nconst ys = tf.zeros([8, 2])\n' +
        'const historico = await modelo.fit(xs, ys, { epochs: 1, batchSize: 4, verbose: 0 })\n' +
        'historico.history.loss.length';
      const first = await run('adam', source);
      expect(first.status).toBe('ok');
      const baseline = (await run('adam', source)).numTensors;
      let last = baseline;
      for (let i = 0; i < 20; i++) last = (await run('adam', source)).numTensors;
      expect(last - baseline).toBe(0);
    },
  );

  it('keeps an optimizer another cell still holds, and the moments it made elsewhere', async () => {
    const { run } = harness();
    await run('opt', 'const otimizador = tf.train.adam(0.1)\nconst w = tf.variable(tf.scalar(3))');
    const step = 'otimizador.minimize(() => w.square())\nw.dataSync()[0]';
    for (let i = 0; i < 3; i++) expect((await run('step', step)).status).toBe('ok');
    // The reruns of `step` must not have freed the moments: Adam's next step still works.
    const again = await run('step', step);
    expect(again.status).toBe('ok');
    expect(again.outputs).toHaveLength(1);
  });

  it('keeps weights a rerun built lazily while another cell still holds the layer', async () => {
    const { run } = harness();
    await run('make', 'const layer = tf.layers.dense({ units: 2 })');
    const use = 'layer.apply(tf.ones([1, 3])).shape';
    await run('use', use);
    await run('use', use);
    const again = await run('use', 'layer.apply(tf.ones([1, 3])).sum()');
    expect(again.status).toBe('ok');
  });

  it('draws a fit History as treino and validação curves (val_loss is validation, not test)', async () => {
    const { run } = harness();
    const output = only(
      (await run('a', 'anatomia.plot.loss({ history: { loss: [2, 1], val_loss: [3, 2] } })'))
        .outputs,
    );
    expect(output.type === 'chart' && output.spec.chart === 'loss' && output.spec.points).toEqual([
      { step: 1, value: 2, series: 'treino' },
      { step: 2, value: 1, series: 'treino' },
      { step: 1, value: 3, series: 'validação' },
      { step: 2, value: 2, series: 'validação' },
    ]);
  });

  it('captures console output in order, numbers printed as code', async () => {
    const { run } = harness();
    const { outputs } = await run(
      'a',
      'console.log("x =", 0.25)\nconsole.warn("cuidado")\ndisplay(1.5)',
    );
    expect(outputs).toEqual([
      { type: 'text', stream: 'log', text: 'x = 0.25' },
      { type: 'text', stream: 'warn', text: 'cuidado' },
      { type: 'value', text: '1.5' },
    ]);
  });

  it('caps a flood of logs and reports how many lines were left out', async () => {
    const { run } = harness();
    const { outputs } = await run(
      'a',
      'for (let i = 0; i < 100000; i++) console.log("linha " + i)',
    );
    const text = outputs.flatMap((o) => (o.type === 'text' ? [o.text] : [])).join('\n');
    expect(text.length).toBeLessThanOrEqual(200_000);
    const omitted = outputs.find((o) => o.type === 'omitted');
    expect(omitted?.type === 'omitted' && omitted.lines).toBe(100000 - text.split('\n').length);
  });

  const bad: [string, string, string, number][] = [
    ['syntax', 'const x = = 1', 'syntax', 1],
    ['thrown', 'throw new Error("falhou")', 'other', 1],
    ['rejected', 'await Promise.reject(new TypeError("não"))', 'type', 1],
    ['reference', 'const a = 1\nnaoExiste + a', 'reference', 2],
    ['shape', 'tf.add(tf.ones([2, 3]), tf.ones([4]))', 'shape', 1],
    ['config', 'tf.layers.dense({ units: 2, activation: "nada" as any })', 'config', 1],
    ['stack', 'function f(n: number): number { return f(n + 1) + 1 }\nf(0)', 'stack-overflow', 1],
    ['memory', 'tf.zeros([100000, 100000])', 'memory', 1],
    ['browser', 'const el = document.createElement("div")', 'browser-global', 1],
    ['const', 'const k = 1\nk = 2', 'const-assign', 2],
    ['local const', 'function f() { const j = 1; j = 2 }\nf()', 'const-assign', 1],
  ];
  it.each(bad)(
    'reports %s errors in the cell with their kind and line, then keeps working',
    async (_, source, kind, line) => {
      const { run } = harness();
      const result = await run('bad', source);
      expect(result.status).toBe('error');
      const error = result.outputs.find((o) => o.type === 'error');
      expect(error?.type === 'error' && error.error).toMatchObject({ kind, position: { line } });
      expect(only((await run('next', '1 + 1')).outputs)).toEqual({ type: 'value', text: '2' });
    },
  );

  it('names the const another cell tried to reassign, at that cell’s line', async () => {
    const { run } = harness();
    await run('a', 'const taxa = 0.1');
    const { outputs, status } = await run('b', 'const dobro = taxa * 2\ntaxa = dobro');
    expect(status).toBe('error');
    expect(only(outputs)).toMatchObject({
      type: 'error',
      error: { kind: 'const-assign', name: 'TypeError', subject: 'taxa', position: { line: 2 } },
    });
    expect(only((await run('c', 'taxa')).outputs)).toEqual({ type: 'value', text: '0.1' });
  });

  it('names the browser global a cell tried to use', async () => {
    const { run } = harness();
    const { outputs } = await run('a', 'window.alert("oi")');
    expect(only(outputs)).toMatchObject({
      type: 'error',
      error: { kind: 'browser-global', subject: 'window' },
    });
  });
});
