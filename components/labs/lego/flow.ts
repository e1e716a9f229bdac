// The LEGO composer's logic without the DOM: names the stacked pieces as Keras does, runs the core's
// inferShapes over them and words the outcome in pt-BR — the shapes and parameters of a model that
// fits, or the error naming the layer, the shape it expected and the shape it received.
import {
  inferShapes,
  isCoreErrorData,
  type LayerShapeInfo,
  type LayerSpec,
} from '../../../src/core/page';
import { t } from '../../../src/i18n';
import { formatShape } from '../../../src/viz/format';
import { toLayerSpec, type Piece, type PieceType } from './pieces';

const NAME_PREFIX: Record<PieceType, string> = {
  dense: 'dense',
  conv2d: 'conv2d',
  maxPooling2d: 'max_pooling2d',
  flatten: 'flatten',
  conv1d: 'conv1d',
  maxPooling1d: 'max_pooling1d',
  lstm: 'lstm',
  dropout: 'dropout',
};

/** Keras-style names counted per type (dense_1, dense_2 …), shown in the list and in errors alike. */
export function layerNames(pieces: readonly Piece[]): string[] {
  const counts = new Map<PieceType, number>();
  return pieces.map((p) => {
    const n = (counts.get(p.type) ?? 0) + 1;
    counts.set(p.type, n);
    return `${NAME_PREFIX[p.type]}_${n}`;
  });
}

export type Flow =
  | {
      ok: true;
      /** One entry per piece: name, class, output shape (batch axis null), parameters. */
      layers: LayerShapeInfo[];
      params: number;
      /** "Entrada (amostras, 2) → saída (amostras, 2)"-style summary. */
      message: string;
    }
  | {
      ok: false;
      /** Index of the piece that does not fit, when the core named one. */
      failed: number | null;
      /** The layer's name, for the failed badge. */
      failedName: string | null;
      message: string;
    };

/** Shapes flowing from `inputShape` (no batch axis) through `pieces`; never throws. */
export function composeFlow(inputShape: readonly number[], pieces: readonly Piece[]): Flow {
  const names = layerNames(pieces);
  const layers: LayerSpec[] = pieces.map((p, i) => ({
    ...toLayerSpec(p),
    name: names[i] as string,
  }));
  try {
    const infos = inferShapes({ inputShape: [...inputShape], layers });
    const last = infos[infos.length - 1];
    return {
      ok: true,
      layers: infos,
      params: infos.reduce((sum, info) => sum + info.params, 0),
      message: t('lab.lego.ok', {
        input: formatShape([null, ...inputShape]),
        output: formatShape(last?.outputShape ?? []),
      }),
    };
  } catch (error) {
    const data = (error as { data?: unknown }).data;
    if (isCoreErrorData(data) && data.code === 'shape-mismatch') {
      const index = names.indexOf(data.layer);
      // More axes than expected: the classic missing Flatten before a Dense.
      const hint =
        data.received.length > data.expected.length ? ` ${t('lab.lego.flattenHint')}` : '';
      return {
        ok: false,
        failed: index >= 0 ? index : null,
        failedName: data.layer,
        message:
          t('error.shapeMismatch', {
            layer: data.layer,
            expected: formatShape(data.expected),
            received: formatShape(data.received),
          }) + hint,
      };
    }
    const message =
      isCoreErrorData(data) && data.code === 'invalid-config'
        ? t('error.invalidConfig', {
            field: data.field,
            reason: data.reason,
            received: String(data.received),
          })
        : t('lab.error.unknown', {
            message: error instanceof Error ? error.message : String(error),
          });
    return { ok: false, failed: null, failedName: null, message };
  }
}
