// The Conv2D lab's drawings. Each function turns plain snapshot data into one view's chart.
import type { ActivationSnapshot, Dataset, WeightSnapshot } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import {
  digitImage,
  formatShape,
  liveFeatureMaps,
  liveView,
  liveWeightHeatmap,
  probabilityBars,
} from '../../../src/viz/index';
import { shapeBadges, showBadges } from '../shared/shapes';
import { appendSlot, liveViewOf, type ViewSlot } from '../shared/view';

/** Slots for every conv kernel (filters) and every conv output (feature maps), in layer order. */
export function convSlots(
  filtersBox: HTMLElement,
  mapsBox: HTMLElement,
  weights: readonly WeightSnapshot[],
): { filters: Map<string, ViewSlot>; maps: Map<string, ViewSlot> } {
  filtersBox.replaceChildren();
  mapsBox.replaceChildren();
  const filters = new Map<string, ViewSlot>();
  const maps = new Map<string, ViewSlot>();
  for (const w of weights) {
    if (w.kind !== 'kernel' || w.shape.length !== 4) continue;
    filters.set(
      w.name,
      appendSlot(filtersBox, {
        weights: w.name,
        caption: `${t('lab.conv2d.filters', { layer: w.layer })} ${formatShape(w.shape)}`,
      }),
    );
    maps.set(
      w.layer,
      appendSlot(mapsBox, { caption: t('lab.conv2d.featureMaps', { layer: w.layer }) }),
    );
  }
  return { filters, maps };
}

export function drawFilters(slot: ViewSlot, weight: WeightSnapshot): void {
  const inChannels = weight.shape[2] ?? 1;
  const view = liveViewOf(slot, () =>
    liveView(
      liveWeightHeatmap({
        layout: 'conv2d',
        channel: inChannels > 1 ? 'mean' : 0,
        cellSize: 9,
        columns: 8,
        maxWidth: 560,
      }),
    ),
  );
  slot.live(view, weight);
}

/** Pixels per feature-map cell: a map is at least MAP_PX wide (conv2d_2's 11×11 maps were 22 px). */
export function mapCellSize(shape: readonly number[]): number {
  const side = shape.at(-2) ?? 1;
  return Math.max(2, Math.ceil(MAP_PX / Math.max(1, side)));
}
const MAP_PX = 40;

export function drawMaps(slot: ViewSlot, activation: ActivationSnapshot): void {
  const view = liveViewOf(slot, () =>
    liveView(
      liveFeatureMaps({ maxWidth: 560, cellSize: mapCellSize(activation.shape), columns: 8 }),
    ),
  );
  slot.live(view, activation);
}

export function sample(data: Dataset, index: number): Float32Array {
  const size = 28 * 28;
  return data.x.slice(index * size, (index + 1) * size);
}

export function labelOf(data: Dataset, index: number): number {
  const row = data.y.subarray(index * 10, index * 10 + 10);
  return row.indexOf(Math.max(...row));
}

export function drawDigit(slot: ViewSlot, pixels: Float32Array): void {
  slot.show(digitImage({ shape: [28, 28], values: pixels }, { cellSize: 3 }));
}

export function drawProbabilities(slot: ViewSlot, probs: Float32Array): void {
  slot.show(probabilityBars(probs, { width: 300, height: 160 }));
  slot.el.dataset['probabilities'] = JSON.stringify(Array.from(probs));
}

/** (amostras, 28, 28, 1) → conv2d_1 (amostras, 26, 26, 8) → …, from the probe's real outputs. */
export function drawShapes(list: HTMLElement, activations: readonly ActivationSnapshot[]): void {
  showBadges(list, shapeBadges([28, 28, 1], activations));
}
