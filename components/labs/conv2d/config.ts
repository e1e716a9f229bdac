// The Conv2D lab's controls → a CNN spec over the packed MNIST digits, checked at the boundary.
import type { LayerSpec, ModelSpec, OptimizerSpec } from '../../../src/core/page';
import { readChoice, readIntegerList, readNumber } from '../shared/fields';
import type { SessionSetup } from '../shared/session-types';

export interface Conv2dConfig {
  /** Filters of each Conv2D layer; each is followed by 2×2 max pooling. */
  filters: number[];
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerSpec['name'];
  /** Test digit whose feature maps are drawn. */
  probe: number;
  train: number;
  test: number;
  seed: number;
}

export function readConv2dConfig(root: HTMLElement): Conv2dConfig {
  const test = Number(root.dataset['test'] ?? '500');
  return {
    filters: readIntegerList(root, 'filters', { min: 1, max: 32, minLength: 1, maxLength: 2 }),
    learningRate: readNumber(root, 'learningRate', { min: 0, max: 10, exclusiveMin: true }),
    batchSize: readNumber(root, 'batchSize', { min: 1, max: 512, integer: true }),
    optimizer: readChoice(root, 'optimizer', ['sgd', 'adam'] as const),
    probe: readNumber(root, 'probe', { min: 0, max: test - 1, integer: true }),
    train: Number(root.dataset['train'] ?? '2000'),
    test,
    seed: Number(root.dataset['seed'] ?? '1'),
  };
}

export function conv2dSpec(config: Conv2dConfig): ModelSpec {
  const layers: LayerSpec[] = [];
  for (const filters of config.filters) {
    layers.push({ type: 'conv2d', filters, kernelSize: 3, activation: 'relu' });
    layers.push({ type: 'maxPooling2d', poolSize: 2 });
  }
  layers.push({ type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' });
  return { inputShape: [28, 28, 1], layers, seed: config.seed };
}

export function conv2dSetup(config: Conv2dConfig): SessionSetup {
  return {
    model: conv2dSpec(config),
    data: {
      kind: 'mnist',
      url: `${import.meta.env.BASE_URL}data/mnist.bin.gz`,
      trainCount: config.train,
      testCount: config.test,
    },
    options: {
      optimizer: { name: config.optimizer, learningRate: config.learningRate },
      loss: 'categoricalCrossentropy',
      batchSize: config.batchSize,
      epochs: Infinity,
      seed: config.seed,
    },
    probe: config.probe,
  };
}
