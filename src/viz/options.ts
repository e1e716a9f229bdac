// Options every renderer shares, normalized once at the boundary into a RenderContext.
import { createLabels, type Labeler, type VizLabels } from './labels';

export interface VizOptions {
  /** Document to build nodes with; defaults to the global one (pass linkedom's in Node). */
  document?: Document;
  /** Replaces the chart's generated pt-BR accessible name. */
  ariaLabel?: string;
  /** Replaces the chart's generated pt-BR accessible description. */
  ariaDescription?: string;
  /** Replaces any default pt-BR string, e.g. with values from the i18n table. */
  labels?: VizLabels;
  /** Page theme the colours are chosen for; default the document's data-theme (Starlight's). */
  theme?: Theme;
}

export type Theme = 'light' | 'dark';

export interface RenderContext {
  doc: Document;
  t: Labeler;
  theme: Theme;
  /** The caller's ariaLabel, or `fallback`. */
  ariaLabel(fallback: string): string;
  /** The caller's ariaDescription, or `fallback`. */
  ariaDescription(fallback: string): string;
}

export function resolveContext(options: VizOptions): RenderContext {
  const doc = options.document ?? (globalThis as { document?: Document }).document;
  if (doc === undefined) {
    throw new TypeError('viz: no document available; pass options.document');
  }
  return {
    doc,
    t: createLabels(options.labels),
    theme: options.theme ?? pageTheme(doc),
    ariaLabel: (fallback) => options.ariaLabel ?? fallback,
    ariaDescription: (fallback) => options.ariaDescription ?? fallback,
  };
}

/** Clamps an integer option, so a bad value gives a usable chart rather than NaN pixels. */
export function clampInt(value: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(value)));
}

/** Starlight marks a dark page with data-theme="dark" on <html>. */
export function pageTheme(doc: Document): Theme {
  return doc.documentElement?.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
}

/** The theme a renderer draws for now: the option, else the page's (read on every call). */
export function themeOf(options: VizOptions): Theme {
  if (options.theme !== undefined) return options.theme;
  const doc = options.document ?? (globalThis as { document?: Document }).document;
  return doc === undefined ? 'light' : pageTheme(doc);
}
