// The loss landscape as a live view: the filled contours, axes and legend are one Plot figure built
// once (lossLandscape with no path); the optimizer's path is an SVG overlay on that figure's scales
// whose `d` attributes are rewritten on each update. Redrawing a step then costs a path string, not
// 14 contour levels of a 60×60 grid; the line grows by appending, and only the latest steps get a
// dot (a run of thousands of dots would be one white smear anyway).
import type { Plot } from '@observablehq/plot';
import {
  CATEGORICAL_COLORS,
  createLabels,
  formatNumber,
  lossLandscape,
  type LiveView,
  type LossLandscapeOptions,
  type LossSurface,
  type PathPoint,
} from '../../../src/viz/index';

const SVG = 'http://www.w3.org/2000/svg';
// As in lossLandscape: the path sits on colours from dark purple to yellow in light and dark pages
// alike, so it is white over a dark casing (a map-style halo), not currentColor.
const CORE = '#ffffff';
const CASING = '#1b1b1f';
/** Pixels from the frame's centre beyond which a diverging point is pulled in (SVG's floats). */
const FAR = 1e5;
/** Steps that get a dot: the latest ones. */
const DOTS = 300;

interface Overlay {
  svg: SVGSVGElement;
  x: (v: number) => number;
  y: (v: number) => number;
  centre: [number, number];
  casing: SVGPathElement;
  line: SVGPathElement;
  dots: SVGPathElement;
  first: SVGCircleElement;
  last: SVGCircleElement;
  label: SVGTextElement;
}

let clipIds = 0;

function node<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
}

function overlay(figure: HTMLElement, doc: Document): Overlay {
  const svg = figure.querySelector('svg[aria-label]') as (SVGSVGElement & Plot) | null;
  const sx = svg?.scale('x');
  const sy = svg?.scale('y');
  if (!svg || !sx?.apply || !sy?.apply || !sx.range || !sy.range)
    throw new Error('liveLandscape: the figure has no x/y scales');
  const [left, right] = sx.range as [number, number];
  const [bottom, top] = sy.range as [number, number];
  const id = `sgd-landscape-clip-${++clipIds}`;
  const clip = node(doc, 'clipPath', { id });
  clip.append(node(doc, 'rect', { x: left, y: top, width: right - left, height: bottom - top }));
  const group = node(doc, 'g', { 'clip-path': `url(#${id})`, 'pointer-events': 'none' });
  const casing = node(doc, 'path', { fill: 'none', stroke: CASING, 'stroke-width': 3.5 });
  const line = node(doc, 'path', { fill: 'none', stroke: CORE, 'stroke-width': 1.5 });
  const dots = node(doc, 'path', { fill: CORE, stroke: CASING, 'stroke-width': 1 });
  const first = node(doc, 'circle', { r: 5, fill: 'none', stroke: CORE, 'stroke-width': 2 });
  const last = node(doc, 'circle', {
    r: 6,
    fill: CATEGORICAL_COLORS[1] as string,
    stroke: CORE,
    'stroke-width': 2,
  });
  const label = node(doc, 'text', {
    // Plot's root svg centres text; the label starts right of the dot, as lossLandscape's does.
    'text-anchor': 'start',
    dx: 10,
    dy: '0.32em',
    fill: CORE,
    stroke: CASING,
    'stroke-width': 3,
    'paint-order': 'stroke',
    'font-weight': 'bold',
  });
  group.append(casing, line, dots, first, last, label);
  svg.append(clip, group);
  return {
    svg,
    x: (v) => sx.apply(v) as number,
    y: (v) => sy.apply(v) as number,
    centre: [(left + right) / 2, (top + bottom) / 2],
    casing,
    line,
    dots,
    first,
    last,
    label,
  };
}

/** A point in pixels; a far one (a diverging run) is pulled in along its direction from the centre. */
function pixel(o: Overlay, p: PathPoint): [number, number] | null {
  const px = o.x(p.w1);
  const py = o.y(p.w2);
  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  const [cx, cy] = o.centre;
  const far = Math.max(Math.abs(px - cx), Math.abs(py - cy));
  if (far <= FAR) return [px, py];
  const k = FAR / far;
  return [cx + (px - cx) * k, cy + (py - cy) * k];
}

function place(circle: SVGCircleElement, at: [number, number] | null): void {
  circle.setAttribute('visibility', at === null ? 'hidden' : 'visible');
  if (at === null) return;
  circle.setAttribute('cx', at[0].toFixed(1));
  circle.setAttribute('cy', at[1].toFixed(1));
}

export function liveLandscape(
  surface: LossSurface,
  options: LossLandscapeOptions = {},
): LiveView<readonly PathPoint[]> {
  const t = createLabels(options.labels);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < surface.values.length; i++) {
    const v = surface.values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  let element: HTMLElement | null = null;
  let o: Overlay | null = null;
  // The line drawn so far: `path` grows in place within a run (a new run is a new list).
  const drawn = {
    path: null as readonly PathPoint[] | null,
    count: 0,
    line: '',
    start: null as [number, number] | null,
  };

  return {
    get element() {
      return element;
    },
    update(path) {
      const rebuilt = element === null || o === null;
      if (element === null || o === null) {
        const doc = options.document ?? document;
        element = lossLandscape(surface, [], options);
        o = overlay(element, doc);
      }
      if (drawn.path !== path || path.length < drawn.count) {
        drawn.path = path;
        drawn.count = 0;
        drawn.line = '';
        drawn.start = null;
      }
      for (; drawn.count < path.length; drawn.count++) {
        const at = pixel(o, path[drawn.count] as PathPoint);
        if (at === null) continue;
        drawn.line += `${drawn.line === '' ? 'M' : 'L'}${at[0].toFixed(1)},${at[1].toFixed(1)}`;
        drawn.start ??= at;
      }
      let dots = '';
      let end: [number, number] | null = null;
      let lastPoint: PathPoint | undefined;
      for (let i = Math.max(0, path.length - DOTS); i < path.length; i++) {
        const p = path[i] as PathPoint;
        const at = pixel(o, p);
        if (at === null) continue;
        // A dot of radius 2 as two arcs: all of them in one path element.
        dots += `M${(at[0] - 2).toFixed(1)},${at[1].toFixed(1)}a2,2 0 1,0 4,0a2,2 0 1,0 -4,0`;
        end = at;
        lastPoint = p;
      }
      o.casing.setAttribute('d', drawn.line);
      o.line.setAttribute('d', drawn.line);
      o.dots.setAttribute('d', dots);
      place(o.first, drawn.start);
      place(o.last, end);
      o.label.textContent = end === null ? '' : t('viz.landscape.current');
      if (end !== null) {
        o.label.setAttribute('x', end[0].toFixed(1));
        o.label.setAttribute('y', end[1].toFixed(1));
      }
      if (options.ariaDescription === undefined) {
        o.svg.setAttribute(
          'aria-description',
          t('viz.landscape.ariaDescription', {
            min: formatNumber(lo),
            max: formatNumber(hi),
            count: path.length,
            w1: lastPoint === undefined ? '—' : formatNumber(lastPoint.w1),
            w2: lastPoint === undefined ? '—' : formatNumber(lastPoint.w2),
          }),
        );
      }
      return rebuilt;
    },
  };
}
