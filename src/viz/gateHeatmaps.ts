// An LSTM's inside for one input sequence: the gates i, f, o (in [0, 1]) and the cell state c
// and hidden state h, each a heatmap of timestep × unit, stacked in one labelled figure. Gates
// share one sequential scale; the two states are signed, so each gets a diverging one.
import type { ActivationSnapshot } from '../core/types';
import { createFigure, createPanel, describeGroup } from './figure';
import { fitCellSize, colorLegend, heatmapSvg, indexAxis } from './heatmap';
import { resolveContext, themeOf, type Theme, type VizOptions } from './options';
import type * as Plot from '@observablehq/plot';
import { stickyMax, type LiveRenderer } from './live';
import {
  divergingScale,
  maxAbs,
  sequentialScale,
  symmetricDomain,
  type DivergingScheme,
} from './palette';
import { continuousLookup, rasterize } from './raster';
import { checkTensor, squeezeLeading, type Matrix, type TensorData } from './tensor';

export type GateKey = 'i' | 'f' | 'o' | 'c' | 'h';

/** Each entry is [timesteps, units] (leading 1s, e.g. a batch of one, are dropped). */
export type GateActivations = Partial<Record<GateKey, TensorData>>;

export const GATE_ORDER: readonly GateKey[] = ['i', 'f', 'o', 'c', 'h'];

export interface GateHeatmapsOptions extends VizOptions {
  /** Which panels, in order; default i, f, o, c, h (those present). */
  gates?: readonly GateKey[];
  /** Diverging scheme for c and h (default 'RdBu'). */
  scheme?: DivergingScheme;
  /** Pixels per timestep; default fitted to maxWidth. */
  cellWidth?: number;
  /** Pixels per unit; default so a panel is ~100px tall. */
  cellHeight?: number;
  /** Default 640. */
  maxWidth?: number;
}

/** Picks one LSTM layer's gate activations out of a snapshot (the first LSTM when no name). */
export function gatesFromSnapshot(
  activations: readonly ActivationSnapshot[],
  layer?: string,
): GateActivations {
  const gates: GateActivations = {};
  const name = layer ?? activations.find((a) => a.kind !== 'output')?.layer;
  for (const a of activations) {
    if (a.layer === name && a.kind !== 'output') gates[a.kind] = a;
  }
  return gates;
}

/** [timesteps, units] → a matrix with one row per unit and one column per timestep. */
function unitsByTime(tensor: TensorData, key: GateKey): Matrix {
  checkTensor(tensor, `gateHeatmaps(${key})`);
  const shape = squeezeLeading(tensor.shape, 2);
  if (shape.length !== 2) {
    throw new RangeError(`gateHeatmaps: ${key} must be [timesteps, units], got [${tensor.shape}]`);
  }
  const [steps = 0, units = 0] = shape;
  const out = new Float32Array(steps * units); // [units, timesteps]
  for (let s = 0; s < steps; s++) {
    for (let u = 0; u < units; u++) out[u * steps + s] = tensor.values[s * units + u] as number;
  }
  return { rows: units, cols: steps, values: out };
}

const isGate = (k: GateKey) => k === 'i' || k === 'f' || k === 'o';

/** The panels' matrices, checked to share one [units, timesteps] size. */
function panelsOf(
  gates: GateActivations,
  options: GateHeatmapsOptions,
): { keys: GateKey[]; matrices: Matrix[]; units: number; steps: number } {
  const keys = (options.gates ?? GATE_ORDER).filter((k) => gates[k] !== undefined);
  const matrices = keys.map((k) => unitsByTime(gates[k] as TensorData, k));
  const first = matrices[0];
  if (first === undefined) throw new RangeError('gateHeatmaps: no gate activations');
  const { rows: units, cols: steps } = first;
  keys.forEach((key, index) => {
    const matrix = matrices[index] as Matrix;
    if (matrix.rows !== units || matrix.cols !== steps) {
      throw new RangeError(`gateHeatmaps: ${key} is not [${steps}, ${units}] like ${keys[0]}`);
    }
  });
  return { keys, matrices, units, steps };
}

