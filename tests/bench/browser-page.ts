// What the browser benchmark runs inside the page. The helpers are installed before any page script
// as plain JavaScript text (tsx would wrap named TypeScript functions in helpers the browser does not
// have) and record from the first script on: animation-frame times, long tasks by the wall clock,
// and, for a peer page that has no data-version contract, the frames in which each canvas got new
// pixels. They also time a lab from Treinar to its first step (MutationObserver, no polling), sample
// its counters, and follow a set of views: how often each redrew and how long it was on screen.
import type { Page } from '@playwright/test';

export interface PageHelperOptions {
  /** Wrap CanvasRenderingContext2D's putImageData and drawImage to count paints per canvas. */
  countCanvasPaints?: boolean;
}

export function pageHelpers(options: PageHelperOptions = {}): string {
  return `
(() => {
  const COUNT_CANVAS_PAINTS = ${options.countCanvasPaints === true};
  const frames = [];
  const tasks = [];
  let frameNumber = 0;
  const tick = (time) => { frameNumber += 1; frames.push(time); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  // A canvas counts once per animation frame however many calls painted it in that frame.
  const paints = new WeakMap();
  if (COUNT_CANVAS_PAINTS) {
    const painted = (canvas) => {
      if (!canvas) return;
      const p = paints.get(canvas) || { count: 0, frame: -1 };
      if (p.frame !== frameNumber) { p.count += 1; p.frame = frameNumber; }
      paints.set(canvas, p);
    };
    const proto = CanvasRenderingContext2D.prototype;
    for (const method of ['putImageData', 'drawImage']) {
      const original = proto[method];
      proto[method] = function (...args) { painted(this.canvas); return original.apply(this, args); };
    }
  }

  const unique = (names) => {
    const seen = new Map();
    return names.map((name) => {
      const n = (seen.get(name) || 0) + 1;
      seen.set(name, n);
      return n === 1 ? name : name + ' (' + n + ')';
    });
  };
  const finders = {
    // The contract: every weight view is [data-weights] and bumps data-version on each redraw.
    weights(selector) {
      const root = selector ? document.querySelector(selector) : document;
      const els = root ? [...root.querySelectorAll('[data-weights]')] : [];
      const names = unique(els.map((el, i) =>
        (el.hasAttribute('data-network') ? 'rede ' : '') +
        (el.dataset.weights || el.getAttribute('aria-label') || 'vista ' + (i + 1))));
      return els.map((el, i) => ({ el, name: names[i], version: () => Number(el.dataset.version || 0) }));
    },
    canvas(selector) {
      const els = [...document.querySelectorAll(selector || 'canvas')];
      const names = unique(els.map((el) => {
        const owner = el.closest('[id]');
        return owner ? '#' + owner.id : 'canvas';
      }));
      return els.map((el, i) => ({ el, name: names[i], version: () => (paints.get(el) || { count: 0 }).count }));
    },
  };
  let watched = [];
  const labOf = (kind) => document.querySelector('[data-lab="' + kind + '"]');

  window.__bench = {
    watch(mode, selector) {
      watched = finders[mode](selector).map((v) => ({ ...v, since: null, visibleMs: 0 }));
      return new Promise((resolve) => {
        if (watched.length === 0) return resolve(0);
        const byElement = new Map(watched.map((w) => [w.el, w]));
        const reported = new Set();
        const observer = new IntersectionObserver((entries) => {
          for (const e of entries) {
            const w = byElement.get(e.target);
            reported.add(w);
            if (e.isIntersecting && w.since === null) w.since = e.time;
            else if (!e.isIntersecting && w.since !== null) { w.visibleMs += e.time - w.since; w.since = null; }
          }
          if (reported.size === watched.length) resolve(watched.length);
        });
        for (const w of watched) observer.observe(w.el);
      });
    },
    readViews() {
      const now = performance.now();
      return {
        now,
        views: watched.map((w) => {
          const r = w.el.getBoundingClientRect();
          return {
            name: w.name,
            version: w.version(),
            visibleMs: w.visibleMs + (w.since === null ? 0 : now - w.since),
            width: r.width,
            height: r.height,
            connected: w.el.isConnected,
          };
        }),
      };
    },
    stats(from, to) {
      const inside = frames.filter((t) => t >= from && t <= to);
      const gaps = inside.slice(1).map((t, i) => t - inside[i]).sort((a, b) => a - b);
      const median = gaps.length === 0 ? Infinity : gaps[Math.floor(gaps.length / 2)];
      const during = tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
      return {
        medianFps: 1000 / median,
        frames: inside.length,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        tasksOver50Ms: during.filter((t) => t.duration > 50).length,
      };
    },
    frames(n) {
      return new Promise((resolve) => {
        const next = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
        next(n);
      });
    },
    scrollTo(kind) {
      labOf(kind).scrollIntoView({ block: 'start', behavior: 'instant' });
    },
    weightsOnScreen(kind) {
      const rects = [...labOf(kind).querySelectorAll('[data-weights]')]
        .map((v) => v.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0);
      return rects.some((r) => r.bottom > 0 && r.top < innerHeight);
    },
    // Brings the band of the lab's weight views on screen: centred when it fits below the sticky
    // header (Starlight's scroll-padding-top), else its top just below the header.
    scrollToWeights(kind) {
      const rects = [...labOf(kind).querySelectorAll('[data-weights]')]
        .map((v) => v.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) return false;
      const pad = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      const top = Math.min(...rects.map((r) => r.top)) + scrollY;
      const bottom = Math.max(...rects.map((r) => r.bottom)) + scrollY;
      const room = innerHeight - pad;
      const y = bottom - top <= room ? (top + bottom) / 2 - pad - room / 2 : top - pad;
      scrollTo({ top: Math.max(0, y), behavior: 'instant' });
      return true;
    },
    first(kind, scroll, timeoutMs) {
      const lab = labOf(kind);
      const started = performance.now();
      let ready = NaN;
      return new Promise((resolve, reject) => {
        let observer = null;
        const timer = setTimeout(() => {
          if (observer) observer.disconnect();
          const status = (lab.querySelector('[data-lab-status]') || {}).textContent || '';
          reject(new Error(kind + ': no training step within ' + timeoutMs + ' ms (data-state=' +
            lab.dataset.state + ', status: ' + status.trim() + ')'));
        }, timeoutMs);
        const check = () => {
          if (Number.isNaN(ready) && lab.dataset.labReady !== undefined) ready = performance.now() - started;
          if (Number(lab.dataset.step) > 0) {
            clearTimeout(timer);
            resolve({ ms: performance.now() - started, ready });
            return true;
          }
          return false;
        };
        observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
        observer.observe(lab, { attributes: true });
        if (scroll) lab.scrollIntoView({ block: 'start' });
        lab.querySelector('button[data-action="train"]').click();
        if (check()) observer.disconnect();
      });
    },
    sample(kind) {
      const lab = labOf(kind);
      const batch = lab.querySelector('[name="batchSize"]');
      const counts = lab.labFrames && lab.labFrames.counts;
      const r = lab.getBoundingClientRect();
      return {
        now: performance.now(),
        state: lab.dataset.state || '',
        step: Number(lab.dataset.step),
        epoch: Number(lab.dataset.epoch),
        batch: Number(String(batch ? batch.value : '1').replace(',', '.')),
        status: (lab.querySelector('[data-lab-status]') || {}).textContent || '',
        frameCounts: counts instanceof Map ? Object.fromEntries(counts) : null,
        width: r.width,
        height: r.height,
      };
    },
  };
})();
`;
}

