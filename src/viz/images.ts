// Grayscale images: a single digit, or a grid of same-size images (dataset samples, channels).
// Darker means larger, like ink on paper, which reads the same on light and dark pages.
import { createFigure } from './figure';
import { formatNumber } from './format';
import { heatmapSvg } from './heatmap';
import { mosaicGeometry, mosaicSvg, tileCellSize, type Tile } from './mosaic';
import { continuousLookup, rasterize } from './raster';
import { resolveContext, type RenderContext, type VizOptions } from './options';
import { grayScale } from './palette';
import {
  checkTensor,
  extent,
  normalize,
  squeezeLeading,
  type Matrix,
  type TensorData,
} from './tensor';

export type Normalization = 'each' | 'shared';

export interface ImageGridOptions extends VizOptions {
  /** One caption per image; default "imagem 0", "imagem 1", … */
  captions?: readonly string[];
  /** 'each' (default) stretches every image to full contrast; 'shared' uses one scale for all. */
  normalize?: Normalization;
  /** Fixed value range for the gray scale, e.g. [0, 255]; overrides `normalize`. */
  domain?: [number, number];
  /** Pixels per image pixel; default so a tile is ~72px. */
  cellSize?: number;
  /** Images per row; default as many as fit in maxWidth. */
  columns?: number;
  /** Default 640. */
  maxWidth?: number;
}

/** Reads an image tensor [h, w] or [h, w, 1] (leading 1s dropped) as a matrix. */
export function imageMatrix(image: TensorData, where: string): Matrix {
  checkTensor(image, where);
  const shape = squeezeLeading(image.shape, 2);
  if (shape.length === 3 && shape[2] === 1) shape.pop();
  if (shape.length !== 2) {
    throw new RangeError(`${where}: expected an image [h, w], got [${image.shape.join(', ')}]`);
  }
  return { rows: shape[0] as number, cols: shape[1] as number, values: image.values };
}

/** The tiles as drawn: each stretched to [0, 1], or all on one shared (or given) value range. */
function grayTiles(
  matrices: readonly Matrix[],
  captions: readonly string[],
  options: ImageGridOptions,
): { tiles: Tile[]; domain: [number, number]; scaled: boolean } {
  const mode = options.normalize ?? 'each';
  const scaled = options.domain !== undefined || mode === 'shared';
  const shared = scaled
    ? (options.domain ?? extent(matrices.flatMap((m) => Array.from(m.values))))
    : ([0, 1] as [number, number]);
  const tiles: Tile[] = matrices.map((m, i) => ({
    rows: m.rows,
    cols: m.cols,
    values: scaled ? m.values : normalize(m.values),
    label: captions[i] ?? '',
  }));
  return { tiles, domain: scaled ? nonEmpty(shared) : [0, 1], scaled };
}

/**
 * The pixels grayMosaic draws for these tiles, and a key for everything around them (tile size
 * and layout, captions, the value range when it is shared): a live view repaints while it holds.
 */
export function grayMosaicRaster(
  matrices: readonly Matrix[],
  captions: readonly string[],
  options: ImageGridOptions,
): { key: string; pixels: Uint8ClampedArray } {
  const first = matrices[0];
  if (first === undefined) throw new RangeError('imageGrid: no images');
  const { tiles, domain, scaled } = grayTiles(matrices, captions, options);
  const cellSize = options.cellSize ?? tileCellSize(first);
  const layout = mosaicGeometry(tiles, cellSize, options.maxWidth ?? 640, options.columns);
  return {
    key: [
      first.rows,
      first.cols,
      tiles.length,
      captions.join(','),
      cellSize,
      scaled ? domain : '',
    ].join('|'),
    pixels: rasterize(layout, continuousLookup(grayScale(domain))),
  };
}

/** Shared by imageGrid and featureMaps: scales the tiles and draws them as one raster. */
export function grayMosaic(
  ctx: RenderContext,
  matrices: readonly Matrix[],
  captions: readonly string[],
  options: ImageGridOptions,
  ariaLabel: string,
  describe: (normalization: string) => string,
): SVGSVGElement | HTMLElement {
  const first = matrices[0];
  if (first === undefined) throw new RangeError('imageGrid: no images');
  const { t } = ctx;
  const { tiles, domain, scaled } = grayTiles(matrices, captions, options);
  const normalization = scaled
    ? t('viz.images.normalization.shared', {
        min: formatNumber(domain[0]),
        max: formatNumber(domain[1]),
      })
    : t('viz.images.normalization.each');
  return mosaicSvg({
    doc: ctx.doc,
    tiles,
    color: grayScale(domain),
    cellSize: options.cellSize ?? tileCellSize(first),
    maxWidth: options.maxWidth ?? 640,
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    ariaLabel,
    ariaDescription: ctx.ariaDescription(describe(normalization)),
  });
}

/** A flat range would collapse the scale; widen it so a blank image draws as blank. */
function nonEmpty([lo, hi]: [number, number]): [number, number] {
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

export function imageGrid(
  images: readonly TensorData[],
  options: ImageGridOptions = {},
): HTMLElement {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const matrices = images.map((image) => imageMatrix(image, 'imageGrid'));
  const first = matrices[0];
  if (first === undefined) throw new RangeError('imageGrid: no images');
  const captions = matrices.map(
    (_, i) => options.captions?.[i] ?? t('viz.image.item', { index: i }),
  );
  const ariaLabel = ctx.ariaLabel(
    t('viz.images.ariaLabel', { count: matrices.length, h: first.rows, w: first.cols }),
  );
  const chart = grayMosaic(ctx, matrices, captions, options, ariaLabel, (normalization) =>
    t('viz.images.ariaDescription', { normalization }),
  );
  const figure = createFigure(ctx.doc, 'image-grid');
  figure.append(chart);
  return figure;
}

export interface DigitImageOptions extends VizOptions {
  /** Value range drawn white → black; default [0, 1], or [0, 255] when a value exceeds 1. */
  domain?: [number, number];
  /** Pixels per image pixel (default 4: a 28×28 digit is 112px). */
  cellSize?: number;
}

/** One image, e.g. a 28×28 MNIST digit as [28, 28], [28, 28, 1] or 784 values. */
export function digitImage(
  image: TensorData | ArrayLike<number>,
  options: DigitImageOptions = {},
): HTMLElement {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const tensor: TensorData = 'shape' in image ? image : squareImage(image);
  const matrix = imageMatrix(tensor, 'digitImage');
  const hi = extent(matrix.values)[1];
  const domain = options.domain ?? [0, hi > 1 ? 255 : 1];
  const chart = heatmapSvg({
    doc: ctx.doc,
    matrix,
    color: grayScale(domain),
    cellSize: options.cellSize ?? 4,
    x: null,
    y: null,
    margins: { top: 0, right: 0, bottom: 0, left: 0 },
    ariaLabel: ctx.ariaLabel(t('viz.digit.ariaLabel', { h: matrix.rows, w: matrix.cols })),
    ariaDescription: ctx.ariaDescription(t('viz.digit.ariaDescription')),
  });
  const figure = createFigure(ctx.doc, 'digit-image');
  figure.append(chart);
  return figure;
}

/** 784 values → [28, 28]; any perfect square works. */
function squareImage(values: ArrayLike<number>): TensorData {
  const side = Math.round(Math.sqrt(values.length));
  if (side * side !== values.length) {
    throw new RangeError(`digitImage: ${values.length} values is not a square image; pass a shape`);
  }
  return { shape: [side, side], values };
}
