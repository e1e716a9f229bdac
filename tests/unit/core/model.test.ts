import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MyDense,
  ShapeMismatchError,
  buildModel,
  createActivationProbe,
  exportWeightsJson,
  predict,
  saveModelArtifacts,
  summarize,
  toModelFiles,
  type ModelSpec,
} from '../../../src/core/index.ts';
import { expectNoLeakedTensors, startBackend } from './helpers.ts';
import { LESSON_CNN } from './fixtures.ts';

const SPECS: Record<string, ModelSpec> = {
  mlp: {
    inputShape: [2],
    layers: [
      { type: 'dense', units: 16, activation: 'tanh' },
      { type: 'dense', units: 2, activation: 'softmax' },
    ],
  },
  cnn: LESSON_CNN,
  sequences: {
    inputShape: [12, 2],
    layers: [
      { type: 'conv1d', filters: 4, kernelSize: 3, padding: 'same' },
      { type: 'averagePooling1d', poolSize: 2 },
      { type: 'lstm', units: 5, returnSequences: true },
      { type: 'lstm', units: 3 },
      { type: 'myDense', units: 2, activation: 'softmax' },
    ],
  },
};

function values(model: tfl.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

beforeAll(startBackend);

describe('buildModel', () => {
  it.each(Object.keys(SPECS))('%s: summarize(spec) equals what tfjs built', (key) => {
    const spec = SPECS[key]!;
    const model = buildModel(spec);
    expect(summarize(model)).toEqual(summarize(spec));
    model.dispose();
  });

  it('same seed → same initial weights; another seed → different ones', () => {
    const a = buildModel({ ...SPECS['sequences']!, seed: 3 });
    const b = buildModel({ ...SPECS['sequences']!, seed: 3 });
    const c = buildModel({ ...SPECS['sequences']!, seed: 4 });
    expect(values(a)).toEqual(values(b));
    expect(values(a)).not.toEqual(values(c));
    // Two layers of equal shape still start differently.
    const twins = buildModel({
      inputShape: [4],
      layers: [
        { type: 'dense', units: 4 },
        { type: 'dense', units: 4 },
      ],
    });
    const [k1, , k2] = values(twins);
    expect(k1).not.toEqual(k2);
    [a, b, c, twins].forEach((m) => m.dispose());
  });

  it('gives LSTM recurrent kernels orthogonal columns and Keras gate defaults', () => {
    const model = buildModel({ inputShape: [5, 1], layers: [{ type: 'lstm', units: 4 }] });
    const u = model.getWeights()[1]!; // [4, 16]
    const gram = tf.tidy(() => tf.matMul(u, u, false, true).arraySync() as number[][]); // U·Uᵀ = I
    gram.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 1 : 0, 4)));
    const config = model.layers[0]!.getConfig();
    expect(config['recurrentActivation']).toBe('sigmoid');
    expect(config['unitForgetBias']).toBe(true);
    model.dispose();
  });

  it('throws ShapeMismatchError before tfjs sees a Dense on rank-4 input', () => {
    const layers = LESSON_CNN.layers.filter((l) => l.type !== 'flatten');
    expect(() => buildModel({ ...LESSON_CNN, layers })).toThrow(ShapeMismatchError);
  });
});

describe('MyDense (custom tf.layers.Layer)', () => {
  it("computes tf.layers.dense's output when given the same weights", async () => {
    await expectNoLeakedTensors(() => {
      const x = tf.randomNormal([5, 3], 0, 1, 'float32', 1);
      const custom = new MyDense({ units: 4, activation: 'tanh', inputShape: [3] });
      const dense = tfl.layers.dense({ units: 4, activation: 'tanh', inputShape: [3] });
      const yDense = dense.apply(x) as tf.Tensor;
      const yCustomBefore = custom.apply(x) as tf.Tensor; // builds the layer
      custom.setWeights(dense.getWeights());
      const yCustom = custom.apply(x) as tf.Tensor;
      expect(Array.from(yCustom.dataSync())).not.toEqual(Array.from(yCustomBefore.dataSync()));
      const a = yCustom.dataSync();
      const b = yDense.dataSync();
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6));
      expect(custom.weights.map((w) => w.originalName)).toEqual([
        `${custom.name}/kernel`,
        `${custom.name}/bias`,
      ]);
      tf.dispose([x, yDense, yCustomBefore, yCustom]);
      custom.dispose();
      dense.dispose();
    });
  });

  it('serializes under its className and loads back with tfjs', async () => {
    const spec: ModelSpec = {
      inputShape: [3],
      layers: [{ type: 'myDense', units: 2, activation: 'sigmoid' }],
    };
    const model = buildModel(spec);
    const artifacts = await saveModelArtifacts(model);
    expect(JSON.stringify(artifacts.modelTopology)).toContain('"class_name":"MyDense"');
    const loaded = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: artifacts.modelTopology,
        weightSpecs: artifacts.weightSpecs as tf.io.WeightsManifestEntry[],
        weightData: artifacts.weightData,
      }),
    );
    const x = new Float32Array([0.1, -0.4, 0.7, 1, 0.2, -0.3]);
    expect(predict(loaded, x, [2, 3])).toEqual(predict(model, x, [2, 3]));
    model.dispose();
    loaded.dispose();
  });
});

