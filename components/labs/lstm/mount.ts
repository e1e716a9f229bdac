// The sequence lab's controller (LSTM, or the Conv1D variant for comparison): trains a forecaster in
// the worker and redraws predictions, the chosen sequence's gates/feature maps and the weights.
import type { ActivationSnapshot, Dataset, Snapshot } from '../../../src/core/page';
import { drawCurves, emptyCurves, recordCurves } from '../shared/curves';
import { required } from '../shared/dom';
import { readField, readNumber } from '../shared/fields';
import { sampleCount } from '../shared/raw-data';
import { bindTrainingLab } from '../shared/training-lab';
import { viewSlot, type ViewSlot } from '../shared/view';
import { readSequenceConfig, sequenceSetup, type SequenceVariant } from './config';
import {
  SHOWN,
  drawInside,
  drawShapes,
  drawTestFit,
  drawWeight,
  drawWindow,
  weightSlots,
} from './views';

export function mount(root: HTMLElement, worker?: Worker): void {
  const variant = (root.dataset['lab'] === 'conv1d' ? 'conv1d' : 'lstm') satisfies SequenceVariant;
  const find = <T extends HTMLElement>(selector: string): T => required<T>(root, selector);
  const windowView = viewSlot(root, '[data-seq-window]');
  const fit = viewSlot(root, '[data-seq-fit]');
  const inside = viewSlot(root, '[data-seq-inside]');
  const loss = viewSlot(root, '[data-seq-loss]');
  const shapes = find('[data-seq-shapes]');
  const probeInput = find<HTMLInputElement>('[name="probe"]');
  let test: Dataset | null = null;
  let steps = 20;
  let curves = emptyCurves();
  let slots = new Map<string, ViewSlot>();
  let probe = 0;
  let predicted: Float32Array | null = null;
  let predicting = false;
  let probing = false;
  // Predictions are asked of the worker at most 4 times a second, the gates 10 times, one request
  // at a time each.
  let lastPredicted = -Infinity;
  let lastProbed = -Infinity;

  const drawPredictions = (): void => {
    if (!test) return;
    const data = test;
    const at = probe;
    const p = predicted;
    lab.frames.schedule('fit', () => drawTestFit(fit, data, p));
    lab.frames.schedule('window', () =>
      drawWindow(windowView, data, at, at < (p?.length ?? 0) ? p?.[at] : undefined),
    );
  };

  /** Predictions for the shown test samples and the probe, one request in flight at most. */
  const refreshPredictions = (force = false): void => {
    if (!test || predicting || (!force && performance.now() - lastPredicted < 250)) return;
    lastPredicted = performance.now();
    const n = Math.min(sampleCount(test), Math.max(SHOWN, probe + 1));
    const size = steps;
    predicting = true;
    lab.session
      .predict(test.x.slice(0, n * size), [n, steps, 1])
      .then((p) => {
        predicted = p;
        drawPredictions();
      })
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        predicting = false;
      });
  };

  const refreshInside = (force = false): void => {
    if (probing || (!force && performance.now() - lastProbed < 100)) return;
    lastProbed = performance.now();
    probing = true;
    lab.session
      .setProbe(probe)
      .then((activations: ActivationSnapshot[]) => {
        lab.frames.schedule('inside', () => drawInside(inside, activations), inside.el);
      })
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        probing = false;
      });
  };

  const lab = bindTrainingLab(
    root,
    {
      prefix: `anatomia-${variant}`,
      setup() {
        const config = readSequenceConfig(root, variant);
        steps = config.steps;
        probe = config.probe;
        return sequenceSetup(config);
      },
      prepared(ready) {
        test = ready.test;
        predicted = null;
        curves = emptyCurves();
        probe = Math.min(probe, Math.max(0, sampleCount(ready.test) - 1));
        probeInput.max = String(Math.max(0, sampleCount(ready.test) - 1));
        slots = weightSlots(find('[data-seq-weights]'), ready.snapshot.weights);
        drawShapes(shapes, steps, ready.snapshot.activations ?? []);
        const activations = ready.snapshot.activations ?? [];
        lab.frames.schedule('inside', () => drawInside(inside, activations));
        refreshPredictions(true);
      },
      draw(snapshot: Snapshot, frames, fresh) {
        if (fresh) {
          recordCurves(curves, snapshot);
          refreshPredictions();
          refreshInside();
        }
        for (const weight of snapshot.weights) {
          const slot = slots.get(weight.name);
          if (slot) frames.schedule(`w:${weight.name}`, () => drawWeight(slot, weight), slot.el);
        }
        frames.schedule('curves', () => drawCurves(loss, null, curves), loss.el);
      },
    },
    worker,
  );

  // Editing "Minha sequência" means training on it: the task follows the field (as a click on the
  // Dense lab's chart picks "Meus pontos"), and the change that ends the edit rebuilds the model.
  // While a sine is chosen the field says it is not in use, so its text is not read as the data.
  const task = find<HTMLSelectElement>('[name="task"]');
  const seriesField = find<HTMLTextAreaElement>('[name="series"]');
  const unusedNote = root.querySelector<HTMLElement>('[data-series-unused]');
  const showSeriesUse = (): void => {
    const unused = task.value !== 'custom';
    seriesField.toggleAttribute('data-unused', unused);
    if (unusedNote) unusedNote.hidden = !unused;
  };
  seriesField.addEventListener('input', () => {
    task.value = 'custom';
    showSeriesUse();
  });
  task.addEventListener('change', showSeriesUse);
  showSeriesUse();

  probeInput.addEventListener('change', () => {
    const chosen = readField(lab.shell, () =>
      readNumber(root, 'probe', {
        min: 0,
        max: Number(probeInput.max || '0'),
        integer: true,
      }),
    );
    if (chosen === null) return;
    probe = chosen;
    drawPredictions();
    refreshPredictions(true);
    refreshInside(true);
  });
}
