// Live views: a chart built once with Plot (axes, legend, labels) whose rasters are repainted in
// place on every update. A renderer splits its work in two: `model` is the cheap part run on every
// frame (a key naming everything outside the rasters, and the raster pixels), `figure` the
// expensive Plot build, run only when the key changes: a new shape, a new layout, a colour scale
// that no longer fits. The rasters are the `canvas[data-raster]` elements of the figure (see
// raster.ts), in document order.
import { paintRaster } from './raster';

export interface LiveModel {
  /** Everything drawn outside the rasters depends on this alone; a new key rebuilds the figure. */
  key: string;
  /** RGBA pixels per raster of the figure, in document order. */
  rasters: Uint8ClampedArray[];
  /** The chart's aria-description, kept current on repaints. */
  description?: string;
  /** Scale maxima the figure was built with, so the next model can keep them (see stickyMax). */
  domains?: number[];
}

export interface LiveRenderer<D> {
  model(data: D, previous: LiveModel | null): LiveModel;
  figure(data: D, model: LiveModel): HTMLElement;
}

export interface LiveView<D> {
  /** The figure drawn last; null before the first update. */
  readonly element: HTMLElement | null;
  /** Draws `data`; true when the figure was (re)built, false when only its pixels were repainted. */
  update(data: D): boolean;
}

export function liveView<D>(renderer: LiveRenderer<D>): LiveView<D> {
  let element: HTMLElement | null = null;
  let canvases: HTMLCanvasElement[] = [];
  let described: Element | null = null;
  let current: LiveModel | null = null;

  const repaint = (model: LiveModel): boolean => {
    if (canvases.length !== model.rasters.length) return false;
    for (let i = 0; i < canvases.length; i++) {
      if (!paintRaster(canvases[i] as HTMLCanvasElement, model.rasters[i] as Uint8ClampedArray))
        return false;
    }
    if (model.description !== undefined && described !== null)
      described.setAttribute('aria-description', model.description);
    return true;
  };

  return {
    get element() {
      return element;
    },
    update(data) {
      const model = renderer.model(data, current);
      if (element !== null && current !== null && model.key === current.key && repaint(model)) {
        current = model;
        return false;
      }
      element = renderer.figure(data, model);
      canvases = Array.from(element.querySelectorAll<HTMLCanvasElement>('canvas[data-raster]'));
      described = element.hasAttribute('aria-description')
        ? element
        : element.querySelector('[aria-description]');
      current = model;
      return true;
    },
  };
}

/** The smallest 1, 2, 5 × 10ⁿ at or above `value` (1 for 0 or less). */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * power >= value * (1 - 1e-9)) return m * power;
  return 10 * power;
}

/**
 * A colour-scale maximum that changes rarely: the nice ceiling of `value`, kept from `previous`
 * while `value` stays within (previous / 4, previous]. Weights that grow cross a 1-2-5 step now
 * and then (the legend is rebuilt); between steps only pixels change, and a colour means the same
 * value from frame to frame.
 */
export function stickyMax(value: number, previous: number | undefined): number {
  if (previous !== undefined && value <= previous && value > previous / 4) return previous;
  return niceCeil(value);
}

/** A stable small id per object, for keys that must change when the data object is replaced. */
const ids = new WeakMap<object, number>();
let nextId = 1;
export function identity(value: object): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = nextId++;
    ids.set(value, id);
  }
  return id;
}
