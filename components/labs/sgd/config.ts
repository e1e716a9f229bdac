// The SGD lab's controls, read and checked at the boundary.
import { FieldError, readNumber } from '../shared/fields';

export interface SgdConfig {
  learningRate: number;
  batchSize: number;
  momentum: number;
}

/** The current settings, or the pt-BR message for the first bad one. */
export function readSgdConfig(root: ParentNode): SgdConfig | string {
  try {
    return {
      learningRate: readNumber(root, 'learningRate', { min: 0, max: 10, exclusiveMin: true }),
      batchSize: readNumber(root, 'batchSize', { min: 1, max: 64, integer: true }),
      momentum: readNumber(root, 'momentum', { min: 0, max: 0.99 }),
    };
  } catch (error) {
    if (error instanceof FieldError) return error.message;
    throw error;
  }
}
