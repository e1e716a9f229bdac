// Queries shared by the rendering specs.
import { decodePng } from './fake-dom';

/** The chart's <svg> carrying Plot's ariaLabel/ariaDescription. */
export function chartSvg(root: Element): Element {
  const svg = root.querySelector('svg[aria-label]');
  if (svg === null) throw new Error('no labelled svg');
  return svg;
}

/** Pixels of the first raster canvas under `root` (raster.ts paints it, live views repaint it). */
export function rasterPixels(root: Element) {
  const canvas = root.querySelector<HTMLCanvasElement>('g[data-mark="raster"] canvas[data-raster]');
  if (canvas === null) throw new Error('no raster canvas');
  return decodePng(canvas.toDataURL());
}

/** Text of every <text> element, in document order. */
export function texts(root: Element): string[] {
  return Array.from(root.querySelectorAll('text'), (t) => t.textContent ?? '');
}

/** Tick labels of the colour-ramp legends. */
export function legendTicks(root: Element): string[] {
  return Array.from(
    root.querySelectorAll('svg[class$="-ramp"] .tick text'),
    (t) => t.textContent ?? '',
  );
}

/** Relative luminance-ish lightness of an [r, g, b, a] pixel, 0–255. */
export function lightness([r = 0, g = 0, b = 0]: number[]): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** Titles of the colour-ramp legends (HTML above each ramp, so they wrap instead of being cut). */
export function legendTitles(root: Element): string[] {
  return Array.from(root.querySelectorAll('.anatomia-viz-ramp-title'), (t) => t.textContent ?? '');
}
