import { describe, expect, it } from 'vitest';
import {
  InvalidConfigError,
  ShapeMismatchError,
  inferShapes,
  type ModelSpec,
} from '../../../src/core/index.ts';
import { LESSON_CNN } from './fixtures.ts';

function mismatch(spec: ModelSpec): ShapeMismatchError {
  try {
    inferShapes(spec);
  } catch (error) {
    if (error instanceof ShapeMismatchError) return error;
    throw error;
  }
  throw new Error('no ShapeMismatchError');
}

describe('inferShapes', () => {
  it('dense({units: 3}) maps [null, 4] to [null, 3] with 4·3 + 3 parameters', () => {
    const [row] = inferShapes({ inputShape: [4], layers: [{ type: 'dense', units: 3 }] });
    expect(row).toMatchObject({
      name: 'dense_1',
      className: 'Dense',
      inputShape: [null, 4],
      outputShape: [null, 3],
      params: 15,
    });
  });

  it('follows the lesson CNN through conv, pooling and flatten', () => {
    const rows = inferShapes(LESSON_CNN);
    expect(rows.map((r) => r.outputShape)).toEqual([
      [null, 26, 26, 8],
      [null, 13, 13, 8],
      [null, 11, 11, 16],
      [null, 5, 5, 16],
      [null, 400],
      [null, 10],
    ]);
    expect(rows.map((r) => r.params)).toEqual([80, 0, 1168, 0, 0, 4010]);
    expect(rows.map((r) => r.name)).toEqual([
      'conv2d_1',
      'max_pooling2d_1',
      'conv2d_2',
      'max_pooling2d_2',
      'flatten_1',
      'dense_1',
    ]);
  });

  it('handles same padding, strides, conv1d, pooling1d and LSTM sequences', () => {
    const rows = inferShapes({
      inputShape: [20, 3],
      layers: [
        { type: 'conv1d', filters: 4, kernelSize: 5, padding: 'same', strides: 2 },
        { type: 'maxPooling1d', poolSize: 2 },
        { type: 'lstm', units: 6, returnSequences: true },
        { type: 'lstm', units: 5 },
        { type: 'dropout', rate: 0.2 },
        { type: 'myDense', units: 2 },
      ],
    });
    expect(rows.map((r) => r.outputShape)).toEqual([
      [null, 10, 4],
      [null, 5, 4],
      [null, 5, 6],
      [null, 5],
      [null, 5],
      [null, 2],
    ]);
    expect(rows.map((r) => r.params)).toEqual([
      5 * 3 * 4 + 4,
      0,
      4 * 6 * (4 + 6 + 1),
      4 * 5 * (6 + 5 + 1),
      0,
      12,
    ]);
  });

  it('Dense after Conv2D without Flatten names both shapes', () => {
    const layers = LESSON_CNN.layers.filter((l) => l.type !== 'flatten');
    const error = mismatch({ ...LESSON_CNN, layers });
    expect(error.data).toEqual({
      code: 'shape-mismatch',
      layer: 'dense_1',
      expected: [null, 400],
      received: [null, 5, 5, 16],
    });
    expect(error.message).toContain('[null, 400]');
    expect(error.message).toContain('[null, 5, 5, 16]');
  });

  it('Conv2D on flat data, LSTM on rank 2 and Flatten on rank 2 are mismatches', () => {
    expect(
      mismatch({ inputShape: [784], layers: [{ type: 'conv2d', filters: 2, kernelSize: 3 }] }).data,
    ).toMatchObject({
      layer: 'conv2d_1',
      expected: [null, null, null, 784],
      received: [null, 784],
    });
    expect(mismatch({ inputShape: [8], layers: [{ type: 'lstm', units: 4 }] }).data).toMatchObject({
      expected: [null, null, 8],
      received: [null, 8],
    });
    expect(mismatch({ inputShape: [8], layers: [{ type: 'flatten' }] }).data).toMatchObject({
      layer: 'flatten_1',
      received: [null, 8],
    });
  });

  it('a kernel larger than its input is a mismatch showing the smallest input that fits', () => {
    const error = mismatch({
      inputShape: [4, 4, 1],
      layers: [{ type: 'conv2d', filters: 2, kernelSize: 5, name: 'big' }],
    });
    expect(error.data).toMatchObject({
      layer: 'big',
      expected: [null, 5, 5, 1],
      received: [null, 4, 4, 1],
    });
  });

  it('rejects bad fields naming the field and what was received', () => {
    const fieldOf = (spec: unknown): unknown => {
      try {
        inferShapes(spec as ModelSpec);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidConfigError);
        return (error as InvalidConfigError).data;
      }
      return null;
    };
    expect(fieldOf({ inputShape: [2], layers: [{ type: 'dense', units: -3 }] })).toMatchObject({
      field: 'layers[0].units',
      received: -3,
    });
    expect(
      fieldOf({ inputShape: [2], layers: [{ type: 'dense', units: 2, activation: 'swish' }] }),
    ).toMatchObject({
      field: 'layers[0].activation',
      received: 'swish',
    });
    expect(fieldOf({ inputShape: [0], layers: [{ type: 'flatten' }] })).toMatchObject({
      field: 'inputShape[0]',
    });
    expect(fieldOf({ inputShape: [2], layers: [] })).toMatchObject({ field: 'layers' });
    expect(fieldOf({ inputShape: [2], layers: [{ type: 'gru', units: 2 }] })).toMatchObject({
      field: 'layers[0].type',
      received: 'gru',
    });
    expect(
      fieldOf({
        inputShape: [2],
        layers: [
          { type: 'dense', units: 2, name: 'a' },
          { type: 'dense', units: 2, name: 'a' },
        ],
      }),
    ).toMatchObject({ field: 'layers[1].name', received: 'a' });
  });
});
