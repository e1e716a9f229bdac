// The Conv2D lab's controller: a CNN on MNIST trained in the worker; filters and feature maps of
// a chosen test digit redraw live, and a drawing pad asks the current model for ten probabilities.
import type { ActivationSnapshot, Dataset, Snapshot } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import { drawCurves, emptyCurves, recordCurves } from '../shared/curves';
import { required } from '../shared/dom';
import { readField, readNumber } from '../shared/fields';
import { bindTrainingLab } from '../shared/training-lab';
import { viewSlot, type ViewSlot } from '../shared/view';
import { conv2dSetup, readConv2dConfig } from './config';
import { createDrawPad } from './draw';
import {
  convSlots,
  drawDigit,
  drawFilters,
  drawMaps,
  drawProbabilities,
  drawShapes,
  labelOf,
  sample,
} from './views';

/** Least time between two probes of the chosen digit's feature maps (one in flight at most). */
const PROBE_MS = 100;

const percent = new Intl.NumberFormat('pt-BR', { style: 'percent', maximumFractionDigits: 1 });

export function mount(root: HTMLElement, worker?: Worker): void {
  const find = <T extends HTMLElement>(selector: string): T => required<T>(root, selector);
  const loss = viewSlot(root, '[data-conv2d-loss]');
  const accuracy = viewSlot(root, '[data-conv2d-accuracy]');
  const digit = viewSlot(root, '[data-conv2d-digit]');
  const probs = viewSlot(root, '[data-conv2d-probs]');
  const shapes = find('[data-conv2d-shapes]');
  const probeInput = find<HTMLInputElement>('[name="probe"]');
  const prediction = find('[data-conv2d-prediction]');
  let test: Dataset | null = null;
  let curves = emptyCurves();
  let slots: { filters: Map<string, ViewSlot>; maps: Map<string, ViewSlot> } = {
    filters: new Map(),
    maps: new Map(),
  };
  /** The test digit whose feature maps are shown. */
  let chosenProbe = 0;
  let lastActivations = -Infinity;
  let activationsPending = false;
  let predictPending = false;
  let predictAgain = false;

  const drawActivations = (activations: readonly ActivationSnapshot[]): void => {
    for (const a of activations) {
      const slot = slots.maps.get(a.layer);
      if (slot && a.kind === 'output')
        lab.frames.schedule(`maps:${a.layer}`, () => drawMaps(slot, a), slot.el);
    }
  };

  /**
   * Activations of the chosen digit, asked of the worker at most 10 times a second and one request
   * at a time, so probing never slows training much.
   */
  const refreshActivations = (force = false): void => {
    if (activationsPending || (!force && performance.now() - lastActivations < PROBE_MS)) return;
    activationsPending = true;
    lastActivations = performance.now();
    lab.session
      .setProbe(chosenProbe)
      .then(drawActivations)
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        activationsPending = false;
      });
  };

  let lastClassified = -Infinity;
  /** Classifies the drawing: always after a stroke, at most twice a second while training. */
  const classify = (fromStroke = false): void => {
    if (!pad.dirty) return;
    if (!fromStroke && performance.now() - lastClassified < 500) return;
    lastClassified = performance.now();
    if (predictPending) {
      predictAgain = true;
      return;
    }
    predictPending = true;
    lab.session
      .predict(pad.pixels(), [1, 28, 28, 1])
      .then((p) => {
        lab.frames.schedule('probs', () => drawProbabilities(probs, p));
        const best = p.indexOf(Math.max(...p));
        // Before the first step the weights are random: say so, or the guess reads as learned.
        const untrained = (lab.latest?.step ?? 0) === 0;
        prediction.textContent = t(
          untrained ? 'lab.conv2d.predictionUntrained' : 'lab.conv2d.prediction',
          { digit: String(best), percent: percent.format(p[best] ?? 0) },
        );
      })
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        predictPending = false;
        if (predictAgain) {
          predictAgain = false;
          classify(true);
        }
      });
  };

  const showProbe = (): void => {
    if (!test) return;
    const pixels = sample(test, chosenProbe);
    const label = labelOf(test, chosenProbe);
    lab.frames.schedule('digit', () => {
      drawDigit(digit, pixels);
      digit.el.dataset['label'] = String(label);
    });
  };

  const lab = bindTrainingLab(
    root,
    {
      prefix: 'anatomia-conv2d',
      setup() {
        const config = readConv2dConfig(root);
        chosenProbe = config.probe;
        return conv2dSetup(config);
      },
      prepared(ready) {
        test = ready.test;
        curves = emptyCurves();
        slots = convSlots(
          find('[data-conv2d-filters]'),
          find('[data-conv2d-maps]'),
          ready.snapshot.weights,
        );
        drawShapes(shapes, ready.snapshot.activations ?? []);
        showProbe();
      },
      draw(snapshot: Snapshot, frames, fresh) {
        if (fresh) recordCurves(curves, snapshot);
        for (const weight of snapshot.weights) {
          const slot = slots.filters.get(weight.name);
          if (slot) frames.schedule(`w:${weight.name}`, () => drawFilters(slot, weight), slot.el);
        }
        if (snapshot.activations) drawActivations(snapshot.activations);
        else if (fresh) refreshActivations();
        frames.schedule('curves', () => drawCurves(loss, accuracy, curves), loss.el);
        // The drawing is re-classified as the model learns (one request in flight at most).
        if (fresh) classify();
      },
      accuracy: (snapshot) => snapshot.metrics['valAccuracy'],
    },
    worker,
  );

  const pad = createDrawPad(find<HTMLCanvasElement>('[data-conv2d-pad]'), () => classify(true));
  root.querySelector('[data-conv2d-clear]')?.addEventListener('click', () => {
    pad.clear();
    probs.show(null);
    delete probs.el.dataset['probabilities'];
    prediction.textContent = '';
  });
  probeInput.addEventListener('change', () => {
    const chosen = readField(lab.shell, () =>
      readNumber(root, 'probe', {
        min: 0,
        max: (test?.y.length ?? 10) / 10 - 1,
        integer: true,
      }),
    );
    if (chosen === null) return;
    chosenProbe = chosen;
    showProbe();
    if (lab.latest) refreshActivations(true);
  });
}
