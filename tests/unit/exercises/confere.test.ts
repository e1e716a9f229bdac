import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { confere, ConfereError } from '../../../src/exercises/confere';

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

/** The pt-BR message a failing check throws (and that it is a ConfereError). */
function message(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfereError);
    return (error as Error).message;
  }
  throw new Error('the check passed');
}

/** A failure names what was expected and what was received. */
function failsWith(fn: () => void, ...parts: (string | RegExp)[]): void {
  const text = message(fn);
  expect(text).toMatch(/esperad/i);
  expect(text).toMatch(/recebid/i);
  for (const part of parts) expect(text).toMatch(part);
}

describe('confere.formato', () => {
  it('passes a tensor, a plain shape or a SymbolicTensor of the expected shape; null is any size', () => {
    expect(confere.formato(tfc.zeros([5, 12, 2]), [5, 12, 2])).toBeUndefined();
    expect(() => confere.formato([32, 8], [null, 8])).not.toThrow();
    const symbolic = tfl.layers.dense({ units: 4 }).apply(tfl.input({ shape: [3] }));
    expect(() => confere.formato(symbolic, [null, 4])).not.toThrow();
  });
  it('a wrong shape names both, in the notebook’s (code) notation', () => {
    failsWith(() => confere.formato(tfc.zeros([1]), [5, 12, 2]), '[5, 12, 2]', '[1]', '3 eixos');
    failsWith(
      () => confere.formato(tfc.zeros([5, 12, 3]), [5, null, 2]),
      '[5, null, 2]',
      '[5, 12, 3]',
    );
  });
  it('a wrong type, NaN, undefined or a disposed tensor is named as received', () => {
    failsWith(() => confere.formato(3, [2]), 'o número 3');
    failsWith(() => confere.formato(NaN, [2]), 'NaN');
    failsWith(() => confere.formato(undefined, [2]), 'undefined');
    failsWith(() => confere.formato('abc', [2]), 'o texto "abc"');
    const t = tfc.zeros([2]);
    t.dispose();
    failsWith(() => confere.formato(t, [2]), 'liberado');
  });
  it('a malformed expected shape is the check author’s mistake, said so', () => {
    expect(message(() => confere.formato(tfc.zeros([2]), 'x' as never))).toMatch(
      /chamado de forma errada/,
    );
  });
});

describe('confere.proximo', () => {
  it('passes within the tolerance, and takes a one-element tensor as its number', () => {
    expect(confere.proximo(0.7000001, 0.7)).toBeUndefined();
    expect(() => confere.proximo(0.71, 0.7, 0.02)).not.toThrow();
    expect(() => confere.proximo(tfc.scalar(2), 2)).not.toThrow();
  });
  it('out of tolerance: expected, tolerance and received as code', () => {
    failsWith(() => confere.proximo(0.8, 0.7, 0.01), '0.7', '0.01', '0.8');
  });
  it('NaN, a string, a bigger tensor and undefined fail with what they are', () => {
    failsWith(() => confere.proximo(NaN, 0.7), 'NaN');
    failsWith(() => confere.proximo('0.7', 0.7), 'o texto "0.7"');
    failsWith(() => confere.proximo(tfc.zeros([2]), 0), 'tensor de formato [2]');
    failsWith(() => confere.proximo(undefined, 1), 'undefined');
  });
  it('a negative or NaN tolerance is the author’s mistake', () => {
    expect(message(() => confere.proximo(1, 1, -1))).toMatch(/tolerância/);
    expect(message(() => confere.proximo(1, 1, NaN))).toMatch(/tolerância/);
  });
});

