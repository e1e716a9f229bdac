// The Dense lab's controller: reads the controls, prepares a model in the worker, and turns its
// snapshots into redraws. Training never runs here; this file only wires events to the session.
import type { LabeledPoint, Snapshot } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import type { BoundaryPoint } from '../../../src/viz/index';
import type { Prepared } from '../shared/session-types';
import { bindTrainingLab } from '../shared/training-lab';
import { viewSlot, type ViewSlot } from '../shared/view';
import {
  FieldError,
  denseSetup,
  layerActivations,
  readDenseConfig,
  type DenseConfig,
} from './config';
import { clickPosition, createKeyboardCursor } from './points';
import { EXTENT, datasetPoints, drawBoundary, drawShapes, drawWeight, weightSlots } from './views';
import { drawCurves, emptyCurves, recordCurves } from '../shared/curves';
import { required } from '../shared/dom';
import { createNetworkView } from './network';

export function mount(root: HTMLElement, worker?: Worker): void {
  const boundary = viewSlot(root, '[data-dense-boundary]');
  const loss = viewSlot(root, '[data-dense-loss]');
  const accuracy = viewSlot(root, '[data-dense-accuracy]');
  const shapes = root.querySelector<HTMLElement>('[data-dense-shapes]') as HTMLElement;
  const weightsBox = root.querySelector<HTMLElement>('[data-dense-weights]') as HTMLElement;
  const network = createNetworkView(required(root, '[data-dense-network]'), {
    id: `${root.id}-network`,
    extent: EXTENT,
    describeIn: root.querySelector<HTMLElement>('[data-dense-network-guide]'),
  });
  const custom: LabeledPoint[] = [];
  let config: DenseConfig | null = null;
  let points: BoundaryPoint[] = [];
  let curves = emptyCurves();
  let slots = new Map<string, ViewSlot>();
  let latest: Snapshot | null = null;

  const lab = bindTrainingLab(
    root,
    {
      prefix: 'anatomia-densa',
      setup() {
        config = readDenseConfig(root);
        if (config.dataset === 'custom') {
          const labels = new Set(custom.map((p) => p.label));
          if (labels.size < 2)
            throw new FieldError(t('lab.error.points', { count: String(custom.length) }));
        }
        // A preset's points taken over by a click keep their classes (the Gaussians have three).
        const classes = Math.max(2, ...custom.map((p) => p.label + 1));
        return denseSetup(config, { kind: 'custom', points: custom.slice(), classes });
      },
      prepared(ready: Prepared) {
        points = datasetPoints(ready.train);
        curves = emptyCurves();
        slots = weightSlots(weightsBox, ready.snapshot.weights);
        drawShapes(shapes, ready.snapshot.weights);
        network.setModel(ready.snapshot.weights);
      },
      draw(snapshot, frames, fresh) {
        latest = snapshot;
        if (fresh) recordCurves(curves, snapshot);
        const activations = config ? layerActivations(config) : [];
        frames.schedule(
          'boundary',
          () => drawBoundary(boundary, snapshot, activations, points),
          boundary.el,
        );
        frames.schedule(
          'network',
          () => network.update(snapshot.weights, activations),
          network.element,
        );
        for (const weight of snapshot.weights) {
          const slot = slots.get(weight.name);
          if (slot) frames.schedule(`w:${weight.name}`, () => drawWeight(slot, weight), slot.el);
        }
        frames.schedule('curves', () => drawCurves(loss, accuracy, curves), loss.el);
      },
      accuracy: (snapshot) => snapshot.metrics['valAccuracy'],
    },
    worker,
  );

  // Reader's points: a click (or Enter on the chart) adds one of the chosen class, then the model
  // restarts on the new data, as TF Playground does. On a preset, the click adds to the points on
  // screen (its training half), which become "Meus pontos".
  const addPoint = (x: number, y: number): void => {
    const chosen = root.querySelector<HTMLInputElement>('input[name="clickClass"]:checked');
    const select = root.querySelector<HTMLSelectElement>('select[name="dataset"]');
    if (!select) return;
    if (select.value !== 'custom') {
      custom.splice(0, custom.length, ...points.map((p) => ({ x: p.x, y: p.y, label: p.label })));
      select.value = 'custom';
    }
    const label = Number(chosen?.value ?? '0');
    custom.push({ x, y, label });
    const added = t('lab.dense.pointAdded', {
      label: String(label),
      x: x.toFixed(2).replace('.', ','),
      y: y.toFixed(2).replace('.', ','),
      count: String(custom.length),
    });
    lab.announce(added);
    const trainable = new Set(custom.map((p) => p.label)).size >= 2;
    // Not trainable yet: stop training on the old set; the reset below says how many points
    // there are now and what is missing.
    if (!trainable && lab.shell.state === 'training') lab.session.pause();
    // Said again once the model on the new data is ready, so "Pronto" does not hide it.
    lab.reset({ message: added });
    if (!trainable) {
      // Show the reader's points so far over the last boundary.
      points = custom.map((p) => ({ ...p }));
      if (latest && config) {
        const snapshot = latest;
        const activations = layerActivations(config);
        lab.frames.schedule('boundary', () =>
          drawBoundary(boundary, snapshot, activations, points),
        );
      }
    }
  };
  boundary.el.addEventListener('click', (event) => {
    const at = clickPosition(boundary.el, event);
    if (at) addPoint(at.x, at.y);
  });
  createKeyboardCursor(boundary.el, EXTENT, addPoint, (text) => lab.announce(text));
  root.querySelector('[data-action="clear-points"]')?.addEventListener('click', () => {
    custom.splice(0);
    const select = root.querySelector<HTMLSelectElement>('select[name="dataset"]');
    if (select?.value === 'custom') lab.reset();
  });
}
