// How a thrown error becomes the kind a cell words in pt-BR: memory failures from every place they
// come from (a typed array, V8's allocator, the wasm backend's heap) read as "Memória insuficiente",
// and a RangeError that is not about memory keeps its own kind.
import { describe, expect, test } from 'vitest';
import { toCellError } from '../../../src/notebook/runtime/errors';

describe('toCellError', () => {
  test.each([
    ['typed array', new RangeError('Invalid typed array length: 10000000000')],
    ['array buffer', new RangeError('Array buffer allocation failed')],
    ['wasm heap that could not grow', new RangeError('offset is out of bounds')],
  ])('a %s failure is a memory error', (_, error) => {
    expect(toCellError(error, undefined).kind).toBe('memory');
  });

  test('other RangeErrors are not memory errors', () => {
    expect(toCellError(new RangeError('Maximum call stack size exceeded'), undefined).kind).toBe(
      'stack-overflow',
    );
    expect(
      toCellError(new RangeError('Start offset 99 is outside the bounds of the buffer'), undefined)
        .kind,
    ).not.toBe('memory');
  });
});
