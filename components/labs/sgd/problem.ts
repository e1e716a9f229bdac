// The SGD lab's two problems, seeded and pure (they run in the page and in the lab's worker alike):
//  - "path": ŷ = w1·x + w2, a Dense(1) layer on one feature — its kernel and bias are the two
//    parameters whose loss landscape is drawn;
//  - "panel": a Dense(3) layer on four features fitting a hidden linear map, whose 4×3 kernel shows
//    ∇w, −η·∇w and the new w.
// x is drawn from [0.5, 2.5], not centred on 0: that tilts and stretches the bowl into a valley, so
// too large a learning rate zig-zags and momentum overshoots where the reader can see it.
import { createRng } from '../../../src/core/page';

export interface Regression {
  /** [n, features] */
  x: Float32Array;
  /** [n, outputs] */
  y: Float32Array;
  n: number;
  features: number;
  outputs: number;
}

export const PATH_TRUE = { w1: 1.5, w2: -1 };
export const PATH_START: [number, number] = [-2, 3];
/** The landscape's window: w1 across, w2 up. */
export const PATH_DOMAIN = { w1: [-3, 4] as [number, number], w2: [-4, 4] as [number, number] };

export function pathProblem(seed = 5, n = 64): Regression {
  const rng = createRng(seed);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.uniform(0.5, 2.5);
    y[i] = PATH_TRUE.w1 * (x[i] as number) + PATH_TRUE.w2 + 0.3 * rng.normal();
  }
  return { x, y, n, features: 1, outputs: 1 };
}

export function panelProblem(seed = 6, n = 64): Regression {
  const rng = createRng(seed);
  const features = 4;
  const outputs = 3;
  const teacher = Float32Array.from({ length: features * outputs }, () => rng.uniform(-1, 1)); // [4, 3]
  const x = Float32Array.from({ length: n * features }, () => rng.normal()); // [n, 4]
  const y = new Float32Array(n * outputs); // [n, 3]
  for (let s = 0; s < n; s++) {
    for (let o = 0; o < outputs; o++) {
      let sum = 0;
      for (let f = 0; f < features; f++)
        sum += (x[s * features + f] as number) * (teacher[f * outputs + o] as number);
      y[s * outputs + o] = sum + 0.1 * rng.normal();
    }
  }
  return { x, y, n, features, outputs };
}

/** Mean squared error of ŷ = w1·x + w2 over the whole path problem. */
export function pathLoss(problem: Regression, w1: number, w2: number): number {
  let sum = 0;
  for (let i = 0; i < problem.n; i++) {
    const err = w1 * (problem.x[i] as number) + w2 - (problem.y[i] as number);
    sum += err * err;
  }
  return sum / problem.n;
}

export interface LandscapeGrid {
  /** [gridSize²]: row i at w2 = lo + (i + ½)·Δ, column j at w1 (src/viz/grid.ts' convention). */
  values: Float32Array;
  gridSize: number;
  extent: { w1: [number, number]; w2: [number, number] };
}

/** The loss on a gridSize² grid over the domain (≈ 64·60·60 multiply-adds: computed once). */
export function landscape(problem: Regression, gridSize = 60): LandscapeGrid {
  const { w1, w2 } = PATH_DOMAIN;
  const values = new Float32Array(gridSize * gridSize);
  for (let i = 0; i < gridSize; i++) {
    const b = w2[0] + ((i + 0.5) / gridSize) * (w2[1] - w2[0]);
    for (let j = 0; j < gridSize; j++) {
      const w = w1[0] + ((j + 0.5) / gridSize) * (w1[1] - w1[0]);
      values[i * gridSize + j] = pathLoss(problem, w, b);
    }
  }
  return { values, gridSize, extent: { w1, w2 } };
}
