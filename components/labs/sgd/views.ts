// The SGD lab's views, each a live view made once per slot and fed on every frame-loop draw: the
// landscape (contours once, the path as an overlay), the loss curve, and the four 4×3 kernel
// heatmaps of one step (w, ∇w, −η·∇w, new w) with colour scales held steady over a few frames.
import { t } from '../../../src/i18n';
import {
  liveLossCurve,
  liveView,
  liveWeightHeatmap,
  niceCeil,
  type CurvePoint,
  type LiveRenderer,
  type LossSurface,
  type PathPoint,
  type WeightHeatmapOptions,
  type WeightTensor,
} from '../../../src/viz/index';
import { liveViewOf, viewSlot, type ViewSlot } from '../shared/view';
import { liveLandscape } from './landscape';

export interface SgdViews {
  landscape: ViewSlot;
  curve: ViewSlot;
  /** The kernel before the step, its gradient, the update −η·∇w, the kernel after. */
  w: ViewSlot;
  grad: ViewSlot;
  delta: ViewSlot;
  next: ViewSlot;
}

export function sgdViews(root: ParentNode): SgdViews {
  return {
    landscape: viewSlot(root, '[data-sgd-landscape]'),
    curve: viewSlot(root, '[data-sgd-curve]'),
    w: viewSlot(root, '[data-sgd-w]'),
    grad: viewSlot(root, '[data-sgd-grad]'),
    delta: viewSlot(root, '[data-sgd-delta]'),
    next: viewSlot(root, '[data-sgd-next]'),
  };
}

/** The frame-loop key of a view: `w:<data-weights>` for weight views, as the benchmark expects. */
export function viewKey(slot: ViewSlot, fallback: string): string {
  const weights = slot.el.dataset['weights'];
  return weights === undefined ? fallback : `w:${weights}`;
}

export function drawLandscape(
  slot: ViewSlot,
  surface: LossSurface,
  thresholds: readonly number[],
  path: readonly PathPoint[],
): void {
  slot.live(
    liveViewOf(slot, () => liveLandscape(surface, { size: 300, thresholds })),
    path,
  );
}

export function curveSeries(): [string, string] {
  return [t('lab.sgd.series.full'), t('lab.sgd.series.batch')];
}

export function drawCurve(slot: ViewSlot, points: readonly CurvePoint[]): void {
  slot.live(
    liveViewOf(slot, () => liveLossCurve({ width: 320, height: 180, series: curveSeries() })),
    points,
  );
}

/** A tensor of one run of the lab; `run` changes at every restart. */
interface RunTensor {
  tensor: WeightTensor;
  run: number;
}

/** Draws a scale may lag behind a shrinking tensor: about half a second at 60 frames a second. */
const SCALE_WINDOW = 30;

/**
 * liveWeightHeatmap with a colour scale held steady: a 1-2-5 ceiling of the largest |value| over
 * the last SCALE_WINDOW draws, which grows at once and shrinks at most once per window, and starts
 * over with each run. A minibatch gradient's size jumps from step to step; a scale following each
 * step would rebuild the figure every other frame, and one that only grew would fade a gradient
 * that shrinks near the minimum to white.
 */
function heldScaleHeatmap(options: WeightHeatmapOptions): LiveRenderer<RunTensor> {
  const renderers = new Map<number, LiveRenderer<WeightTensor>>();
  const at = (max: number): LiveRenderer<WeightTensor> => {
    let renderer = renderers.get(max);
    if (renderer === undefined) {
      renderer = liveWeightHeatmap({ ...options, domainMax: max });
      renderers.set(max, renderer);
    }
    return renderer;
  };
  const recent = new Float64Array(SCALE_WINDOW);
  let run = NaN;
  let draws = 0;
  let max = 0;
  let held = 0;
  return {
    model(data, previous) {
      if (data.run !== run) {
        run = data.run;
        recent.fill(0);
        draws = 0;
        held = SCALE_WINDOW;
      }
      const { values } = data.tensor;
      let top = 0;
      for (let i = 0; i < values.length; i++) top = Math.max(top, Math.abs(values[i] as number));
      recent[draws % SCALE_WINDOW] = Number.isFinite(top) ? top : 0;
      draws += 1;
      let windowTop = 0;
      for (const v of recent) windowTop = Math.max(windowTop, v);
      const target = niceCeil(windowTop);
      if (target > max || (target < max && held >= SCALE_WINDOW)) {
        max = target;
        held = 0;
      }
      held += 1;
      return at(max).model(data.tensor, previous);
    },
    figure(data, model) {
      return at(model.domains?.[0] ?? max).figure(data.tensor, model);
    },
  };
}

/** A 4×3 kernel (or its gradient, or an update) of run `run` as a heatmap; null empties the slot. */
export function drawKernel(
  slot: ViewSlot,
  name: string,
  values: Float32Array | null,
  run: number,
): void {
  if (values === null) {
    slot.show(null);
    return;
  }
  const view = liveViewOf(slot, () =>
    liveView(heldScaleHeatmap({ layout: 'dense', cellSize: 22, maxWidth: 200 })),
  );
  slot.live(view, { tensor: { name, shape: [4, 3], values }, run });
}
