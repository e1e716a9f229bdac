// A raster as a custom Plot mark: the pixels are coloured through a 256-entry lookup table built
// once from the Plot colour scale, instead of Plot.raster's per-pixel colour-string round trip.
// Same picture (same scale, same scheme), about 10× less work for a 26×26×8 mosaic; Plot still
// owns the scales, axes, legend and layout around it.
import * as Plot from '@observablehq/plot';
import type { Matrix } from './tensor';

const LUT_SIZE = 256;

/** A colour lookup: value → [r, g, b] from a continuous Plot colour scale. */
export interface ColorLookup {
  (value: number): number; // offset into rgb, or -1 for "transparent"
  rgb: Uint8Array;
}

function parseRgb(color: string, out: Uint8Array, at: number): void {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(color);
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (m !== null) out.set([+(m[1] as string), +(m[2] as string), +(m[3] as string)], at);
  else if (hex !== null) {
    const n = parseInt(hex[1] as string, 16);
    out.set([n >> 16, (n >> 8) & 255, n & 255], at);
  }
}

/** Lookups by scale options: a live view asks for the same few scales on every frame. */
const lookups = new Map<string, ColorLookup>();
const MAX_LOOKUPS = 64;

/** Samples a continuous colour scale (linear, diverging) over its domain into a lookup table. */
export function continuousLookup(color: Plot.ScaleOptions): ColorLookup {
  const key = JSON.stringify(color, (_k, v: unknown) => (typeof v === 'function' ? undefined : v));
  const known = lookups.get(key);
  if (known !== undefined) return known;
  const made = buildLookup(color);
  if (lookups.size >= MAX_LOOKUPS) lookups.delete(lookups.keys().next().value as string);
  lookups.set(key, made);
  return made;
}

function buildLookup(color: Plot.ScaleOptions): ColorLookup {
  const scale = Plot.scale({ color: { ...color, clamp: true } });
  // Sampling apply() uniformly over the domain's extent captures any mapping, pivot included.
  const domain = Array.from(scale.domain as Iterable<number>);
  const lo = Math.min(...domain);
  const hi = Math.max(...domain);
  const rgb = new Uint8Array(LUT_SIZE * 3);
  for (let k = 0; k < LUT_SIZE; k++) {
    parseRgb(String(scale.apply(lo + ((hi - lo) * k) / (LUT_SIZE - 1))), rgb, k * 3);
  }
  const span = hi - lo || 1;
  const lookup = (value: number) => {
    if (!Number.isFinite(value)) return -1;
    const k = Math.round(((value - lo) / span) * (LUT_SIZE - 1));
    return (k < 0 ? 0 : k >= LUT_SIZE ? LUT_SIZE - 1 : k) * 3;
  };
  return Object.assign(lookup, { rgb });
}

/** Fixed colours by integer index (classes), e.g. Okabe–Ito. */
export function indexLookup(colors: readonly string[]): ColorLookup {
  const rgb = new Uint8Array(colors.length * 3);
  colors.forEach((c, i) => parseRgb(c, rgb, i * 3));
  const lookup = (value: number) =>
    Number.isInteger(value) && value >= 0 && value < colors.length ? value * 3 : -1;
  return Object.assign(lookup, { rgb });
}

/** RGBA pixels of a row-major matrix; alpha from `alpha` (0–1 per cell) or opaque; into `out` when it fits. */
export function rasterize(
  matrix: Matrix,
  lookup: ColorLookup,
  alpha?: ArrayLike<number>,
  out?: Uint8ClampedArray,
): Uint8ClampedArray {
  const { rows, cols, values } = matrix;
  const pixels =
    out !== undefined && out.length === rows * cols * 4
      ? out
      : new Uint8ClampedArray(rows * cols * 4);
  if (pixels === out) pixels.fill(0);
  const { rgb } = lookup;
  for (let i = 0; i < rows * cols; i++) {
    const at = lookup(values[i] as number);
    if (at < 0) continue; // stays transparent
    const j = i * 4;
    pixels[j] = rgb[at] as number;
    pixels[j + 1] = rgb[at + 1] as number;
    pixels[j + 2] = rgb[at + 2] as number;
    pixels[j + 3] = alpha === undefined ? 255 : Math.round((alpha[i] as number) * 255);
  }
  return pixels;
}

export interface ImageBounds {
  x1: number;
  x2: number;
  /** Data y of the matrix's row 0 edge. */
  y1: number;
  /** Data y of the matrix's last row edge. */
  y2: number;
}

/**
 * A Plot mark drawing `pixels` (cols × rows) stretched over the data rectangle `bounds`, row 0
 * at y1. The pixels live in a <canvas data-raster> inside a <foreignObject>, so a live view
 * (live.ts) can repaint them in place without building the chart again. Crisp cells: pixelated.
 */
export function imageMark(
  pixels: Uint8ClampedArray,
  cols: number,
  rows: number,
  bounds: ImageBounds,
): Plot.RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const { document } = context;
    const canvas = document.createElement('canvas');
    canvas.width = cols;
    canvas.height = rows;
    canvas.setAttribute('data-raster', '');
    paintRaster(canvas, pixels);
    const x = scales.x ?? ((v: number) => v);
    const y = scales.y ?? ((v: number) => v);
    const px1: number = x(bounds.x1);
    const px2: number = x(bounds.x2);
    const py1: number = y(bounds.y1);
    const py2: number = y(bounds.y2);
    // Row 0 goes at y1 whichever way the y scale runs: flip the canvas when y1 is below y2.
    const flip = `scale(${Math.sign(px2 - px1) || 1},${Math.sign(py2 - py1) || 1})`;
    canvas.setAttribute(
      'style',
      `display:block;width:100%;height:100%;image-rendering:pixelated;transform:${flip}`,
    );
    const svgNs = 'http://www.w3.org/2000/svg';
    const g = document.createElementNS(svgNs, 'g');
    // Named like Plot's own marks once they pass through plot.ts (no aria-label: see there).
    g.setAttribute('data-mark', 'raster');
    const box = document.createElementNS(svgNs, 'foreignObject');
    box.setAttribute('x', String(Math.min(px1, px2)));
    box.setAttribute('y', String(Math.min(py1, py2)));
    box.setAttribute('width', String(Math.abs(px2 - px1)));
    box.setAttribute('height', String(Math.abs(py2 - py1)));
    // A raster is a picture: pointer events go to the chart (a click on the decision boundary).
    box.setAttribute('pointer-events', 'none');
    box.append(canvas);
    g.append(box);
    return g;
  };
}

/** ImageData reused per canvas: a repaint then only copies the pixels. */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

/**
 * Writes `pixels` (RGBA, the canvas's own width × height) into `canvas`. Returns false when the
 * sizes disagree or the canvas has no 2-D context (a DOM without canvas support).
 */
export function paintRaster(canvas: HTMLCanvasElement, pixels: Uint8ClampedArray): boolean {
  if (pixels.length !== canvas.width * canvas.height * 4) return false;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return false;
  let image = images.get(canvas);
  if (image === undefined || image.width !== canvas.width || image.height !== canvas.height) {
    image = ctx.createImageData(canvas.width, canvas.height);
    images.set(canvas, image);
  }
  image.data.set(pixels);
  ctx.putImageData(image, 0, 0);
  return true;
}
