// Seeded sequence sets for the LSTM lesson: rank-3 x of shape [n, steps, 1].
import type { Dataset } from '../types.ts';
import { checkInteger, checkNumber, checkOneOf } from '../validate.ts';
import { oneHot } from './dataset-utils.ts';
import { createRng } from './rng.ts';

export const SEQUENCE_SETS = ['sine', 'waveforms'] as const;
export type SequenceSetName = (typeof SEQUENCE_SETS)[number];

export interface SequenceSetOptions {
  /** Number of sequences. Default 512 (sine) or 300 (waveforms). */
  n?: number;
  /** Time steps per sequence. Default 20. */
  steps?: number;
  /** Standard deviation of the Gaussian noise on every value. Default 0.1. */
  noise?: number;
  /** Shortest and longest period, in time steps. Defaults 10 and 30. */
  minPeriod?: number;
  maxPeriod?: number;
  seed?: number;
}

function readOptions(options: SequenceSetOptions, defaultN: number) {
  const minPeriod = checkNumber('minPeriod', options.minPeriod ?? 10, 2, 1000);
  return {
    n: checkInteger('n', options.n ?? defaultN, 1, 100_000),
    steps: checkInteger('steps', options.steps ?? 20, 2, 1000),
    noise: checkNumber('noise', options.noise ?? 0.1, 0, 10),
    minPeriod,
    maxPeriod: checkNumber('maxPeriod', options.maxPeriod ?? 30, minPeriod, 1000),
    rng: createRng(options.seed ?? 0),
  };
}

/**
 * Noisy sine forecasting: each sample is a window of `steps` noisy values of a sine with a random
 * period and phase; the target is the next noisy value. x [n, steps, 1], y [n, 1].
 * With noise σ the best possible mean squared error is σ² (the noise on the target).
 */
export function sine(options: SequenceSetOptions = {}): Dataset {
  const { n, steps, noise, minPeriod, maxPeriod, rng } = readOptions(options, 512);
  const x = new Float32Array(n * steps);
  const y = new Float32Array(n);
  for (let s = 0; s < n; s++) {
    const omega = (2 * Math.PI) / rng.uniform(minPeriod, maxPeriod);
    const phase = rng.uniform(0, 2 * Math.PI);
    for (let t = 0; t <= steps; t++) {
      const value = Math.sin(omega * t + phase) + noise * rng.normal();
      if (t < steps) x[s * steps + t] = value;
      else y[s] = value;
    }
  }
  return { x, xShape: [steps, 1], y, yShape: [1] };
}

export const WAVEFORM_CLASSES = ['sine', 'square', 'sawtooth'] as const;

/**
 * Sequence classification: which wave made this noisy window — sine, square or sawtooth?
 * x [n, steps, 1], y one-hot [n, 3]. Random period and phase per sample.
 */
export function waveforms(options: SequenceSetOptions = {}): Dataset {
  const { n, steps, noise, minPeriod, maxPeriod, rng } = readOptions(options, 300);
  const x = new Float32Array(n * steps);
  const labels = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const label = s % 3;
    labels[s] = label;
    const period = rng.uniform(minPeriod, maxPeriod);
    const phase = rng.next();
    for (let t = 0; t < steps; t++) {
      const cycle = (t / period + phase) % 1; // position in the period, [0, 1)
      const clean =
        label === 0
          ? Math.sin(2 * Math.PI * cycle)
          : label === 1
            ? cycle < 0.5
              ? 1
              : -1
            : 2 * cycle - 1;
      x[s * steps + t] = clean + noise * rng.normal();
    }
  }
  return {
    x,
    xShape: [steps, 1],
    y: oneHot(labels, 3),
    yShape: [3],
    classes: [...WAVEFORM_CLASSES],
  };
}

export function sequenceSet(name: SequenceSetName, options: SequenceSetOptions = {}): Dataset {
  return checkOneOf('name', name, SEQUENCE_SETS) === 'sine' ? sine(options) : waveforms(options);
}
