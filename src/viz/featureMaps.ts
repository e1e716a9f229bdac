// The feature maps of one sample after a Conv2D (or pooling) layer: [h, w, c] (or [1, h, w, c])
// drawn as c grayscale channel images.
import { createFigure } from './figure';
import { formatShape } from './format';
import { grayMosaic, grayMosaicRaster, type ImageGridOptions } from './images';
import type { LiveRenderer } from './live';
import { resolveContext, type RenderContext } from './options';
import { channelImages, checkTensor, squeezeLeading, type TensorData } from './tensor';

export type FeatureMapsOptions = Omit<ImageGridOptions, 'captions'>;

function channels(tensor: TensorData, ctx: RenderContext) {
  checkTensor(tensor, 'featureMaps');
  const shape = squeezeLeading(tensor.shape, 3);
  if (shape.length !== 3) {
    throw new RangeError(`featureMaps: expected [h, w, c], got [${tensor.shape.join(', ')}]`);
  }
  const matrices = channelImages({ shape, values: tensor.values });
  const captions = matrices.map((_, index) => ctx.t('viz.image.channel', { index }));
  return { shape, matrices, captions };
}

/** featureMaps as a live renderer (see live.ts): the channel images repaint in place. */
export function liveFeatureMaps(options: FeatureMapsOptions = {}): LiveRenderer<TensorData> {
  const ctx = resolveContext(options);
  return {
    model(tensor) {
      const { matrices, captions } = channels(tensor, ctx);
      const { key, pixels } = grayMosaicRaster(matrices, captions, options);
      return { key, rasters: [pixels] };
    },
    figure: (tensor) => featureMaps(tensor, options),
  };
}

export function featureMaps(tensor: TensorData, options: FeatureMapsOptions = {}): HTMLElement {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const { shape, matrices, captions } = channels(tensor, ctx);
  const [h = 0, w = 0, c = 0] = shape;
  const ariaLabel = ctx.ariaLabel(
    t('viz.featureMaps.ariaLabel', { shape: formatShape(tensor.shape) }),
  );
  const chart = grayMosaic(ctx, matrices, captions, options, ariaLabel, (normalization) =>
    t('viz.featureMaps.ariaDescription', { count: c, h, w, normalization }),
  );
  const figure = createFigure(ctx.doc, 'feature-maps');
  figure.append(chart);
  return figure;
}
