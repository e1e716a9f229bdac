// TrainOptions checked once, at train(): InvalidConfigError names the field and what was received;
// data that doesn't fit the model raises ShapeMismatchError with both shapes.
import type * as tfl from '@tensorflow/tfjs-layers';
import { checkDataset } from '../data/dataset-utils.ts';
import { InvalidConfigError, ShapeMismatchError } from '../errors.ts';
import type { Dataset, LossName, TrainOptions } from '../types.ts';
import { checkInteger, checkNumber, checkOneOf, checkPositive } from '../validate.ts';

const LOSSES = [
  'categoricalCrossentropy',
  'binaryCrossentropy',
  'meanSquaredError',
] as const satisfies readonly LossName[];

export interface CheckedOptions {
  loss: LossName;
  batchSize: number;
  epochs: number;
  seed: number;
  snapshotHz: number;
  stepsPerSecond: number;
  count: number;
  validationCount: number;
}

function checkFits(model: tfl.LayersModel, data: Dataset, field: string): void {
  const input = model.inputs[0]?.shape ?? [];
  const xShape = [null, ...data.xShape];
  if (input.length !== xShape.length || input.some((dim, i) => dim !== null && dim !== xShape[i])) {
    throw new ShapeMismatchError(model.layers[0]?.name ?? 'input', input.slice(), xShape);
  }
  const output = model.outputs[0]?.shape ?? [];
  const yShape = [null, ...data.yShape];
  if (
    output.length !== yShape.length ||
    output.some((dim, i) => dim !== null && dim !== yShape[i])
  ) {
    throw new ShapeMismatchError(
      model.layers[model.layers.length - 1]?.name ?? field,
      output.slice(),
      yShape,
    );
  }
}

export function checkTrainOptions(
  model: tfl.LayersModel,
  data: Dataset,
  options: TrainOptions,
): CheckedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidConfigError('options', options, 'must be an object');
  }
  const loss = checkOneOf('loss', options.loss, LOSSES);
  const batchSize = checkInteger('batchSize', options.batchSize, 1, 65_536);
  const epochs = options.epochs === Infinity ? Infinity : checkInteger('epochs', options.epochs, 1);
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed)) throw new InvalidConfigError('seed', seed, 'must be an integer');
  const snapshotHz = checkNumber('snapshotHz', options.snapshotHz ?? 30, 0, 1000);
  const stepsPerSecond = checkSpeed(options.stepsPerSecond);
  const count = checkDataset('data', data);
  checkFits(model, data, 'data');
  let validationCount = 0;
  if (options.validation) {
    validationCount = checkDataset('validation', options.validation);
    checkFits(model, options.validation, 'validation');
  }
  if (options.probe !== undefined) {
    const size = data.xShape.reduce((a, b) => a * b, 1);
    if (!(options.probe instanceof Float32Array) || options.probe.length !== size) {
      const received = options.probe instanceof Float32Array ? [options.probe.length] : [null];
      throw new ShapeMismatchError('probe', [size], received);
    }
  }
  if (model.trainableWeights.length === 0) {
    throw new InvalidConfigError('model', model.name, 'has no trainable weights');
  }
  return { loss, batchSize, epochs, seed, snapshotHz, stepsPerSecond, count, validationCount };
}

/** A training speed in optimizer steps per second: > 0, Infinity for "as fast as possible". */
export function checkSpeed(value: unknown): number {
  if (value === undefined || value === Infinity) return Infinity;
  return checkPositive('stepsPerSecond', value);
}
