// The feature maps of one sample after a Conv2D (or pooling) layer: [h, w, c] (or [1, h, w, c])
// drawn as c grayscale channel images.
import { createFigure } from './figure';
import { formatShape } from './format';
import { grayMosaic, type ImageGridOptions } from './images';
import { resolveContext } from './options';
import { channelImages, checkTensor, squeezeLeading, type TensorData } from './tensor';

export type FeatureMapsOptions = Omit<ImageGridOptions, 'captions'>;

export function featureMaps(tensor: TensorData, options: FeatureMapsOptions = {}): HTMLElement {
  checkTensor(tensor, 'featureMaps');
  const shape = squeezeLeading(tensor.shape, 3);
  if (shape.length !== 3) {
    throw new RangeError(`featureMaps: expected [h, w, c], got [${tensor.shape.join(', ')}]`);
  }
  const ctx = resolveContext(options);
  const { t } = ctx;
  const [h = 0, w = 0, c = 0] = shape;
  const matrices = channelImages({ shape, values: tensor.values });
  const captions = matrices.map((_, index) => t('viz.image.channel', { index }));
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
