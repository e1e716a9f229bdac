// Loss and accuracy curves (train and test) gathered from snapshots, bounded in length.
import type { Snapshot } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import { liveLossCurve, type CurvePoint } from '../../../src/viz/index';
import { liveViewOf, type ViewSlot } from './view';

/** Curves keep at most this many points per series; older ones are thinned out. */
const MAX_CURVE = 400;

export interface Curves {
  loss: CurvePoint[];
  accuracy: CurvePoint[];
}

export function emptyCurves(): Curves {
  return { loss: [], accuracy: [] };
}

function push(list: CurvePoint[], point: CurvePoint): void {
  if (!Number.isFinite(point.value)) return;
  list.push(point);
  // Thin the older half so a long run keeps its shape at a bounded drawing cost.
  if (list.length > MAX_CURVE * 2) {
    const kept = list.filter((_, i) => i % 2 === 0 || i >= list.length - MAX_CURVE / 2);
    list.splice(0, list.length, ...kept);
  }
}

export function recordCurves(curves: Curves, snapshot: Snapshot): void {
  const train = t('lab.series.train');
  const test = t('lab.series.test');
  const m = snapshot.metrics;
  push(curves.loss, { step: snapshot.step, value: snapshot.loss, series: train });
  if (m['valLoss'] !== undefined)
    push(curves.loss, { step: snapshot.step, value: m['valLoss'], series: test });
  if (m['accuracy'] !== undefined)
    push(curves.accuracy, { step: snapshot.step, value: m['accuracy'], series: train });
  if (m['valAccuracy'] !== undefined) {
    push(curves.accuracy, { step: snapshot.step, value: m['valAccuracy'], series: test });
  }
}

/** Regression labs have no accuracy: pass null to draw the loss alone. */
export function drawCurves(loss: ViewSlot, accuracy: ViewSlot | null, curves: Curves): void {
  loss.live(
    liveViewOf(loss, () => liveLossCurve({ width: 300, height: 150 })),
    curves.loss,
  );
  if (accuracy !== null)
    accuracy.live(
      liveViewOf(accuracy, () => liveLossCurve({ metric: 'accuracy', width: 300, height: 150 })),
      curves.accuracy,
    );
}
