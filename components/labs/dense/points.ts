// Adding points to the Dense lab's plane, by pointer or keyboard. Screen positions become data
// coordinates through the chart's own Plot scales, so they stay right at any chart size.
import type { Plot } from '@observablehq/plot';
import { t } from '../../../src/i18n';

type Chart = SVGSVGElement & Partial<Plot>;

function chartOf(container: HTMLElement): Chart | null {
  // decisionBoundary returns a figure holding an optional legend and the Plot chart (in the view's
  // shadow root, see view.ts).
  const scope: ParentNode = container.shadowRoot ?? container;
  for (const svg of scope.querySelectorAll<SVGSVGElement>('svg')) {
    if (typeof (svg as Chart).scale === 'function' && (svg as Chart).scale?.('x'))
      return svg as Chart;
  }
  return null;
}

/** Data coordinates under a click, or null outside the plot. */
export function clickPosition(
  container: HTMLElement,
  event: MouseEvent,
): { x: number; y: number } | null {
  const chart = chartOf(container);
  const sx = chart?.scale?.('x');
  const sy = chart?.scale?.('y');
  if (!chart || !sx?.invert || !sy?.invert) return null;
  const box = chart.getBoundingClientRect();
  // The SVG may be scaled by CSS; Plot's scales are in its own width/height units.
  const scaleX = chart.width.baseVal.value / box.width || 1;
  const scaleY = chart.height.baseVal.value / box.height || 1;
  const x = Number(sx.invert((event.clientX - box.left) * scaleX));
  const y = Number(sy.invert((event.clientY - box.top) * scaleY));
  const [x0, x1] = (sx.domain ?? [-Infinity, Infinity]) as [number, number];
  const [y0, y1] = (sy.domain ?? [-Infinity, Infinity]) as [number, number];
  const inside =
    x >= Math.min(x0, x1) &&
    x <= Math.max(x0, x1) &&
    y >= Math.min(y0, y1) &&
    y <= Math.max(y0, y1);
  return inside ? { x, y } : null;
}

/**
 * Keyboard alternative to clicking: with the chart focused, arrows move a cursor (announced, and
 * drawn as a ring over the chart), Enter or Space adds a point there.
 */
export function createKeyboardCursor(
  container: HTMLElement,
  extent: { x: readonly [number, number]; y: readonly [number, number] },
  add: (x: number, y: number) => void,
  announce: (text: string) => void,
): void {
  const cursor = { x: 0, y: 0 };
  const step = (extent.x[1] - extent.x[0]) / 20;
  const ring = document.createElement('div');
  ring.hidden = true;
  // Styled inline: it lives in the chart's shadow root, out of reach of lab.css.
  ring.style.cssText =
    'position:absolute;width:14px;height:14px;margin:-7px 0 0 -7px;border:2px solid #cc79a7;border-radius:50%;pointer-events:none';
  container.style.position = 'relative';
  const place = (): void => {
    const chart = chartOf(container);
    const sx = chart?.scale?.('x');
    const sy = chart?.scale?.('y');
    if (!chart || !sx?.apply || !sy?.apply) return;
    const box = chart.getBoundingClientRect();
    const outer = container.getBoundingClientRect();
    // Scales are in the SVG's own units; CSS may have scaled the SVG down (a phone).
    const kx = box.width / (chart.width.baseVal.value || box.width);
    const ky = box.height / (chart.height.baseVal.value || box.height);
    ring.style.left = `${box.left - outer.left + Number(sx.apply(cursor.x)) * kx}px`;
    ring.style.top = `${box.top - outer.top + Number(sy.apply(cursor.y)) * ky}px`;
    const host: ParentNode = container.shadowRoot ?? container;
    if (ring.parentNode !== host) host.append(ring);
  };
  const format = (v: number): string => v.toFixed(2).replace('.', ',');
  container.addEventListener('keydown', (event) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      cursor.x = Math.max(extent.x[0], Math.min(extent.x[1], cursor.x + move[0]));
      cursor.y = Math.max(extent.y[0], Math.min(extent.y[1], cursor.y + move[1]));
      ring.hidden = false;
      place();
      announce(t('lab.dense.cursor', { x: format(cursor.x), y: format(cursor.y) }));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      add(cursor.x, cursor.y);
    }
  });
  container.addEventListener('blur', () => {
    ring.hidden = true;
  });
}
