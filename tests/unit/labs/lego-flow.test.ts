// The LEGO composer's pieces and shape flow (components/labs/lego/pieces.ts, flow.ts): the starting
// models a lesson points at fit or fail exactly as the lesson says, with Keras-style names and
// parameter counts, and a misfit names the layer and both shapes in pt-BR.
import { describe, expect, test } from 'vitest';
import { composeFlow, layerNames } from '../../../components/labs/lego/flow';
import {
  PIECES,
  PIECE_TYPES,
  PRESETS,
  newPiece,
  toLayerSpec,
  type Piece,
} from '../../../components/labs/lego/pieces';

const p = (type: Piece['type'], params: Piece['params'] = {}): Piece => ({
  type,
  params: { ...newPiece(type).params, ...params },
});

describe('a good model flows', () => {
  test('the CNN preset maps (amostras, 28, 28, 1) to (amostras, 10) with 5 258 parameters', () => {
    const flow = composeFlow(PRESETS.cnn.inputShape, PRESETS.cnn.pieces);
    if (!flow.ok) throw new Error(flow.message);
    expect(flow.layers.map((l) => [l.name, l.outputShape, l.params])).toEqual([
      ['conv2d_1', [null, 26, 26, 8], 8 * 9 + 8],
      ['max_pooling2d_1', [null, 13, 13, 8], 0],
      ['conv2d_2', [null, 11, 11, 16], 16 * 9 * 8 + 16],
      ['max_pooling2d_2', [null, 5, 5, 16], 0],
      ['flatten_1', [null, 400], 0],
      ['dense_1', [null, 10], 400 * 10 + 10],
    ]);
    expect(flow.params).toBe(80 + 1168 + 4010);
    expect(flow.message).toBe('Todas as peças encaixam: (amostras, 28, 28, 1) → (amostras, 10).');
  });

  test('the MLP and LSTM presets fit too', () => {
    const mlp = composeFlow(PRESETS.mlp.inputShape, PRESETS.mlp.pieces);
    expect(mlp.ok && mlp.params).toBe(2 * 8 + 8 + (8 * 8 + 8) + (8 * 2 + 2));
    const lstm = composeFlow(PRESETS.lstm.inputShape, PRESETS.lstm.pieces);
    // LSTM: 4 gates × units × (inputs + units + 1); then Dense(1) on 16 units.
    expect(lstm.ok && lstm.params).toBe(4 * 16 * (1 + 16 + 1) + 17);
    expect(lstm.ok && lstm.layers.at(-1)?.outputShape).toEqual([null, 1]);
  });

  test('a Conv1D stack over a sequence flows through pooling and flatten', () => {
    const flow = composeFlow(
      [20, 1],
      [
        p('conv1d', { filters: 4, kernelSize: 5 }),
        p('maxPooling1d'),
        p('flatten'),
        p('dropout'),
        p('dense', { units: 3 }),
      ],
    );
    if (!flow.ok) throw new Error(flow.message);
    expect(flow.layers.map((l) => l.outputShape)).toEqual([
      [null, 16, 4],
      [null, 8, 4],
      [null, 32],
      [null, 32],
      [null, 3],
    ]);
  });
});

describe('a piece that does not fit', () => {
  test('Dense right after Conv2D names the layer, both shapes and suggests Flatten', () => {
    const flow = composeFlow(PRESETS.broken.inputShape, PRESETS.broken.pieces);
    expect(flow.ok).toBe(false);
    if (flow.ok) return;
    expect(flow.failed).toBe(1);
    expect(flow.failedName).toBe('dense_1');
    expect(flow.message).toContain('A camada dense_1 esperava uma entrada de formato');
    expect(flow.message).toContain('mas recebeu (amostras, 26, 26, 8)');
    // What Dense expected: the conv output flattened, 26·26·8 = 5 408 features.
    expect(flow.message).toContain('(amostras, 5408)');
    expect(flow.message).toContain('Flatten');
  });

  test('LSTM after Dense (a missing time axis) fails without the Flatten hint', () => {
    const flow = composeFlow([4], [p('dense', { units: 8 }), p('lstm', { units: 4 })]);
    expect(flow.ok).toBe(false);
    if (flow.ok) return;
    expect(flow.failed).toBe(1);
    expect(flow.message).toContain('lstm_1');
    expect(flow.message).toContain('mas recebeu (amostras, 8)');
    expect(flow.message).not.toContain('Flatten');
  });

  test('a 5×5 kernel on a 2×2 image asks for at least 5×5, in pt-BR, without throwing', () => {
    const flow = composeFlow([2, 2, 1], [p('conv2d', { kernelSize: 5 })]);
    expect(flow.ok).toBe(false);
    if (flow.ok) return;
    expect(flow.failed).toBe(0);
    expect(flow.message).toBe(
      'A camada conv2d_1 esperava uma entrada de formato (amostras, 5, 5, 1), mas recebeu (amostras, 2, 2, 1).',
    );
  });
});

describe('pieces', () => {
  test('names count per type, as Keras does', () => {
    expect(layerNames(PRESETS.cnn.pieces)).toEqual([
      'conv2d_1',
      'max_pooling2d_1',
      'conv2d_2',
      'max_pooling2d_2',
      'flatten_1',
      'dense_1',
    ]);
  });

  test('every piece type becomes the core spec with its own type and default numbers', () => {
    for (const type of PIECE_TYPES) {
      const spec = toLayerSpec(newPiece(type));
      expect(spec.type).toBe(type);
      for (const field of PIECES[type].fields) {
        const value = (spec as unknown as Record<string, number>)[field.key];
        expect(value).toBeGreaterThanOrEqual(field.min);
        expect(value).toBeLessThanOrEqual(field.max);
      }
    }
    expect(toLayerSpec(p('conv2d', { filters: 12, kernelSize: 5 }))).toMatchObject({
      type: 'conv2d',
      filters: 12,
      kernelSize: 5,
    });
  });

  test('newPiece hands out fresh defaults: editing one piece leaves the next one alone', () => {
    const edited = newPiece('dense');
    edited.params.units = 99;
    expect(newPiece('dense').params).toEqual({ units: 16 });
  });
});
