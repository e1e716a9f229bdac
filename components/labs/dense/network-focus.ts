// How a reader reaches the network view's items: one tab stop with a roving tabindex (arrows move,
// see moveItem), hover with a pointer, Esc to hide the tooltip. The tooltip names the item under the
// pointer, else the focused one, and is re-read on every redraw so its value follows training.
import { itemAnchor, moveItem, type NetworkItem, type NetworkLayout } from './network-layout';

export interface FocusHost {
  layout: NetworkLayout;
  sizes: readonly number[];
  /** The element standing for `item` (a node's box or an edge's hit path). */
  element(item: NetworkItem): HTMLElement | SVGElement | undefined;
  /** The tooltip's text for `item` now; null while there is nothing to show yet. */
  describe(item: NetworkItem): string | null;
}

export interface FocusController {
  /** Rewrites the open tooltip, if any, from the current values. */
  refresh(): void;
}

/** The item an element stands for, read from its data-col / data-row. */
export function itemOf(target: EventTarget | null): NetworkItem | null {
  const el = target instanceof Element ? target.closest('[data-col]') : null;
  if (el === null) return null;
  return { column: Number(el.getAttribute('data-col')), row: Number(el.getAttribute('data-row')) };
}

/** Marks `el` as `item`: its place, its name, and a tab stop for the very first item only. */
export function markItem(el: Element, item: NetworkItem, label: string): void {
  el.setAttribute('data-col', String(item.column));
  el.setAttribute('data-row', String(item.row));
  el.setAttribute('tabindex', item.column === 0 && item.row === 0 ? '0' : '-1');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
}

export function bindNetworkFocus(
  wrap: HTMLElement,
  tip: HTMLElement,
  host: FocusHost,
): FocusController {
  let current: NetworkItem = { column: 0, row: 0 };
  let focused: NetworkItem | null = null;
  let hovered: NetworkItem | null = null;
  let dismissed = false;

  const place = (item: NetworkItem): void => {
    const { layout } = host;
    const { x, top, bottom } = itemAnchor(layout, host.sizes, item);
    // Above the item, or below it near the top; anchored so that it stays inside the figure.
    const below = top < layout.height * 0.35;
    const fx = x / layout.width;
    const shiftX = fx < 0.3 ? '-10%' : fx > 0.7 ? '-90%' : '-50%';
    tip.style.left = `${(fx * 100).toFixed(2)}%`;
    tip.style.top = `${(((below ? bottom : top) / layout.height) * 100).toFixed(2)}%`;
    tip.style.transform = `translate(${shiftX}, ${below ? '6px' : 'calc(-100% - 6px)'})`;
  };

  const refresh = (): void => {
    const item = hovered ?? (dismissed ? null : focused);
    const text = item === null ? null : host.describe(item);
    if (item === null || text === null) {
      tip.hidden = true;
      return;
    }
    if (tip.textContent !== text) tip.textContent = text;
    place(item);
    tip.hidden = false;
  };

  wrap.addEventListener('pointerover', (event) => {
    hovered = itemOf(event.target);
    refresh();
  });
  wrap.addEventListener('pointerleave', () => {
    hovered = null;
    refresh();
  });
  wrap.addEventListener('focusin', (event) => {
    const item = itemOf(event.target);
    if (item === null) return;
    host.element(current)?.setAttribute('tabindex', '-1');
    current = item;
    const el = host.element(item);
    el?.setAttribute('tabindex', '0');
    el?.setAttribute('aria-describedby', tip.id);
    focused = item;
    dismissed = false;
    refresh();
  });
  wrap.addEventListener('focusout', (event) => {
    (event.target as Element | null)?.removeAttribute('aria-describedby');
    focused = null;
    refresh();
  });
  wrap.addEventListener('keydown', (event) => {
    const item = itemOf(event.target);
    if (item === null) return;
    if (event.key === 'Escape') {
      dismissed = true;
      hovered = null;
      refresh();
      return;
    }
    const next = moveItem(host.sizes, item, event.key);
    if (next === null) return;
    event.preventDefault();
    (host.element(next) as HTMLElement | undefined)?.focus();
  });

  return { refresh };
}
