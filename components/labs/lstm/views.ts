// The sequence lab's drawings: prediction against target, the LSTM gates (or Conv1D feature maps)
// of the chosen sequence, and every weight as a heatmap.
import type { ActivationSnapshot, Dataset, WeightSnapshot } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import {
  formatShape,
  gatesFromSnapshot,
  liveGateHeatmaps,
  liveView,
  liveWeightHeatmap,
  sequenceChart,
} from '../../../src/viz/index';
import { sampleOf } from '../shared/raw-data';
import { shapeBadges, showBadges } from '../shared/shapes';
import { appendSlot, liveViewOf, type ViewSlot } from '../shared/view';

/** Test samples whose prediction is drawn against the target. */
export const SHOWN = 40;

export function weightCaption(w: WeightSnapshot): string {
  const key =
    w.kind === 'recurrent'
      ? 'lab.lstm.recurrent'
      : w.kind === 'bias'
        ? 'lab.dense.bias'
        : w.shape.length === 3
          ? 'lab.lstm.conv1dKernel'
          : /lstm/.test(w.layer)
            ? 'lab.lstm.kernel'
            : 'lab.dense.kernel';
  return `${t(key, { layer: w.layer })} ${formatShape(w.shape)}`;
}

export function weightSlots(
  box: HTMLElement,
  weights: readonly WeightSnapshot[],
): Map<string, ViewSlot> {
  box.replaceChildren();
  return new Map(
    weights.map((w) => [w.name, appendSlot(box, { weights: w.name, caption: weightCaption(w) })]),
  );
}

export function drawWeight(slot: ViewSlot, w: WeightSnapshot): void {
  const lstm = /lstm/.test(w.layer);
  const view = liveViewOf(slot, () =>
    liveView(
      liveWeightHeatmap({
        maxWidth: 420,
        ...(w.shape.length === 3 ? { cellSize: 12 } : {}),
        ...(lstm && w.kind === 'bias' ? { layout: 'lstm' as const } : {}),
        ...(!lstm && w.kind === 'bias' ? { layout: 'bias' as const, cellSize: 18 } : {}),
      }),
    ),
  );
  slot.live(view, w);
}

/** The chosen window, the value that followed it, and what the model predicted. */
export function drawWindow(
  slot: ViewSlot,
  data: Dataset,
  index: number,
  predicted: number | undefined,
): void {
  const input = sampleOf(data, index);
  const target = [data.y[index] as number];
  slot.show(
    sequenceChart(
      { input, target, prediction: predicted === undefined ? [] : [predicted] },
      { width: 340, height: 200 },
    ),
  );
}

/** Target and prediction over the first test samples (one point per sample). */
export function drawTestFit(slot: ViewSlot, data: Dataset, predicted: Float32Array | null): void {
  const n = Math.min(SHOWN, data.y.length);
  slot.show(
    sequenceChart(
      { target: data.y.subarray(0, n), prediction: predicted?.subarray(0, n) ?? [], start: 0 },
      // One point per test sequence, not per timestep: the axis counts sequences.
      { width: 340, height: 200, xLabel: t('lab.lstm.fitAxis') },
    ),
  );
}

/** LSTM: gates and states per timestep. Conv1D: one strip per filter over time. */
export function drawInside(slot: ViewSlot, activations: readonly ActivationSnapshot[]): void {
  const gates = gatesFromSnapshot(activations);
  if (Object.keys(gates).length > 0) {
    slot.live(
      liveViewOf(slot, () => liveView(liveGateHeatmaps({ maxWidth: 420 }))),
      gates,
    );
    return;
  }
  const conv = activations.find((a) => a.kind === 'output' && /conv1d/.test(a.layer));
  if (!conv) return;
  // [steps, filters] drawn as a matrix with a row per filter over time and its own signed scale
  // (a strip 1 px tall per filter in grey, labelled "canal", was unreadable).
  const [steps = 0, filters = 0] = conv.shape.slice(-2);
  const rows = new Float32Array(steps * filters);
  for (let s = 0; s < steps; s++)
    for (let f = 0; f < filters; f++) rows[f * steps + s] = conv.values[s * filters + f] as number;
  slot.live(
    liveViewOf(slot, () =>
      liveView(
        liveWeightHeatmap({
          layout: 'dense',
          maxWidth: 420,
          ariaLabel: t('lab.conv1d.mapAriaLabel', {
            name: conv.layer,
            shape: formatShape([null, steps, filters]),
          }),
          labels: {
            'viz.axis.input': t('lab.conv1d.mapRows'),
            'viz.axis.unit': t('lab.conv1d.mapCols'),
            'viz.weights.value': t('lab.conv1d.mapValue'),
            'viz.weights.dense': t('lab.conv1d.mapMatrix'),
            'viz.weights.range': t('lab.conv1d.mapRange'),
          },
        }),
      ),
    ),
    { name: `${conv.layer}/output`, shape: [filters, steps], values: rows },
  );
}

export function drawShapes(
  list: HTMLElement,
  steps: number,
  activations: readonly ActivationSnapshot[],
): void {
  showBadges(list, shapeBadges([steps, 1], activations));
}
