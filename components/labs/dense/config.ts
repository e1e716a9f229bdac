// The Dense lab's controls → a model spec, a data source and train options, checked at the boundary.
import type { Activation, ModelSpec, OptimizerSpec, PointSetName } from '../../../src/core/page';
import { FieldError, readChoice, readIntegerList, readNumber } from '../shared/fields';
import type { DataSource, SessionSetup } from '../shared/session-types';

export const DENSE_SETS = ['circles', 'xor', 'gaussians', 'moons', 'spiral', 'custom'] as const;
export type DenseSet = (typeof DENSE_SETS)[number];
const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;

export interface DenseConfig {
  dataset: DenseSet;
  hidden: number[];
  activation: Activation;
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerSpec['name'];
  /** From the root's data attributes (component props), not from controls. */
  points: number;
  seed: number;
}

/** Reads every control; throws FieldError with the pt-BR message for the first bad one. */
export function readDenseConfig(root: HTMLElement): DenseConfig {
  return {
    dataset: readChoice(root, 'dataset', DENSE_SETS),
    hidden: readIntegerList(root, 'hidden', { min: 1, max: 64, maxLength: 6 }),
    activation: readChoice(root, 'activation', ACTIVATIONS),
    learningRate: readNumber(root, 'learningRate', { min: 0, max: 10, exclusiveMin: true }),
    batchSize: readNumber(root, 'batchSize', { min: 1, max: 1000, integer: true }),
    optimizer: readChoice(root, 'optimizer', ['sgd', 'adam'] as const),
    points: Number(root.dataset['points'] ?? '500'),
    seed: Number(root.dataset['seed'] ?? '1'),
  };
}

export { FieldError };

export function classCount(config: DenseConfig, customClasses: number): number {
  if (config.dataset === 'custom') return customClasses;
  // The core's defaults: three Gaussian clusters, two classes for every other set.
  return config.dataset === 'gaussians' ? 3 : 2;
}

export function denseSetup(
  config: DenseConfig,
  custom: DataSource & { kind: 'custom' },
): SessionSetup {
  const classes = classCount(config, custom.classes);
  const model: ModelSpec = {
    inputShape: [2],
    layers: [
      ...config.hidden.map((units) => ({
        type: 'dense' as const,
        units,
        activation: config.activation,
      })),
      { type: 'dense', units: classes, activation: 'softmax' },
    ],
    seed: config.seed,
  };
  const data: DataSource =
    config.dataset === 'custom'
      ? custom
      : {
          kind: 'points',
          name: config.dataset as PointSetName,
          options: { n: config.points, seed: config.seed },
          testFraction: 0.5,
        };
  const optimizer: OptimizerSpec =
    config.optimizer === 'adam'
      ? { name: 'adam', learningRate: config.learningRate }
      : { name: 'sgd', learningRate: config.learningRate };
  return {
    model,
    data,
    options: {
      optimizer,
      loss: 'categoricalCrossentropy',
      batchSize: config.batchSize,
      epochs: Infinity,
      seed: config.seed,
    },
  };
}

/** The activation of each Dense layer in order (hidden ones, then the softmax output). */
export function layerActivations(config: DenseConfig): Activation[] {
  return [...config.hidden.map(() => config.activation), 'softmax'];
}
