import type { ModelSpec } from '../../../src/core/index.ts';

/** The lesson CNN (lesson 7): conv 8 → pool → conv 16 → pool → flatten → dense 10 softmax. */
export const LESSON_CNN: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 8, kernelSize: 3, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'conv2d', filters: 16, kernelSize: 3, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
