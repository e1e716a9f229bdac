// A small numbered grid as SVG: each cell shows its value and a colour, optional dashed padding
// cells around it, and one highlighted window. Hand-drawn rather than Plot because every cell
// carries its number, and the explorer must stay light enough to load with no other lab.
const SVG = 'http://www.w3.org/2000/svg';

export interface GridSpec {
  rows: number;
  cols: number;
  /** Row-major; NaN draws a padding cell (dashed, reads 0). */
  value(row: number, col: number): number;
  fill(value: number): string;
  text(value: number): string;
  cell?: number;
  /** Inclusive top-left and exclusive bottom-right corner of the highlighted window. */
  highlight?: { row: number; col: number; rows: number; cols: number };
  ariaLabel: string;
  ariaDescription: string;
}

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

export function gridSvg(spec: GridSpec): SVGSVGElement {
  const size = spec.cell ?? 34;
  const width = spec.cols * size + 2;
  const height = spec.rows * size + 2;
  const svg = el('svg', { width, height, viewBox: `-1 -1 ${width} ${height}`, role: 'img' });
  svg.setAttribute('aria-label', spec.ariaLabel);
  svg.setAttribute('aria-description', spec.ariaDescription);
  for (let r = 0; r < spec.rows; r++) {
    for (let c = 0; c < spec.cols; c++) {
      const v = spec.value(r, c);
      const pad = Number.isNaN(v);
      const rect = el('rect', {
        x: c * size,
        y: r * size,
        width: size,
        height: size,
        fill: pad ? 'transparent' : spec.fill(v),
        stroke: 'currentColor',
        'stroke-opacity': pad ? 0.5 : 0.25,
      });
      if (pad) rect.setAttribute('stroke-dasharray', '3 3');
      const label = el('text', {
        x: c * size + size / 2,
        y: r * size + size / 2,
        'text-anchor': 'middle',
        'dominant-baseline': 'central',
        'font-size': Math.round(size * 0.32),
        fill: 'currentColor',
      });
      label.textContent = pad ? '0' : spec.text(v);
      if (pad) label.setAttribute('fill-opacity', '0.55');
      svg.append(rect, label);
    }
  }
  const h = spec.highlight;
  if (h) {
    svg.append(
      el('rect', {
        x: h.col * size,
        y: h.row * size,
        width: h.cols * size,
        height: h.rows * size,
        fill: 'none',
        stroke: '#CC79A7',
        'stroke-width': 3,
      }),
    );
  }
  return svg;
}

/**
 * Blue for positive, red for negative, stronger when larger: the two ends of ColorBrewer's RdBu,
 * the colour-blind-safe diverging palette of every weight view (src/viz/palette.ts).
 */
export function signedFill(scale: number): (value: number) => string {
  return (value) => {
    const share = scale > 0 ? Math.min(1, Math.abs(value) / scale) : 0;
    const hue = value < 0 ? '#B2182B' : '#2166AC';
    return `color-mix(in srgb, ${hue} ${Math.round(share * 70)}%, transparent)`;
  };
}

/** Ink on paper: 0 is blank, 1 is dark grey. */
export function inkFill(value: number): string {
  return `color-mix(in srgb, currentColor ${Math.round(Math.max(0, Math.min(1, value)) * 45)}%, transparent)`;
}
