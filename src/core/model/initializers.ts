// Seeded initializers. glorotUniform comes from tfjs as is; the orthogonal one for LSTM recurrent
// kernels is re-stated here because tfjs' own prints a "slowness may result" warning for any matrix
// over 2,000 values — every LSTM(32) — while the QR of a [128, 32] matrix takes about a millisecond.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Initializer } from '@tensorflow/tfjs-layers/dist/initializers';

// tfjs-layers does not export its Initializer base class; Zeros extends it directly.
const InitializerBase = Object.getPrototypeOf(
  tfl.initializers.zeros().constructor,
) as abstract new () => Initializer;

class SeededOrthogonal extends InitializerBase {
  // Serialized as tfjs' own 'Orthogonal' with the same config, so a saved model loads anywhere.
  static className = 'Orthogonal';
  private readonly seed: number;

  constructor(seed: number) {
    super();
    this.seed = seed;
  }

  apply(shape: tfl.Shape): tf.Tensor {
    return tf.tidy(() => {
      const cols = shape[shape.length - 1] as number;
      const rows = (shape.slice(0, -1) as number[]).reduce((a, b) => a * b, 1);
      const small = Math.min(rows, cols);
      const normal = tf.randomNormal([Math.max(rows, cols), small], 0, 1, 'float32', this.seed);
      const [q, r] = tf.linalg.qr(normal as tf.Tensor2D) as [tf.Tensor2D, tf.Tensor2D];
      // Multiplying Q's columns by sign(diag(R)) makes the result uniformly distributed.
      const signs = tf.sign(
        tf.stridedSlice(tf.reshape(r, [-1]), [0], [small * small], [small + 1]),
      );
      let out: tf.Tensor2D = tf.mul(q, signs); // [max, small]
      if (rows < cols) out = tf.transpose(out); // [rows, cols]
      return tf.reshape(out, shape as number[]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { gain: 1, seed: this.seed };
  }
}

export function seededGlorotUniform(seed: number): Initializer {
  return tfl.initializers.glorotUniform({ seed });
}

export function seededOrthogonal(seed: number): Initializer {
  return new SeededOrthogonal(seed);
}
