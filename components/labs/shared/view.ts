// A slot in the lab markup that shows one rendered chart. Slots marked `data-weights` are weight views:
// each redraw bumps their `data-version`, which tests and benchmarks watch (docs/contract.md).
import type { LiveView } from '../../../src/viz/index';
import { required } from './dom';

export interface ViewSlot {
  readonly el: HTMLElement;
  /** Where the chart lives: a shadow root on `el` (query the chart's nodes here). */
  readonly content: ShadowRoot;
  /** Replaces the slot's chart with `chart`; null empties it. */
  show(chart: Element | null): void;
  /**
   * Draws `data` through a live view (src/viz/live.ts): its figure goes in when it was (re)built,
   * otherwise only its pixels changed. Either way it is a redraw, and data-version says so.
   */
  live<D>(view: LiveView<D>, data: D): void;
  readonly version: number;
}

// Charts go into a shadow root: the site's stylesheets (Starlight's thousands of rules) then do not
// have to be matched against every SVG node of every redraw. In a trace of the LSTM lab, that style
// recalculation was the largest main-thread cost. These few rules are all a chart needs.
const CHART_CSS = `
:host { display: block; }
svg { max-width: 100%; height: auto; overflow: visible; } /* scale down on a phone; tick labels may reach past the plot edge */
figure { margin: 0; }
`;
let chartSheet: CSSStyleSheet | null = null;

function chartRoot(el: HTMLElement): ShadowRoot {
  if (el.shadowRoot) return el.shadowRoot;
  const root = el.attachShadow({ mode: 'open' });
  chartSheet ??= new CSSStyleSheet();
  if (chartSheet.cssRules.length === 0) chartSheet.replaceSync(CHART_CSS);
  root.adoptedStyleSheets = [chartSheet];
  return root;
}

export function createViewSlot(el: HTMLElement): ViewSlot {
  let version = Number(el.dataset['version'] ?? '0') || 0;
  const isWeights = el.hasAttribute('data-weights');
  const content = chartRoot(el);
  const redrawn = (): void => {
    version += 1;
    if (isWeights) el.dataset['version'] = String(version);
  };
  return {
    el,
    content,
    show(chart) {
      if (chart === null) content.replaceChildren();
      else content.replaceChildren(chart);
      redrawn();
    },
    live(view, data) {
      const rebuilt = view.update(data);
      const chart = view.element;
      if (chart !== null && (rebuilt || chart.parentNode !== content))
        content.replaceChildren(chart);
      redrawn();
    },
    get version() {
      return version;
    },
  };
}

/** Finds `selector` in `root` and wraps it; missing markup is a bug worth failing loudly on. */
export function viewSlot(root: ParentNode, selector: string): ViewSlot {
  return createViewSlot(required(root, selector));
}

/** A slot created in code, e.g. one per layer once the model's layers are known. */
export function appendSlot(
  parent: HTMLElement,
  options: { weights?: string; caption?: string; className?: string },
): ViewSlot {
  const figure = document.createElement('div');
  figure.className = options.className ?? 'lab-view';
  if (options.caption !== undefined) {
    const caption = document.createElement('p');
    caption.className = 'lab-view-caption';
    caption.textContent = options.caption;
    figure.append(caption);
  }
  const el = document.createElement('div');
  el.className = 'lab-chart';
  if (options.weights !== undefined) {
    el.dataset['weights'] = options.weights;
    el.dataset['version'] = '0';
  }
  figure.append(el);
  parent.append(figure);
  return createViewSlot(el);
}

const liveViews = new WeakMap<ViewSlot, LiveView<never>>();

/** The live view drawing into `slot`, made by `make` on first use (a slot lives as long as its model). */
export function liveViewOf<D>(slot: ViewSlot, make: () => LiveView<D>): LiveView<D> {
  let view = liveViews.get(slot) as LiveView<D> | undefined;
  if (view === undefined) {
    view = make();
    liveViews.set(slot, view as LiveView<never>);
  }
  return view;
}
