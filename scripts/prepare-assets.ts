// Build-time assets, run by `npm run data` before unit tests and the site build:
//  1. public/data/mnist.bin.gz — a seeded, class-balanced subset of the `mnist` devDependency's
//     digits, packed as uint8 (layout in src/core/data/mnist-pack.ts) and gzipped, so it travels
//     compressed whatever the host (the worker unpacks it: src/core/data/gzip.ts);
//  2. public/tfjs/*.wasm — the tfjs wasm backend binaries, served next to the site;
//  3. public/data/ts-env.json.gz — the notebook cells' type environment (lib, tfjs and the kernel
//     builtins' declarations) and TypeScript's pt-BR messages, for the editor's language service.
// Each step skips work when its output is newer than every input.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeMnistPack, type MnistPart } from '../src/core/data/mnist-pack.ts';
import { createRng } from '../src/core/data/rng.ts';
import { writeTypeEnvironment } from './type-environment.ts';

const TRAIN_PER_DIGIT = 200;
const TEST_PER_DIGIT = 50;
const SEED = 2024;
const SIDE = 28;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function mtime(path: string): number {
  return existsSync(path) ? statSync(path).mtimeMs : -1;
}

function upToDate(output: string, inputs: string[]): boolean {
  const out = mtime(output);
  return out >= 0 && inputs.every((input) => mtime(input) <= out);
}

/** Every digit file holds `data`: count·784 floats in [0, 1] with three decimals. */
function loadDigit(mnistDir: string, digit: number): Float64Array {
  const json = JSON.parse(
    readFileSync(join(mnistDir, 'src', 'digits', `${digit}.json`), 'utf8'),
  ) as {
    data: number[];
  };
  return Float64Array.from(json.data);
}

function packMnist(output: string): void {
  const mnistDir = dirname(require.resolve('mnist/package.json'));
  const inputs = [
    fileURLToPath(import.meta.url),
    join(root, 'src/core/data/mnist-pack.ts'),
    join(root, 'src/core/data/rng.ts'),
    join(mnistDir, 'package.json'),
  ];
  if (upToDate(output, inputs)) {
    console.log(`mnist: up to date (${statSync(output).size} bytes)`);
    return;
  }
  const rng = createRng(SEED);
  const size = SIDE * SIDE;
  const picks: { train: { digit: number; pixels: Uint8Array }[]; test: typeof picks.train } = {
    train: [],
    test: [],
  };
  for (let digit = 0; digit < 10; digit++) {
    const raw = loadDigit(mnistDir, digit);
    const count = Math.floor(raw.length / size);
    if (count < TRAIN_PER_DIGIT + TEST_PER_DIGIT) {
      throw new Error(`mnist: only ${count} samples of digit ${digit}`);
    }
    // A seeded permutation per digit keeps classes balanced and train/test disjoint.
    const order = rng.permutation(count);
    order.forEach((index, rank) => {
      if (rank >= TRAIN_PER_DIGIT + TEST_PER_DIGIT) return;
      const pixels = new Uint8Array(size);
      for (let p = 0; p < size; p++) {
        pixels[p] = Math.round(Math.min(1, Math.max(0, raw[index * size + p] as number)) * 255);
      }
      (rank < TRAIN_PER_DIGIT ? picks.train : picks.test).push({ digit, pixels });
    });
  }
  const toPart = (items: { digit: number; pixels: Uint8Array }[]): MnistPart => {
    rng.shuffle(items);
    const pixels = new Uint8Array(items.length * size);
    const labels = new Uint8Array(items.length);
    items.forEach((item, i) => {
      pixels.set(item.pixels, i * size);
      labels[i] = item.digit;
    });
    return { pixels, labels };
  };
  const bytes = encodeMnistPack({
    rows: SIDE,
    cols: SIDE,
    train: toPart(picks.train),
    test: toPart(picks.test),
  });
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, gzipSync(bytes, { level: 9 }));
  // An older build's uncompressed pack would ship beside it, unused.
  rmSync(output.replace(/\.gz$/, ''), { force: true });
  console.log(
    `mnist: wrote ${output} (${picks.train.length} train + ${picks.test.length} test, ${bytes.length} bytes, ${statSync(output).size} gzipped)`,
  );
}

function copyWasm(outDir: string): void {
  const wasmDir = join(
    dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
    'dist',
  );
  mkdirSync(outDir, { recursive: true });
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
    const from = join(wasmDir, file);
    const to = join(outDir, file);
    if (upToDate(to, [from]) && statSync(to).size === statSync(from).size) {
      console.log(`tfjs: ${file} up to date`);
      continue;
    }
    copyFileSync(from, to);
    console.log(`tfjs: copied ${file} (${statSync(to).size} bytes)`);
  }
}

packMnist(join(root, 'public/data/mnist.bin.gz'));
copyWasm(join(root, 'public/tfjs'));
writeTypeEnvironment(root, join(root, 'public/data/ts-env.json.gz'));
