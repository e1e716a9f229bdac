// Seeded 2-D classification sets for the Dense lab. Points lie roughly in [-1, 1]²; y is one-hot.
import { InvalidConfigError } from '../errors.ts';
import type { Dataset } from '../types.ts';
import { checkInteger, checkNumber, checkOneOf } from '../validate.ts';
import { oneHot } from './dataset-utils.ts';
import { createRng, type Rng } from './rng.ts';

export const POINT_SETS = ['spiral', 'moons', 'circles', 'xor', 'gaussians'] as const;
export type PointSetName = (typeof POINT_SETS)[number];

export interface PointSetOptions {
  /** Number of points, split evenly between classes. Default 200. */
  n?: number;
  /** Standard deviation of the Gaussian jitter added to each point. Default depends on the set. */
  noise?: number;
  /** Number of classes (spiral and gaussians only; the others have 2). */
  classes?: number;
  seed?: number;
}

export interface LabeledPoint {
  x: number;
  y: number;
  label: number;
}

type Generator = (rng: Rng, label: number, classes: number) => [number, number];

const spiralArm: Generator = (rng, label, classes) => {
  // Playground-style arm: radius grows with t while the angle turns 1.75 times.
  const t = rng.next();
  const angle = 1.75 * 2 * Math.PI * t + (2 * Math.PI * label) / classes;
  return [t * Math.sin(angle), t * Math.cos(angle)];
};

const moon: Generator = (rng, label) => {
  const theta = Math.PI * rng.next();
  const [x, y] =
    label === 0 ? [Math.cos(theta), Math.sin(theta)] : [1 - Math.cos(theta), 0.5 - Math.sin(theta)];
  // Centre the pair of moons ([-1, 2] × [-0.5, 1]) on the origin.
  return [(x - 0.5) / 1.5, (y - 0.25) / 1.5];
};

const circle: Generator = (rng, label) => {
  const angle = 2 * Math.PI * rng.next();
  const radius = label === 0 ? 0.9 : 0.4;
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
};

const xorCorner: Generator = (rng, label) => {
  // Label 0 in quadrants where x·y > 0; a small gap keeps the classes apart before jitter.
  const a = 0.1 + 0.9 * rng.next();
  const b = 0.1 + 0.9 * rng.next();
  const sign = rng.next() < 0.5 ? 1 : -1;
  return label === 0 ? [sign * a, sign * b] : [sign * a, -sign * b];
};

const cluster: Generator = (_rng, label, classes) => {
  const angle = (2 * Math.PI * label) / classes;
  return [0.6 * Math.cos(angle), 0.6 * Math.sin(angle)];
};

const GENERATORS: Record<PointSetName, { make: Generator; noise: number; multiClass: boolean }> = {
  spiral: { make: spiralArm, noise: 0.03, multiClass: true },
  moons: { make: moon, noise: 0.08, multiClass: false },
  circles: { make: circle, noise: 0.08, multiClass: false },
  xor: { make: xorCorner, noise: 0.05, multiClass: false },
  gaussians: { make: cluster, noise: 0.18, multiClass: true },
};

/** The points of a named set, in a seeded random order. */
export function makePoints(name: PointSetName, options: PointSetOptions = {}): LabeledPoint[] {
  const set = GENERATORS[checkOneOf('name', name, POINT_SETS)];
  const n = checkInteger('n', options.n ?? 200, 2, 100_000);
  const noise = checkNumber('noise', options.noise ?? set.noise, 0, 10);
  const defaultClasses = name === 'gaussians' ? 3 : 2;
  const classes = set.multiClass
    ? checkInteger('classes', options.classes ?? defaultClasses, 2, 10)
    : 2;
  if (!set.multiClass && options.classes !== undefined && options.classes !== 2) {
    throw new InvalidConfigError('classes', options.classes, `${name} has exactly 2 classes`);
  }
  const rng = createRng(options.seed ?? 0);
  const points: LabeledPoint[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    const [x, y] = set.make(rng, label, classes);
    points.push({ x: x + noise * rng.normal(), y: y + noise * rng.normal(), label });
  }
  return rng.shuffle(points);
}

/** Reader-supplied points (e.g. clicked on the canvas) as a dataset with one-hot labels. */
export function fromPoints(points: readonly LabeledPoint[], classes?: number): Dataset {
  if (!Array.isArray(points) || points.length === 0) {
    throw new InvalidConfigError(
      'points',
      Array.isArray(points) ? points.length : points,
      'needs at least one point',
    );
  }
  points.forEach((p, i) => checkInteger(`points[${i}].label`, p.label, 0, 9));
  const maxLabel = Math.max(...points.map((p) => p.label));
  const classCount = checkInteger('classes', classes ?? Math.max(2, maxLabel + 1), 2, 10);
  const x = new Float32Array(points.length * 2); // [n, 2]
  const labels = new Uint8Array(points.length);
  points.forEach((p, i) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new InvalidConfigError(`points[${i}]`, [p.x, p.y], 'coordinates must be finite');
    }
    labels[i] = checkInteger(`points[${i}].label`, p.label, 0, classCount - 1);
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
  });
  return {
    x,
    xShape: [2],
    y: oneHot(labels, classCount),
    yShape: [classCount],
    classes: Array.from({ length: classCount }, (_, c) => String(c)),
  };
}

/** A named 2-D set as a dataset: x [n, 2], y one-hot [n, classes]. */
export function pointSet(name: PointSetName, options: PointSetOptions = {}): Dataset {
  const classes = name === 'spiral' || name === 'gaussians' ? options.classes : 2;
  return fromPoints(makePoints(name, options), classes ?? (name === 'gaussians' ? 3 : 2));
}

export const spiral = (options?: PointSetOptions): Dataset => pointSet('spiral', options);
export const moons = (options?: PointSetOptions): Dataset => pointSet('moons', options);
export const circles = (options?: PointSetOptions): Dataset => pointSet('circles', options);
export const xor = (options?: PointSetOptions): Dataset => pointSet('xor', options);
export const gaussians = (options?: PointSetOptions): Dataset => pointSet('gaussians', options);