/** Gates share [0, 1]; c and h each get a symmetric scale, pinned by `maxima` when given. */
function panelColor(
  key: GateKey,
  matrix: Matrix,
  scheme: DivergingScheme,
  theme: Theme,
  max?: number,
): Plot.ScaleOptions {
  return isGate(key)
    ? GATE_SCALE
    : divergingScale(symmetricDomain(matrix.values, max), scheme, theme);
}

const GATE_SCALE = sequentialScale([0, 1], 'viridis');

/**
 * gateHeatmaps as a live renderer (see live.ts): the panels are rebuilt when the sequence's shape
 * changes or a state leaves its colour scale (stickyMax); otherwise only their cells repaint.
 */
export function liveGateHeatmaps(options: GateHeatmapsOptions = {}): LiveRenderer<GateActivations> {
  const scheme = options.scheme ?? 'RdBu';
  return {
    model(gates, previous) {
      const { keys, matrices, units, steps } = panelsOf(gates, options);
      const theme = themeOf(options);
      const domains: number[] = [];
      const rasters = keys.map((key, index) => {
        const matrix = matrices[index] as Matrix;
        const max = isGate(key) ? 1 : stickyMax(maxAbs(matrix.values), previous?.domains?.[index]);
        domains.push(max);
        return rasterize(matrix, continuousLookup(panelColor(key, matrix, scheme, theme, max)));
      });
      return {
        key: [keys.join(''), units, steps, theme, ...domains].join('|'),
        rasters,
        domains,
      };
    },
    figure: (gates, model) => drawGates(gates, options, model.domains),
  };
}

export function gateHeatmaps(
  gates: GateActivations,
  options: GateHeatmapsOptions = {},
): HTMLElement {
  return drawGates(gates, options);
}

function drawGates(
  gates: GateActivations,
  options: GateHeatmapsOptions,
  maxima?: readonly number[],
): HTMLElement {
  const ctx = resolveContext(options);
  const { t } = ctx;
  const { keys, matrices, units, steps } = panelsOf(gates, options);
  const cellW = options.cellWidth ?? fitCellSize(steps, (options.maxWidth ?? 640) - 44, 4, 32);
  const cellH = options.cellHeight ?? Math.max(2, Math.min(12, Math.floor(100 / units)));
  const gateScale = GATE_SCALE;
  const scheme = options.scheme ?? 'RdBu';
  const figure = createFigure(ctx.doc, 'gate-heatmaps');
  const names = keys.map((k) => t(`viz.gate.${k}`));
  describeGroup(
    figure,
    ctx.ariaLabel(t('viz.gates.ariaLabel')),
    ctx.ariaDescription(t('viz.gates.ariaDescription', { panels: names.join(', '), steps, units })),
  );
  const lastGate = keys.findLast(isGate);
  keys.forEach((key, index) => {
    const matrix = matrices[index] as Matrix;
    const name = names[index] as string;
    const color = panelColor(key, matrix, scheme, ctx.theme, maxima?.[index]);
    const chart = heatmapSvg({
      doc: ctx.doc,
      matrix,
      color,
      cellSize: [cellW, cellH],
      // Only the top panel carries the timestep axis; the panels below line up under it.
      x: index === 0 ? indexAxis(t('viz.axis.timestep'), steps, cellW) : null,
      // The axis title sits in the top margin, which only the first panel has.
      y: indexAxis(index === 0 ? t('viz.axis.unit') : '', units, cellH, 14),
      margins: index === 0 ? {} : { top: 4 },
      ariaLabel: `${name} (${key})`,
      ariaDescription: t('viz.gates.panelLabel', { gate: name, steps, units }),
    });
    const width = 44 + steps * cellW;
    const children: Node[] = [chart];
    if (!isGate(key)) {
      const label = t('viz.sign.legend', { label: name });
      children.push(colorLegend(ctx.doc, color, label, width));
    } else if (key === lastGate) {
      children.push(colorLegend(ctx.doc, gateScale, t('viz.gates.legend'), width));
    }
    figure.append(createPanel(ctx.doc, key, `${name} (${key})`, ...children));
  });
  return figure;
}
