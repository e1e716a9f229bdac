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
}

export interface RenderContext {
  doc: Document;
  t: Labeler;
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
    ariaLabel: (fallback) => options.ariaLabel ?? fallback,
    ariaDescription: (fallback) => options.ariaDescription ?? fallback,
  };
}

/** Clamps an integer option, so a bad value gives a usable chart rather than NaN pixels. */
export function clampInt(value: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(value)));
}
