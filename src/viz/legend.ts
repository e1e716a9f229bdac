// A line-style legend built as plain DOM: each entry repeats the colour AND the dash pattern of
// its series, so the chart never depends on colour alone. Labels go in through textContent.

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface LegendEntry {
  label: string;
  color: string;
  /** SVG stroke-dasharray, e.g. "5,3"; none for a solid line. */
  dash?: string;
  /** Draw a dot on the sample, for series drawn with markers. */
  dot?: boolean;
}

export function lineLegend(doc: Document, entries: readonly LegendEntry[]): HTMLElement {
  const legend = doc.createElement('div');
  legend.setAttribute('class', 'anatomia-viz-legend');
  legend.setAttribute(
    'style',
    'display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font: 12px system-ui, sans-serif',
  );
  for (const entry of entries) {
    const item = doc.createElement('span');
    item.setAttribute('style', 'display: inline-flex; align-items: center; gap: 0.35rem');
    const svg = doc.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('width', '24');
    svg.setAttribute('height', '10');
    svg.setAttribute('aria-hidden', 'true');
    const line = doc.createElementNS(SVG_NS, 'line');
    line.setAttribute('x1', '1');
    line.setAttribute('x2', '23');
    line.setAttribute('y1', '5');
    line.setAttribute('y2', '5');
    line.setAttribute('stroke', entry.color);
    line.setAttribute('stroke-width', '2');
    if (entry.dash !== undefined) line.setAttribute('stroke-dasharray', entry.dash);
    svg.append(line);
    if (entry.dot === true) {
      const dot = doc.createElementNS(SVG_NS, 'circle');
      dot.setAttribute('cx', '12');
      dot.setAttribute('cy', '5');
      dot.setAttribute('r', '3');
      dot.setAttribute('fill', entry.color);
      svg.append(dot);
    }
    const text = doc.createElement('span');
    text.textContent = entry.label;
    item.append(svg, text);
    legend.append(item);
  }
  return legend;
}