describe('predict and export', () => {
  it('predict returns plain floats and names both shapes when x does not fit', async () => {
    const model = buildModel(SPECS['mlp']!);
    await expectNoLeakedTensors(() => {
      const out = predict(model, new Float32Array([0, 0, 1, 1, -1, 0.5]), [3, 2]);
      expect(out).toBeInstanceOf(Float32Array);
      expect(out.length).toBe(6);
      for (let i = 0; i < 3; i++) expect(out[2 * i]! + out[2 * i + 1]!).toBeCloseTo(1, 5);
    });
    try {
      predict(model, new Float32Array(3), [1, 3]);
      expect.unreachable();
    } catch (error) {
      expect((error as ShapeMismatchError).data).toMatchObject({
        expected: [null, 2],
        received: [1, 3],
      });
    }
    model.dispose();
  });

  it('exports weights as JSON and the model as tfjs files', async () => {
    const model = buildModel(SPECS['cnn']!);
    const json = exportWeightsJson(model);
    expect(json.weights.map((w) => [w.name, w.kind, w.shape])).toEqual([
      ['conv2d_1/kernel', 'kernel', [3, 3, 1, 8]],
      ['conv2d_1/bias', 'bias', [8]],
      ['conv2d_2/kernel', 'kernel', [3, 3, 8, 16]],
      ['conv2d_2/bias', 'bias', [16]],
      ['dense_1/kernel', 'kernel', [400, 10]],
      ['dense_1/bias', 'bias', [10]],
    ]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json); // plain JSON
    const files = toModelFiles(await saveModelArtifacts(model));
    const manifest = JSON.parse(files.modelJson) as { weightsManifest: { weights: unknown[] }[] };
    expect(manifest.weightsManifest[0]!.weights).toHaveLength(6);
    expect(files.weights.byteLength).toBe((80 + 1168 + 4010) * 4);
    model.dispose();
  });
});

describe('activation probe', () => {
  it('reports every layer output; LSTM gates and states whose h equals the real output', async () => {
    const spec: ModelSpec = {
      inputShape: [7, 2],
      layers: [
        { type: 'lstm', units: 4, returnSequences: true },
        { type: 'lstm', units: 3 },
        { type: 'dense', units: 1 },
      ],
      seed: 9,
    };
    const model = buildModel(spec);
    const sample = Float32Array.from({ length: 14 }, (_, i) => Math.sin(i));
    const probe = createActivationProbe(model);
    const acts = await expectNoLeakedTensors(() => probe.run(sample));
    const find = (layer: string, kind: string) =>
      acts.find((a) => a.layer === layer && a.kind === kind)!;
    expect(acts.map((a) => `${a.layer}:${a.kind}`)).toEqual([
      'lstm_1:output',
      'lstm_1:i',
      'lstm_1:f',
      'lstm_1:o',
      'lstm_1:c',
      'lstm_1:h',
      'lstm_2:output',
      'lstm_2:i',
      'lstm_2:f',
      'lstm_2:o',
      'lstm_2:c',
      'lstm_2:h',
      'dense_1:output',
    ]);
    // returnSequences: h at every step is the layer's output sequence
    const seqOut = find('lstm_1', 'output');
    expect(seqOut.shape).toEqual([7, 4]);
    find('lstm_1', 'h').values.forEach((v, k) => expect(v).toBeCloseTo(seqOut.values[k]!, 5));
    // last step of h is the output of an LSTM without returnSequences
    const out = find('lstm_2', 'output');
    const h = find('lstm_2', 'h');
    expect(h.shape).toEqual([7, 3]);
    out.values.forEach((v, j) => expect(h.values[6 * 3 + j]!).toBeCloseTo(v, 5));
    for (const kind of ['i', 'f', 'o']) {
      for (const v of find('lstm_2', kind).values) expect(v >= 0 && v <= 1).toBe(true);
    }
    // the whole probe agrees with predict()
    const y = predict(model, sample, [1, 7, 2]);
    expect(find('dense_1', 'output').values[0]).toBeCloseTo(y[0]!, 5);
    model.dispose();
  });

  it('returns Conv2D feature maps [h, w, filters]', async () => {
    const model = buildModel(LESSON_CNN);
    const acts = await createActivationProbe(model).run(new Float32Array(784).fill(0.5));
    expect(acts.map((a) => a.shape)).toEqual([
      [26, 26, 8],
      [13, 13, 8],
      [11, 11, 16],
      [5, 5, 16],
      [400],
      [10],
    ]);
    model.dispose();
  });
});