describe('confere.tensorProximo', () => {
  it('passes the same shape with every element within tolerance, or a scalar for all', () => {
    expect(
      confere.tensorProximo(
        tfc.tensor([
          [1, 2],
          [3, 4.00001],
        ]),
        [
          [1, 2],
          [3, 4],
        ],
      ),
    ).toBeUndefined();
    expect(() => confere.tensorProximo(tfc.ones([2, 3]), 1)).not.toThrow();
  });
  it('the first wrong element is named by its position, expected and received', () => {
    failsWith(
      () =>
        confere.tensorProximo(
          tfc.tensor([
            [1, 2],
            [3, 5],
          ]),
          [
            [1, 2],
            [3, 4],
          ],
        ),
      'posição [1, 1]',
      'esperado 4',
      'recebido 5',
    );
  });
  it('a wrong shape fails as confere.formato does', () => {
    failsWith(() => confere.tensorProximo(tfc.tensor([9, 9, 8, 10]), [9, 7, 10]), '[3]', '[4]');
  });
  it('NaN in the tensor, a plain array or a number instead of a tensor fail clearly', () => {
    failsWith(() => confere.tensorProximo(tfc.tensor([1, NaN]), [1, 2]), 'NaN');
    failsWith(() => confere.tensorProximo([1, 2], [1, 2]), 'a lista [1, 2]');
    failsWith(() => confere.tensorProximo(3, 3), 'o número 3');
  });
  it('a ragged expected list is the author’s mistake', () => {
    expect(message(() => confere.tensorProximo(tfc.zeros([2, 2]), [[1, 2], [3]]))).toMatch(
      /chamado de forma errada/,
    );
  });
});

describe('confere.igual', () => {
  it('passes deep-equal numbers, strings, arrays and objects (NaN equals NaN)', () => {
    expect(confere.igual({ a: [1, 'x'], b: 2 }, { a: [1, 'x'], b: 2 })).toBeUndefined();
    expect(() => confere.igual(NaN, NaN)).not.toThrow();
    expect(() => confere.igual([3, 4], [3, 4])).not.toThrow();
  });
  it('names where the values first differ, and both values', () => {
    failsWith(
      () => confere.igual([1, 3], [1, 2]),
      'em [1]',
      'esperado o número 2',
      'recebido o número 3',
    );
    failsWith(() => confere.igual({ units: 4 }, { units: 8 }), 'em units', '8', '4');
    failsWith(() => confere.igual([1, 2, 3], [1, 2]), '[1, 2]', '[1, 2, 3]');
  });
  it('wrong types: a string for a number, NaN for a number, a tensor for a list', () => {
    failsWith(() => confere.igual('2', 2), 'o texto "2"', 'o número 2');
    failsWith(() => confere.igual(NaN, 2), 'NaN');
    failsWith(() => confere.igual(tfc.tensor([1, 2]), [1, 2]), 'tensor', 'arraySync');
  });
});

describe('confere.camada', () => {
  it('passes a layer whose class and config match; kernelSize 3 is [3, 3]', () => {
    const conv = tfl.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu' });
    expect(
      confere.camada(conv, {
        classe: 'Conv2D',
        filters: 8,
        kernelSize: 3,
        activation: 'relu',
        padding: 'valid',
      }),
    ).toBeUndefined();
    const dense = tfl.layers.dense({ units: 5 });
    dense.apply(tfl.input({ shape: [4] }));
    expect(() =>
      confere.camada(dense, { classe: 'Dense', units: 5, parametros: 25, formatoSaida: [null, 5] }),
    ).not.toThrow();
  });
  it('a wrong class, option, count or output shape names expected and received', () => {
    const dense = tfl.layers.dense({ units: 8, activation: 'relu' });
    failsWith(() => confere.camada(dense, { classe: 'Conv2D' }), 'Conv2D', 'Dense');
    failsWith(() => confere.camada(dense, { units: 4 }), 'units', 'esperado 4', 'recebido 8');
    failsWith(() => confere.camada(dense, { activation: 'sigmoid' }), '"sigmoid"', '"relu"');
    dense.apply(tfl.input({ shape: [3] }));
    failsWith(() => confere.camada(dense, { parametros: 10 }), 'esperado 10', 'recebido 32');
    failsWith(() => confere.camada(dense, { formatoSaida: [null, 4] }), '[null, 4]', '[null, 8]');
  });
  it('an unbuilt layer has no parameter count or output shape yet, and says so', () => {
    failsWith(
      () => confere.camada(tfl.layers.dense({ units: 2 }), { parametros: 6 }),
      'não construída',
    );
    failsWith(
      () => confere.camada(tfl.layers.dense({ units: 2 }), { formatoSaida: [null, 2] }),
      'não ligada',
    );
  });
  it('not a layer: a tensor, a number or undefined', () => {
    failsWith(() => confere.camada(tfc.zeros([2]), { units: 2 }), 'tensor de formato [2]');
    failsWith(() => confere.camada(NaN, { units: 2 }), 'NaN');
    failsWith(() => confere.camada(undefined, { units: 2 }), 'undefined');
  });
});

