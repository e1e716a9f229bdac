// The only way output reaches the page: elements built with createElement and text set through
// textContent. Nothing a cell produced is ever parsed as HTML.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Aligned columns must not wrap, so wide content scrolls sideways in a region keyboard users can
 * focus (and screen readers can name).
 */
export function scrollable(content: HTMLElement, label: string): HTMLElement {
  const region = el('div', 'nb-scroll');
  region.tabIndex = 0;
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', label);
  region.append(content);
  return region;
}
