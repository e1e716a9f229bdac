import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  InvalidConfigError,
  fromPoints,
  makePoints,
  parseMnistPack,
  pointSet,
  POINT_SETS,
  sine,
  splitDataset,
  waveforms,
  createRng,
} from '../../../src/core/index.ts';

function classCounts(y: Float32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < y.length; i += classes) {
    const row = Array.from(y.subarray(i, i + classes));
    counts[row.indexOf(1)]! += 1;
  }
  return counts;
}

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('draws normals with mean ≈ 0 and variance ≈ 1', () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('makes permutations holding every index once', () => {
    const perm = Array.from(createRng(3).permutation(100)).sort((p, q) => p - q);
    expect(perm).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('2-D point sets', () => {
  it.each(POINT_SETS)('%s: seeded, one-hot, balanced, inside [-2, 2]²', (name) => {
    const data = pointSet(name, { n: 300, seed: 5 });
    const again = pointSet(name, { n: 300, seed: 5 });
    const other = pointSet(name, { n: 300, seed: 6 });
    expect(data.xShape).toEqual([2]);
    expect(data.x.length).toBe(600);
    expect(data.x).toEqual(again.x);
    expect(data.x).not.toEqual(other.x);
    const classes = data.yShape[0]!;
    const counts = classCounts(data.y, classes);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(300);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(Math.max(...Array.from(data.x, Math.abs))).toBeLessThan(2);
  });

  it('spiral and gaussians take a class count', () => {
    expect(pointSet('spiral', { classes: 3 }).yShape).toEqual([3]);
    expect(pointSet('gaussians', { classes: 4 }).yShape).toEqual([4]);
  });

  it('rejects bad options naming the field and what was received', () => {
    expect(() => makePoints('spiral', { n: -3 })).toThrow(InvalidConfigError);
    try {
      makePoints('moons', { noise: Number.NaN });
    } catch (error) {
      expect((error as InvalidConfigError).data).toMatchObject({
        code: 'invalid-config',
        field: 'noise',
      });
    }
    expect(() => makePoints('moons', { classes: 3 })).toThrow(/classes/);
    expect(() => makePoints('heart' as 'spiral')).toThrow(/name/);
  });

  it('fromPoints turns clicked points into a one-hot dataset', () => {
    const data = fromPoints([
      { x: 0.1, y: 0.2, label: 0 },
      { x: -0.5, y: 0.4, label: 2 },
    ]);
    expect(data.x).toEqual(new Float32Array([0.1, 0.2, -0.5, 0.4]));
    expect(data.yShape).toEqual([3]);
    expect(Array.from(data.y)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(() => fromPoints([])).toThrow(InvalidConfigError);
    expect(() => fromPoints([{ x: Number.POSITIVE_INFINITY, y: 0, label: 0 }])).toThrow(
      /points\[0\]/,
    );
    expect(() => fromPoints([{ x: 0, y: 0, label: 1.5 }])).toThrow(/label/);
  });
});

describe('sequence sets', () => {
  it('sine: windows [n, steps, 1] → next value, seeded', () => {
    const data = sine({ n: 64, steps: 12, seed: 2 });
    expect(data.xShape).toEqual([12, 1]);
    expect(data.yShape).toEqual([1]);
    expect(data.x.length).toBe(64 * 12);
    expect(data.y.length).toBe(64);
    expect(data.x).toEqual(sine({ n: 64, steps: 12, seed: 2 }).x);
    // Without noise the next value continues the sine: it lies in [-1, 1].
    const clean = sine({ n: 32, noise: 0, seed: 1 });
    expect(Math.max(...Array.from(clean.y, Math.abs))).toBeLessThanOrEqual(1);
  });

  it('waveforms: three balanced classes of rank-3 sequences', () => {
    const data = waveforms({ n: 90, steps: 16, seed: 4 });
    expect(data.xShape).toEqual([16, 1]);
    expect(data.classes).toEqual(['sine', 'square', 'sawtooth']);
    expect(classCounts(data.y, 3)).toEqual([30, 30, 30]);
  });

  it('rejects a bad step count', () => {
    expect(() => sine({ steps: 0 })).toThrow(/steps/);
  });
});

describe('splitDataset', () => {
  it('splits without losing or repeating samples, seeded', () => {
    const data = pointSet('moons', { n: 100, seed: 1 });
    const { train, test } = splitDataset(data, { testFraction: 0.25, seed: 3 });
    expect(train.x.length / 2).toBe(75);
    expect(test.x.length / 2).toBe(25);
    const key = (x: Float32Array, i: number) => `${x[2 * i]},${x[2 * i + 1]}`;
    const all = new Set([
      ...Array.from({ length: 75 }, (_, i) => key(train.x, i)),
      ...Array.from({ length: 25 }, (_, i) => key(test.x, i)),
    ]);
    expect(all.size).toBe(100);
    expect(splitDataset(data, { testFraction: 0.25, seed: 3 }).test.x).toEqual(test.x);
  });

  it('refuses a fraction that leaves a part empty', () => {
    expect(() => splitDataset(pointSet('xor', { n: 4 }), { testFraction: 0.01 })).toThrow(
      /testFraction/,
    );
  });
});

describe('packed MNIST', () => {
  const file = gunzipSync(
    readFileSync(new URL('../../../public/data/mnist.bin.gz', import.meta.url)),
  );
  const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);

  it('holds 2,000 training and 500 test digits, normalized, balanced, one-hot', () => {
    const { train, test } = parseMnistPack(buffer);
    expect(train.xShape).toEqual([28, 28, 1]);
    expect(train.x.length).toBe(2000 * 784);
    expect(test.x.length).toBe(500 * 784);
    expect(train.classes).toHaveLength(10);
    expect(classCounts(train.y, 10)).toEqual(new Array(10).fill(200));
    expect(classCounts(test.y, 10)).toEqual(new Array(10).fill(50));
    let max = 0;
    let ink = 0;
    for (const v of train.x) {
      max = Math.max(max, v);
      if (v > 0.5) ink++;
    }
    expect(max).toBe(1);
    // Digits are mostly background: roughly 10–25% of pixels carry ink.
    expect(ink / train.x.length).toBeGreaterThan(0.05);
    expect(ink / train.x.length).toBeLessThan(0.3);
  });

  it('rejects a file that is not a pack', () => {
    expect(() => parseMnistPack(new ArrayBuffer(8))).toThrow(InvalidConfigError);
    const broken = buffer.slice(0, buffer.byteLength - 1);
    expect(() => parseMnistPack(broken)).toThrow(/bytes expected/);
  });
});