describe('confere.parametros', () => {
  const model = () =>
    tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 16, activation: 'relu', inputShape: [10] }),
        tfl.layers.dense({ units: 8, activation: 'relu' }),
        tfl.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
  it('passes the model’s countParams()', () => {
    expect(confere.parametros(model(), 321)).toBeUndefined();
  });
  it('fails with both counts', () => {
    failsWith(() => confere.parametros(model(), 320), 'esperado 320', 'recebido 321');
  });
  it('not a model, NaN or a string', () => {
    failsWith(() => confere.parametros('modelo', 3), 'o texto "modelo"');
    failsWith(() => confere.parametros(NaN, 3), 'NaN');
    expect(message(() => confere.parametros(model(), 3.5))).toMatch(/chamado de forma errada/);
  });
});

describe('confere.perdaCaiu', () => {
  it('passes a History, a { history: { loss } } or a plain list whose last loss fell enough', async () => {
    const m = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1] })] });
    m.compile({ optimizer: tfc.train.sgd(0.05), loss: 'meanSquaredError' });
    const xs = tfc.tensor2d([[-1], [0], [1], [2], [3], [4]]);
    const ys = tfc.tensor2d([[-3], [-1], [1], [3], [5], [7]]);
    const history = await m.fit(xs, ys, { epochs: 100, batchSize: 6, verbose: 0 });
    expect(confere.perdaCaiu(history, 0.1)).toBeUndefined();
    expect(() => confere.perdaCaiu({ history: { loss: [1, 0.4] } })).not.toThrow();
    expect(() => confere.perdaCaiu([2, 1, 0.5], 0.25)).not.toThrow();
  });
  it('a loss that did not fall enough: the limit and the last loss, with the percentage', () => {
    failsWith(
      () => confere.perdaCaiu([1, 0.9, 0.8]),
      '50%',
      'no máximo 0.5',
      'recebido 0.8',
      '80%',
    );
  });
  it('NaN or Infinity anywhere is a diverged training', () => {
    failsWith(() => confere.perdaCaiu([1, NaN, 0.1]), 'recebido NaN na época 2', 'divergiu');
    failsWith(() => confere.perdaCaiu([1, Infinity]), 'Infinity');
  });
  it('wrong types and too short histories', () => {
    failsWith(() => confere.perdaCaiu(3), 'o número 3');
    failsWith(() => confere.perdaCaiu([1]), 'uma só perda');
    failsWith(() => confere.perdaCaiu([]), 'vazio');
    failsWith(() => confere.perdaCaiu(['1', '0.1']), 'o texto "1"');
  });
});

describe('confere.verdadeiro', () => {
  it('passes true, fails false with the author’s message', () => {
    expect(confere.verdadeiro(true, 'x')).toBeUndefined();
    expect(message(() => confere.verdadeiro(false, 'Esperado 8; recebido 4.'))).toBe(
      'Esperado 8; recebido 4.',
    );
  });
  it('a non-boolean (NaN, 1, undefined) fails, naming it', () => {
    failsWith(() => confere.verdadeiro(NaN, 'A condição falhou.'), 'NaN', 'true ou false');
    failsWith(() => confere.verdadeiro(1, 'A condição falhou.'), 'o número 1');
    failsWith(() => confere.verdadeiro(undefined, 'A condição falhou.'), 'undefined');
  });
  it('a missing message is the author’s mistake', () => {
    expect(message(() => confere.verdadeiro(false, ''))).toMatch(/chamado de forma errada/);
  });
});
