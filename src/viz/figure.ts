// The wrapper every renderer returns: a detached <figure class="anatomia-viz" data-viz="…">
// holding the chart, its legend and, for stacked views, labelled panels. Text goes in through
// textContent only, so labels taken from data or readers are never parsed as markup.

export type FigureKind =
  | 'weight-heatmap'
  | 'image-grid'
  | 'feature-maps'
  | 'digit-image'
  | 'loss-curve'
  | 'decision-boundary'
  | 'loss-landscape'
  | 'gate-heatmaps'
  | 'sequence-chart'
  | 'probability-bars'
  | 'tensor-table';

export function createFigure(doc: Document, kind: FigureKind): HTMLElement {
  const figure = doc.createElement('figure');
  figure.setAttribute('class', 'anatomia-viz');
  figure.setAttribute('data-viz', kind);
  // Browsers give <figure> a 40px side margin; charts size themselves.
  figure.setAttribute('style', 'margin: 0');
  return figure;
}

/** Names a composite figure for screen readers (single charts carry it on their <svg>). */
export function describeGroup(el: Element, ariaLabel: string, ariaDescription: string): void {
  el.setAttribute('role', 'group');
  el.setAttribute('aria-label', ariaLabel);
  el.setAttribute('aria-description', ariaDescription);
}

/** A captioned sub-figure; `key` becomes data-panel for tests and styling. */
export function createPanel(
  doc: Document,
  key: string,
  caption: string,
  ...children: Node[]
): HTMLElement {
  const panel = doc.createElement('figure');
  panel.setAttribute('data-panel', key);
  panel.setAttribute('style', 'margin: 0 0 0.5rem 0');
  const figcaption = doc.createElement('figcaption');
  figcaption.textContent = caption;
  figcaption.setAttribute('style', 'font: 600 12px system-ui, sans-serif');
  panel.append(figcaption, ...children);
  return panel;
}
