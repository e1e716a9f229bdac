// The LSTM cell, step by step, in plain arithmetic: from a layer's weights and its input sequence, the
// gates i, f, o, the cell state c and the hidden state h at every time step. Plain JS because one
// sample is ~T·4u·(in + u) multiply-adds (≈ 90k for LSTM(32) over 20 steps): far below the cost of
// dispatching ~200 tiny tfjs kernels, and it runs 30 times a second beside training.
// tfjs-layers concatenates the four gate blocks as [i, f, c, o] along the last axis of the kernel
// [in, 4u], the recurrent kernel [u, 4u] and the bias [4u].

export type CellActivation = 'tanh' | 'sigmoid' | 'hardSigmoid' | 'relu' | 'linear';

const ACTIVATIONS: Record<CellActivation, (x: number) => number> = {
  tanh: Math.tanh,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  // tfjs' hardSigmoid: clip(0.2·x + 0.5, 0, 1)
  hardSigmoid: (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)),
  relu: (x) => Math.max(0, x),
  linear: (x) => x,
};

export function isCellActivation(name: unknown): name is CellActivation {
  return typeof name === 'string' && name in ACTIVATIONS;
}

export interface LstmCellInput {
  /** [steps, inputDim] */
  input: Float32Array;
  steps: number;
  inputDim: number;
  units: number;
  /** [inputDim, 4·units] */
  kernel: Float32Array;
  /** [units, 4·units] */
  recurrentKernel: Float32Array;
  /** [4·units], or null without bias */
  bias: Float32Array | null;
  activation: CellActivation;
  recurrentActivation: CellActivation;
}

/** Each is [steps, units]. */
export interface LstmGates {
  i: Float32Array;
  f: Float32Array;
  o: Float32Array;
  c: Float32Array;
  h: Float32Array;
}

export function lstmGates(cell: LstmCellInput): LstmGates {
  const { steps, inputDim, units: u, kernel, recurrentKernel, bias } = cell;
  const act = ACTIVATIONS[cell.activation];
  const gate = ACTIVATIONS[cell.recurrentActivation];
  const out: LstmGates = {
    i: new Float32Array(steps * u),
    f: new Float32Array(steps * u),
    o: new Float32Array(steps * u),
    c: new Float32Array(steps * u),
    h: new Float32Array(steps * u),
  };
  const z = new Float64Array(4 * u); // pre-activations [i | f | c̃ | o]
  const h = new Float64Array(u);
  const c = new Float64Array(u);
  for (let t = 0; t < steps; t++) {
    for (let k = 0; k < 4 * u; k++) z[k] = bias === null ? 0 : (bias[k] as number);
    // z += x_t · W
    for (let d = 0; d < inputDim; d++) {
      const x = cell.input[t * inputDim + d] as number;
      if (x === 0) continue;
      const row = d * 4 * u;
      for (let k = 0; k < 4 * u; k++) z[k] = (z[k] as number) + x * (kernel[row + k] as number);
    }
    // z += h_{t-1} · U
    for (let j = 0; j < u; j++) {
      const hj = h[j] as number;
      if (hj === 0) continue;
      const row = j * 4 * u;
      for (let k = 0; k < 4 * u; k++)
        z[k] = (z[k] as number) + hj * (recurrentKernel[row + k] as number);
    }
    for (let j = 0; j < u; j++) {
      const i = gate(z[j] as number);
      const f = gate(z[u + j] as number);
      const candidate = act(z[2 * u + j] as number);
      const o = gate(z[3 * u + j] as number);
      const cj = f * (c[j] as number) + i * candidate;
      const hj = o * act(cj);
      c[j] = cj;
      h[j] = hj;
      const at = t * u + j;
      out.i[at] = i;
      out.f[at] = f;
      out.o[at] = o;
      out.c[at] = cj;
      out.h[at] = hj;
    }
  }
  return out;
}
