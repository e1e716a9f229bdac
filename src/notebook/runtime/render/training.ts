// The live training panel: the loss curve and a heatmap of every kernel, redrawn from the core's
// snapshots at most once per frame. Same views (src/viz) and same test hooks as the labs:
// data-state/data-step/data-loss on the panel, data-weights/data-version on each weight view.
import type { Snapshot } from '../../../core/types';
import { t } from '../../../i18n';
import type { TrainingUpdate } from '../protocol';
import { el } from './dom';

/** Loss points kept for the curve; older ones are thinned to every other point past this. */
const MAX_POINTS = 2000;

type Viz = [typeof import('../../../viz/lossCurve'), typeof import('../../../viz/weightHeatmap')];

export interface TrainingPanel {
  readonly element: HTMLElement;
  update(update: TrainingUpdate): void;
}

const decimal = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 4 });

export function createTrainingPanel(title: string | undefined): TrainingPanel {
  const element = el('section', 'nb-training');
  element.dataset['trainingPanel'] = '';
  element.dataset['state'] = 'training';
  element.dataset['step'] = '0';
  element.setAttribute('aria-label', title ?? t('notebook.training.title'));
  const heading = el('p', 'nb-caption', title ?? t('notebook.training.title'));
  const status = el('p', 'nb-training-status', t('notebook.training.waiting'));
  status.setAttribute('role', 'status');
  const curve = el('div', 'nb-training-curve');
  const weights = el('div', 'nb-training-weights');
  element.append(heading, status, curve, weights);

  const points: { step: number; value: number; series: string }[] = [];
  const views = new Map<string, HTMLElement>();
  let latest: Snapshot | null = null;
  let frame = 0;
  let viz: Promise<Viz> | undefined;

  const redraw = async () => {
    frame = 0;
    const snapshot = latest;
    if (snapshot === null) return;
    viz ??= Promise.all([import('../../../viz/lossCurve'), import('../../../viz/weightHeatmap')]);
    const [{ lossCurve }, { weightHeatmap }] = await viz;
    curve.replaceChildren(lossCurve(points, { width: 520, height: 200 }));
    for (const weight of snapshot.weights) {
      if (weight.kind !== 'kernel' && weight.kind !== 'recurrent') continue;
      let view = views.get(weight.name);
      if (view === undefined) {
        view = el('figure', 'nb-weight');
        view.dataset['weights'] = weight.name;
        view.dataset['version'] = '0';
        view.append(
          el('figcaption', undefined, `${t('notebook.training.weights')} ${weight.name}`),
        );
        weights.append(view);
        views.set(weight.name, view);
      }
      const chart = weightHeatmap(weight, { maxWidth: 520 });
      view.replaceChildren(view.firstChild ?? '', chart);
      view.dataset['version'] = String(Number(view.dataset['version']) + 1);
    }
  };

  return {
    element,
    update({ snapshot, state }) {
      element.dataset['state'] = state;
      if (snapshot !== null) {
        latest = snapshot;
        element.dataset['step'] = String(snapshot.step);
        element.dataset['loss'] = String(snapshot.loss);
        const last = points.findLast((p) => p.series === 'treino');
        if (last === undefined || last.step < snapshot.step) {
          points.push({ step: snapshot.step, value: snapshot.loss, series: 'treino' });
          const valLoss = snapshot.metrics['valLoss'];
          if (valLoss !== undefined)
            points.push({ step: snapshot.step, value: valLoss, series: 'validação' });
          if (points.length > MAX_POINTS) {
            const thinned = points.filter((_, i) => i % 2 === 0 || i >= points.length - 10);
            points.splice(0, points.length, ...thinned);
          }
        }
        status.textContent = t('notebook.training.status', {
          step: snapshot.step,
          epoch: snapshot.epoch,
          loss: decimal.format(snapshot.loss),
        });
      }
      if (state !== 'training') status.textContent += ` · ${t(`notebook.training.${state}`)}`;
      frame ||= requestAnimationFrame(() => void redraw());
    },
  };
}