/** One followed view at one moment: its redraw counter, time on screen so far, and size. */
export interface ViewReading {
  name: string;
  /** data-version for a weight view, painted frames for a canvas. */
  version: number;
  /** Milliseconds it intersected the viewport since it was first followed. */
  visibleMs: number;
  width: number;
  height: number;
  /** False when the page replaced the element meanwhile (its counter then stopped). */
  connected: boolean;
}

export interface LabSample {
  now: number;
  state: string;
  step: number;
  epoch: number;
  batch: number;
  status: string;
  /** root.labFrames.counts: completed draws per frame-loop key, when the lab exposes it. */
  frameCounts: Record<string, number> | null;
  width: number;
  height: number;
}

export interface FrameStats {
  medianFps: number;
  frames: number;
  longestTaskMs: number;
  tasksOver50Ms: number;
}

interface InPage {
  watch(mode: 'weights' | 'canvas', selector: string | null): Promise<number>;
  readViews(): { now: number; views: ViewReading[] };
  stats(from: number, to: number): FrameStats;
  frames(n: number): Promise<void>;
  scrollTo(kind: string): void;
  weightsOnScreen(kind: string): boolean;
  scrollToWeights(kind: string): boolean;
  first(kind: string, scroll: boolean, timeoutMs: number): Promise<{ ms: number; ready: number }>;
  sample(kind: string): LabSample;
}
type BenchWindow = Window & { __bench: InPage };

/** Typed calls into the helpers of `pageHelpers()` on `page`. */
export function inPage(page: Page) {
  return {
    /**
     * Follows views, resolving once the viewport observer has seen them all: the weight views under
     * the root `selector` (the whole page when null), or the canvases `selector` matches (all).
     */
    watch: (mode: 'weights' | 'canvas', selector: string | null) =>
      page.evaluate(([m, s]) => (window as unknown as BenchWindow).__bench.watch(m, s), [
        mode,
        selector,
      ] as const),
    readViews: () => page.evaluate(() => (window as unknown as BenchWindow).__bench.readViews()),
    stats: (from: number, to: number) =>
      page.evaluate(([a, b]) => (window as unknown as BenchWindow).__bench.stats(a, b), [
        from,
        to,
      ] as const),
    /** Resolves after `n` animation frames. */
    frames: (n: number) =>
      page.evaluate((k) => (window as unknown as BenchWindow).__bench.frames(k), n),
    scrollTo: (kind: string) =>
      page.evaluate((k) => (window as unknown as BenchWindow).__bench.scrollTo(k), kind),
    weightsOnScreen: (kind: string) =>
      page.evaluate((k) => (window as unknown as BenchWindow).__bench.weightsOnScreen(k), kind),
    scrollToWeights: (kind: string) =>
      page.evaluate((k) => (window as unknown as BenchWindow).__bench.scrollToWeights(k), kind),
    /** Presses Treinar (scrolling the lab into view first when `scroll`) and times the first step. */
    first: (kind: string, scroll: boolean, timeoutMs: number) =>
      page.evaluate(([k, s, t]) => (window as unknown as BenchWindow).__bench.first(k, s, t), [
        kind,
        scroll,
        timeoutMs,
      ] as const),
    sample: (kind: string) =>
      page.evaluate((k) => (window as unknown as BenchWindow).__bench.sample(k), kind),
  };
}
