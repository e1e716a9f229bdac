// The Dense lab's drawings: what each view shows for a snapshot. Called from frame-loop draws only.
import type { Dataset, Snapshot, WeightSnapshot } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import {
  formatShape,
  gridPoints,
  liveDecisionBoundary,
  liveView,
  liveWeightHeatmap,
  type BoundaryPoint,
} from '../../../src/viz/index';
import { appendSlot, liveViewOf, type ViewSlot } from '../shared/view';
import { denseLayers, forward } from './forward';
import type { Activation } from '../../../src/core/page';

export const EXTENT = { x: [-1.6, 1.6] as const, y: [-1.6, 1.6] as const };
const GRID = 40;
const GRID_POINTS = gridPoints(GRID, EXTENT.x, EXTENT.y); // [GRID², 2]

export function datasetPoints(data: Dataset): BoundaryPoint[] {
  const n = data.x.length / 2;
  const classes = data.yShape[0] ?? 2;
  const points: BoundaryPoint[] = [];
  for (let i = 0; i < n; i++) {
    let label = 0;
    for (let c = 1; c < classes; c++) {
      if ((data.y[i * classes + c] as number) > (data.y[i * classes + label] as number)) label = c;
    }
    points.push({ x: data.x[2 * i] as number, y: data.x[2 * i + 1] as number, label });
  }
  return points;
}

export function drawBoundary(
  slot: ViewSlot,
  snapshot: Snapshot,
  activations: readonly Activation[],
  points: readonly BoundaryPoint[],
): void {
  const layers = denseLayers(snapshot.weights, activations);
  const grid = forward(layers, GRID_POINTS, GRID * GRID); // [GRID², classes]
  const view = liveViewOf(slot, () => liveView(liveDecisionBoundary({ size: 280 })));
  slot.live(view, { grid, gridSize: GRID, extent: EXTENT, points });
}

/** One slot per weight tensor, created once per model; keyed by the weight's name. */
export function weightSlots(
  container: HTMLElement,
  weights: readonly WeightSnapshot[],
): Map<string, ViewSlot> {
  container.replaceChildren();
  const slots = new Map<string, ViewSlot>();
  // One column per layer, its kernel above its bias: the layers read left to right as in the
  // network view, and three layers take two rows of views instead of three.
  const groups = new Map<string, HTMLElement>();
  for (const w of weights) {
    const caption = t(w.kind === 'bias' ? 'lab.dense.bias' : 'lab.dense.kernel', {
      layer: w.layer,
    });
    let group = groups.get(w.layer);
    if (group === undefined) {
      group = document.createElement('div');
      group.className = 'dense-layer-weights';
      container.append(group);
      groups.set(w.layer, group);
    }
    slots.set(
      w.name,
      appendSlot(group, { weights: w.name, caption: `${caption} ${formatShape(w.shape)}` }),
    );
  }
  return slots;
}

export function drawWeight(slot: ViewSlot, weight: WeightSnapshot): void {
  const view = liveViewOf(slot, () =>
    liveView(
      liveWeightHeatmap({
        layout: weight.kind === 'bias' ? 'bias' : 'dense',
        maxWidth: 240,
        cellSize:
          weight.kind === 'bias'
            ? 18
            : Math.min(22, Math.max(8, Math.floor(200 / (weight.shape[1] ?? 1)))),
      }),
    ),
  );
  slot.live(view, weight);
}

/** "(amostras, 2) → dense_1 → (amostras, 4) → …" as badges, read from the kernels' shapes. */
export function drawShapes(list: HTMLElement, weights: readonly WeightSnapshot[]): void {
  const kernels = weights.filter((w) => w.kind === 'kernel');
  const first = kernels[0];
  const items = first ? [`${t('lab.input')} ${formatShape([null, first.shape[0] ?? 0])}`] : [];
  for (const k of kernels) items.push(`${k.layer} → ${formatShape([null, k.shape[1] ?? 0])}`);
  list.replaceChildren(
    ...items.map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
}
