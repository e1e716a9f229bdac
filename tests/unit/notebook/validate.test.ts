import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { t, type StringKey } from '../../../src/i18n';
import { createKernel } from '../../../src/notebook/runtime/kernel';
import type { KernelEvent } from '../../../src/notebook/runtime/protocol';
import { CELL_ERROR_KINDS, readKernelEvent } from '../../../src/notebook/runtime/validate';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Cells that between them make every kind of output the kernel sends. */
const CELLS = [
  'console.log("oi", 0.5)\nconsole.warn("cuidado")',
  'for (let i = 0; i < 30000; i++) console.log("linha número " + i)',
  '({ a: [1, 2] })',
  'tf.tensor2d([[1, 2], [3, 4]])',
  'const m = anatomia.buildModel({ inputShape: [2], layers: [{ type: "dense", units: 2, activation: "softmax" }], seed: 1 })\nm',
  'display(anatomia.image(tf.ones([4, 4]), { label: "quadrado" }))\n' +
    'display(anatomia.plot.line([1, 0.5]))\ndisplay(anatomia.plot.weights(m.layers[0]))\n' +
    'display(anatomia.plot.loss([1, 0.5]))\nanatomia.plot.featureMaps(tf.ones([3, 3, 2]))',
  'const r = await anatomia.train(m, anatomia.xor({ n: 32, seed: 1 }), { optimizer: { name: "sgd", learningRate: 0.1 }, loss: "categoricalCrossentropy", batchSize: 16, epochs: 2 })\nr.state',
  'const x = = 1',
  'naoExiste + 1',
  'anatomia.buildModel({ inputShape: [2], layers: [{ type: "dense", units: -1 }] })',
];

describe('readKernelEvent', () => {
  it('accepts every event the kernel itself posts', async () => {
    const events: KernelEvent[] = [{ type: 'ready', backend: 'wasm' }, { type: 'interrupting' }];
    const kernel = createKernel((event) => events.push(event));
    for (const [i, source] of CELLS.entries()) await kernel.run(i + 1, `c${i}`, source);
    const kinds = new Set(
      events.map((e) => (e.type === 'output' ? `output:${e.output.type}` : e.type)),
    );
    // The cells did make every output type; otherwise this test would prove little.
    for (const kind of ['text', 'omitted', 'value', 'tensor', 'summary', 'image', 'chart'])
      expect(kinds).toContain(`output:${kind}`);
    for (const kind of ['training', 'error']) expect(kinds).toContain(`output:${kind}`);
    expect(kinds).toContain('training');
    const refused = events.filter((event) => readKernelEvent(structuredClone(event)) === undefined);
    expect(refused).toEqual([]);
  });

  const bad: [string, unknown][] = [
    ['not an object', 'lixo'],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['a run id that is not a positive integer', { type: 'started', run: '1' }],
    ['a fractional run id', { type: 'started', run: 1.5 }],
    ['an unknown backend', { type: 'ready', backend: 'hackeado' }],
    [
      'an unknown error kind (t() has no string for it)',
      {
        type: 'output',
        run: 1,
        output: { type: 'error', error: { kind: 'x', name: 'E', message: '' } },
      },
    ],
    [
      'an error without its message',
      { type: 'output', run: 1, output: { type: 'error', error: { kind: 'other', name: 'E' } } },
    ],
    [
      'a core error with an unknown code',
      {
        type: 'init-failed',
        error: { kind: 'core', name: 'E', message: '', core: { code: 'nope' } },
      },
    ],
    ['an unknown output type', { type: 'output', run: 1, output: { type: 'html', html: '<b>' } }],
    [
      'text of an unknown stream',
      { type: 'output', run: 1, output: { type: 'text', stream: 'x', text: '' } },
    ],
    ['a value that is not text', { type: 'output', run: 1, output: { type: 'value', text: 5 } }],
    [
      'an image whose pixels do not fill it',
      {
        type: 'output',
        run: 1,
        output: { type: 'image', width: 2, height: 2, pixels: new Uint8ClampedArray(4) },
      },
    ],
    [
      'a chart whose rows hold objects',
      {
        type: 'output',
        run: 1,
        output: {
          type: 'chart',
          spec: { chart: 'marks', mark: 'line', data: [{ x: {} }], x: 'x', y: 'y' },
        },
      },
    ],
    [
      'weights as a plain array',
      {
        type: 'output',
        run: 1,
        output: { type: 'chart', spec: { chart: 'weights', name: 'w', shape: [1], values: [1] } },
      },
    ],
    [
      'a training panel state with no string',
      { type: 'training', run: 1, update: { panel: 1, snapshot: null, state: 'hackeado' } },
    ],
    [
      'a snapshot without weights',
      {
        type: 'training',
        run: 1,
        update: {
          panel: 1,
          snapshot: { step: 1, epoch: 0, loss: 1, metrics: {} },
          state: 'training',
        },
      },
    ],
    [
      'a run status other than ok or error',
      { type: 'done', run: 1, status: 'stopped', numTensors: 0 },
    ],
    ['a tensor count as text', { type: 'done', run: 1, status: 'ok', numTensors: '0' }],
  ];
  it.each(bad)('refuses %s', (_, message) => {
    expect(readKernelEvent(message)).toBeUndefined();
  });
});

describe('error kinds', () => {
  it('every kind the boundary lets through has a pt-BR title and hint', () => {
    for (const kind of CELL_ERROR_KINDS) {
      expect(() => t(`notebook.error.${kind}` as StringKey)).not.toThrow();
      expect(() => t(`notebook.error.${kind}.hint` as StringKey)).not.toThrow();
    }
  });
});
