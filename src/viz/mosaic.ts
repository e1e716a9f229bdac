// Many small same-size matrices (conv filters, feature maps, images) tiled into ONE raster with
// transparent gaps and a caption row above each tile. One Plot call instead of one per tile keeps
// a 16-filter redraw as cheap as a single heatmap.
import * as Plot from '@observablehq/plot';
import { heatmapSvg } from './heatmap';
import type { Matrix } from './tensor';

export interface Tile extends Matrix {
  label: string;
}

export interface MosaicLayout extends Matrix {
  values: Float32Array;
  columns: number;
  /** Where each tile's caption goes, in mosaic cell coordinates (x = left edge, y = top edge). */
  captions: { x: number; y: number; text: string }[];
}

export interface MosaicOptions {
  /** Tiles per row. */
  columns: number;
  /** Empty cells between tiles, horizontally. */
  gap: number;
  /** Empty cells above each tile, for its caption. */
  captionRows: number;
}

/** Pure layout: tile i goes to row ⌊i / columns⌋, column i mod columns. */
export function layoutMosaic(tiles: readonly Tile[], options: MosaicOptions): MosaicLayout {
  const first = tiles[0];
  if (first === undefined) throw new RangeError('mosaic: no tiles');
  const { rows: th, cols: tw } = first;
  if (tiles.some((t) => t.rows !== th || t.cols !== tw)) {
    throw new RangeError('mosaic: tiles must share one size');
  }
  const columns = Math.max(1, Math.min(options.columns, tiles.length));
  const gridRows = Math.ceil(tiles.length / columns);
  const cellW = tw + options.gap;
  const cellH = th + options.captionRows;
  const cols = columns * cellW - options.gap;
  const rows = gridRows * cellH;
  const values = new Float32Array(rows * cols).fill(NaN);
  const captions: MosaicLayout['captions'] = [];
  tiles.forEach((tile, i) => {
    const x0 = (i % columns) * cellW;
    const y0 = Math.floor(i / columns) * cellH + options.captionRows;
    for (let r = 0; r < th; r++) {
      for (let c = 0; c < tw; c++) {
        values[(y0 + r) * cols + x0 + c] = tile.values[r * tw + c] as number;
      }
    }
    captions.push({ x: x0, y: y0, text: tile.label });
  });
  return { rows, cols, values, columns, captions };
}

export interface MosaicSpec {
  doc: Document;
  tiles: readonly Tile[];
  color: Plot.ScaleOptions;
  cellSize: number;
  /** Tiles per row; default as many as fit in maxWidth. */
  columns?: number;
  maxWidth: number;
  ariaLabel: string;
  ariaDescription: string;
}

const CAPTION_PX = 14;
const GAP_PX = 6;

/** Pixel size of one tile cell so a tile is about `tilePx` wide, within [2, 16]. */
export function tileCellSize(tile: Matrix, tilePx = 72): number {
  return Math.max(2, Math.min(16, Math.round(tilePx / Math.max(tile.rows, tile.cols, 1))));
}

/**
 * The mosaic matrix for `tiles` drawn at `cellSize` px per cell in `maxWidth` px: gaps and caption
 * rows in cells, narrow tiles padded so a caption fits. mosaicSvg draws it; a live view repaints it.
 */
export function mosaicGeometry(
  tiles: readonly Tile[],
  cellSize: number,
  maxWidth: number,
  columns?: number,
): MosaicLayout {
  const first = tiles[0];
  if (first === undefined) throw new RangeError('mosaic: no tiles');
  const gap = Math.max(1, Math.ceil(GAP_PX / cellSize));
  const captionRows = Math.max(1, Math.ceil(CAPTION_PX / cellSize));
  // A caption like "filtro 16" needs ~48px even when the tile is narrower.
  const tilePx = Math.max(first.cols * cellSize, 48);
  const fit = Math.floor((maxWidth + gap * cellSize) / (tilePx + gap * cellSize));
  const widthCells = Math.max(first.cols, Math.ceil(tilePx / cellSize));
  return layoutMosaic(
    tiles.map((t) => (widthCells === t.cols ? t : padRight(t, widthCells))),
    { columns: columns ?? Math.max(1, fit), gap, captionRows },
  );
}

export function mosaicSvg(spec: MosaicSpec): SVGSVGElement | HTMLElement {
  const { cellSize, tiles } = spec;
  const layout = mosaicGeometry(tiles, cellSize, spec.maxWidth, spec.columns);
  return heatmapSvg({
    doc: spec.doc,
    matrix: layout,
    color: spec.color,
    cellSize,
    x: null,
    y: null,
    ariaLabel: spec.ariaLabel,
    ariaDescription: spec.ariaDescription,
    marks: [
      Plot.text(layout.captions, {
        x: 'x',
        y: 'y',
        text: 'text',
        textAnchor: 'start',
        lineAnchor: 'bottom',
        dy: -2,
        fill: 'currentColor',
      }),
    ],
  });
}

/** Widens a tile with transparent cells so narrow tiles still leave room for their caption. */
function padRight(tile: Tile, cols: number): Tile {
  const values = new Float32Array(tile.rows * cols).fill(NaN);
  for (let r = 0; r < tile.rows; r++) {
    for (let c = 0; c < tile.cols; c++)
      values[r * cols + c] = tile.values[r * tile.cols + c] as number;
  }
  return { ...tile, cols, values };
}
