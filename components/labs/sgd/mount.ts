// The SGD lab: a two-parameter Dense(1) walks down its loss landscape one minibatch at a time, and a
// 4×3 Dense kernel beside it shows ∇w, −η·∇w and the new w for the same minibatch. All steps are
// real tfjs in the lab's worker; the page draws the landscape (computed once) and the path. Every
// view is a live view redrawn by the frame loop, only while it is on screen.
import type { Plot } from '@observablehq/plot';
import { t } from '../../../src/i18n';
import type { CurvePoint, PathPoint } from '../../../src/viz/index';
import { downloadModel, downloadWeights, weightsFileName } from '../shared/download';
import { createFrameLoop, type FrameLoop } from '../shared/frame';
import { watchLifecycle } from '../shared/lifecycle';
import { createRpc } from '../shared/rpc';
import { createShell } from '../shared/shell';
import type { ViewSlot } from '../shared/view';
import { readSgdConfig, type SgdConfig } from './config';
import { PATH_START, landscape, pathLoss, pathProblem } from './problem';
import { createSgdWorker } from './worker';
import type { SgdReply, SgdRequest, StepReport } from './protocol';
import { curveSeries, drawCurve, drawKernel, drawLandscape, sgdViews, viewKey } from './views';

// A run's length: at full speed it lasts long enough to watch (and to measure, tests/bench), at
// the lab's starting 30 steps a second it is over a minute and a half.
const MAX_STEPS = 3000;
const number = new Intl.NumberFormat('pt-BR', { maximumSignificantDigits: 4 });
const pair = (a: number, b: number): string => `(${number.format(a)}; ${number.format(b)})`;

export function mount(root: HTMLElement, startedWorker?: Worker): void {
  const shell = createShell(root);
  const frames = createFrameLoop({ onError: (error) => console.error(error) });
  // Benchmarks read per-view drawing costs from here (tests/bench/browser.ts).
  (root as HTMLElement & { labFrames?: FrameLoop }).labFrames = frames;
  const views = sgdViews(root);
  const [fullSeries, batchSeries] = curveSeries();
  const readout = shell.find('[data-sgd-readout]');
  const problem = pathProblem();
  const surface = landscape(problem);
  // Loss levels in geometric steps: a quadratic bowl's floor is flat, and even levels would paint the
  // whole valley one colour; geometric ones keep drawing rings all the way down to the minimum.
  const thresholds = geometricLevels(surface.values, 14);
  let start: [number, number] = [...PATH_START];
  let path: PathPoint[] = [];
  let curve: CurvePoint[] = [];
  let panelKernel: Float32Array = new Float32Array(12);
  let timer = 0;
  let busy = false;
  /** Bumped by every restart, so a step reply from before it is dropped. */
  let generation = 0;

  shell.status(t('lab.status.loadingBackend', { backend: 'wasm' }));
  shell.loading('indeterminate');
  const worker = startedWorker ?? createSgdWorker();
  const rpc = createRpc<SgdRequest, SgdReply>(worker);

  let errorShown = false;
  /** The error box, written only when what it says changes (a step clears it 100 times a second). */
  const showError = (text: string | null): void => {
    if (text === null && !errorShown) return;
    errorShown = text !== null;
    shell.error(text);
  };

  const fail = (error: unknown): void => {
    stopLoop();
    shell.setState('error');
    shell.loading(null);
    showError(
      t('lab.error.unknown', { message: error instanceof Error ? error.message : String(error) }),
    );
  };

  /** Queues `draw` for `slot`: latest wins, and it waits while the slot is off screen. */
  const schedule = (slot: ViewSlot, fallback: string, draw: () => void): void =>
    frames.schedule(viewKey(slot, fallback), draw, slot.el);

  // The readout sits under the landscape and says in words what the path shows: it follows the
  // landscape's redraws (≤ one per frame), not every step.
  const showPath = (report: StepReport | null, config: SgdConfig | null): void =>
    schedule(views.landscape, 'landscape', () => {
      drawLandscape(views.landscape, surface, thresholds, path);
      describe(report, config);
    });
  const showCurve = (): void => schedule(views.curve, 'curve', () => drawCurve(views.curve, curve));

  const showPanel = (report: StepReport | null, lr: number): void => {
    const kernels: [ViewSlot, string, Float32Array | null][] =
      report === null
        ? [
            [views.w, 'w', panelKernel],
            [views.grad, '∇w', null],
            [views.delta, '−η·∇w', null],
            [views.next, t('lab.sgd.newW'), null],
          ]
        : [
            [views.w, 'w', report.panel.before],
            [views.grad, '∇w', report.panel.grad],
            [views.delta, '−η·∇w', report.panel.grad.map((g) => -lr * g)],
            [views.next, t('lab.sgd.newW'), report.panel.after],
          ];
    const run = generation;
    for (const [slot, name, values] of kernels)
      schedule(slot, name, () => drawKernel(slot, name, values, run));
  };

  const describe = (report: StepReport | null, config: SgdConfig | null): void => {
    const [w1, w2] = path.at(-1) ? [path.at(-1)?.w1 ?? 0, path.at(-1)?.w2 ?? 0] : start;
    const lines = [
      t('lab.sgd.position', {
        w1: number.format(w1),
        w2: number.format(w2),
        loss: number.format(pathLoss(problem, w1, w2)),
      }),
    ];
    if (report && config) {
      lines.push(
        t('lab.sgd.stepReport', {
          size: String(report.batchSize),
          grad: pair(report.grad[0], report.grad[1]),
          delta: pair(-config.learningRate * report.grad[0], -config.learningRate * report.grad[1]),
          moved: pair(report.next[0] - report.w[0], report.next[1] - report.w[1]),
        }),
      );
    }
    readout.textContent = lines.join(' ');
  };

  const resetView = (): void => {
    // New lists: the loss curve starts its scales over for a new run.
    path = [{ w1: start[0], w2: start[1] }];
    curve = [];
    shell.setProgress(null);
    showPath(null, null);
    showCurve();
    showPanel(null, 0);
  };

  /** The run is over: its weights are no longer numbers. Reiniciar is the way on. */
  const diverged = (at: number, loss: number): void => {
    stopLoop();
    shell.setState('error');
    showError(t('error.divergence', { loss: number.format(loss), step: String(at) }));
  };

  const stopLoop = (): void => {
    if (timer !== 0) clearTimeout(timer);
    timer = 0;
  };

  /**
   * One real step in the worker; false when the config was invalid. A step that was in flight when
   * the lab restarted (Reiniciar, a new starting point) is dropped: it belongs to the old path.
   */
  const step = async (): Promise<boolean> => {
    const config = readSgdConfig(root);
    if (typeof config === 'string') {
      showError(config);
      return false;
    }
    showError(null);
    busy = true;
    const mine = generation;
    try {
      const reply = await rpc.request({ type: 'step', ...config });
      if (mine !== generation) return true;
      if (reply.type === 'diverged') {
        diverged(reply.step, reply.loss);
        return true;
      }
      if (reply.type !== 'stepped') return false;
      const { report } = reply;
      path.push({ w1: report.next[0], w2: report.next[1] });
      const loss = pathLoss(problem, report.next[0], report.next[1]);
      record(
        curve,
        { step: report.step, value: loss, series: fullSeries },
        { step: report.step, value: report.batchLoss, series: batchSeries },
      );
      shell.setProgress({
        step: report.step,
        epoch: Math.floor((report.step * config.batchSize) / problem.n),
        loss,
      });
      showPath(report, config);
      showCurve();
      showPanel(report, config.learningRate);
      if (report.step >= MAX_STEPS) {
        stopLoop();
        shell.setState('done');
        shell.stepStatus('lab.status.done');
      }
      return true;
    } finally {
      busy = false;
    }
  };

  /**
   * The one way the next training step gets scheduled: after Treinar, after each step of the loop,
   * and after a Uma iteração step (Treinar may have been pressed while it was in flight). At most one step is in
   * flight and at most one timer pending, so the loop can neither stall nor run twice.
   */
  const continueTraining = (wait: number): void => {
    if (shell.state !== 'training' || busy || timer !== 0) return;
    timer = window.setTimeout(loop, wait);
  };

  const loop = (): void => {
    timer = 0;
    if (shell.state !== 'training' || busy) return;
    const began = performance.now();
    step()
      .then((ok) => {
        if (!ok) {
          pause();
          return;
        }
        // Velocidade: the lab starts slow enough to watch the path being drawn.
        continueTraining(Math.max(0, 1000 / shell.speed - (performance.now() - began)));
      })
      .catch(fail);
  };

  /** A step still in flight lands after the pause: the status follows the counter to it. */
  const pause = (status?: string): void => {
    if (shell.state !== 'training') return;
    stopLoop();
    shell.setState('paused');
    if (status === undefined) shell.stepStatus('lab.status.paused');
    else shell.status(status);
  };

  /** Checks the controls, showing the first bad one's pt-BR message in place; false when one is. */
  const configOk = (): boolean => {
    const config = readSgdConfig(root);
    showError(typeof config === 'string' ? config : null);
    return typeof config !== 'string';
  };
  // A typed learning rate is checked as soon as the reader leaves the field, not only at the next
  // step.
  shell.find('[name="learningRate"]').addEventListener('change', configOk);

  shell.on('train', () => {
    if (shell.state === 'training' || shell.state === 'error') return;
    if (shell.state === 'done' || !configOk()) return;
    shell.setState('training');
    shell.status(t('lab.status.training', { backend: backendName }));
    continueTraining(0);
  });
  shell.on('pause', () => pause());
  shell.on('step', () => {
    if (shell.state === 'training' || shell.state === 'error' || shell.state === 'done') return;
    if (busy) return;
    const mine = generation;
    step()
      .then((ok) => {
        if (ok && mine === generation && (shell.state === 'idle' || shell.state === 'paused')) {
          shell.setState('paused');
          shell.stepStatus('lab.status.paused');
        }
        // Even for a step a restart dropped: Treinar, pressed meanwhile, waits for it.
        continueTraining(0);
      })
      .catch(fail);
  });
  /** Back to step 0 from `start`, at once: replies to steps sent before are dropped (see step). */
  const restart = (status: string): void => {
    generation += 1;
    stopLoop();
    shell.setState('idle');
    resetView();
    shell.status(status);
    // A divergence's message goes with the run it ended; a bad field's stays.
    configOk();
    // Requests are answered in order: a step asked for after this one starts from `start`.
    rpc.request({ type: 'reset', start }).catch(fail);
  };
  shell.on('reset', () => restart(t('lab.status.restart')));
  shell.on('export-model', () => exportFiles('model').catch(fail));
  shell.on('export-weights', () => exportFiles('weights').catch(fail));

  const exportFiles = async (what: 'model' | 'weights'): Promise<void> => {
    const prefix = 'anatomia-sgd';
    const reply = await rpc.request({ type: 'export', weightsFile: weightsFileName(prefix) });
    if (reply.type !== 'exported') return;
    const files =
      what === 'model'
        ? downloadModel(prefix, reply.modelJson, reply.weights)
        : [downloadWeights(prefix, reply.json)];
    shell.status(t('lab.status.exported', { file: files.join(', ') }));
  };

  // Clicking the landscape (when not training) picks a new starting point.
  views.landscape.el.addEventListener('click', (event) => {
    if (shell.state === 'training') return;
    const chart = views.landscape.content.querySelector('svg[aria-label]') as
      (SVGSVGElement & Partial<Plot>) | null;
    const sx = chart?.scale?.('x');
    const sy = chart?.scale?.('y');
    if (!chart || !sx?.invert || !sy?.invert) return;
    const box = chart.getBoundingClientRect();
    const w1 = Number(sx.invert(event.clientX - box.left));
    const w2 = Number(sy.invert(event.clientY - box.top));
    if (!Number.isFinite(w1) || !Number.isFinite(w2)) return;
    start = [w1, w2];
    restart(t('lab.sgd.newStart', { w1: number.format(w1), w2: number.format(w2) }));
  });

  let backendName = 'wasm';
  const stopWatching = watchLifecycle({
    onHidden: () => pause(t('lab.status.hidden')),
    onLeave: () => {
      stopLoop();
      frames.dispose();
      stopWatching();
      rpc.terminate();
    },
  });

  resetView();
  rpc
    .request({ type: 'init', wasmPath: `${import.meta.env.BASE_URL}tfjs/`, start })
    .then((reply) => {
      if (reply.type !== 'ready') return;
      backendName = reply.backend;
      panelKernel = reply.panel[0];
      showPanel(null, 0);
      shell.loading(null);
      shell.status(t('lab.status.ready'));
      shell.ready();
    })
    .catch(fail);
}

/** The loss curve holds at most 2·CURVE_STEPS steps (two points each). */
const CURVE_STEPS = 800;

/**
 * Appends one step's two points (whole set, minibatch). Past 2·CURVE_STEPS steps, every other step
 * older than the last CURVE_STEPS / 2 is dropped: a long run keeps its shape at a bounded cost.
 */
function record(list: CurvePoint[], full: CurvePoint, batch: CurvePoint): void {
  list.push(full, batch);
  if (list.length <= 4 * CURVE_STEPS) return;
  const recent = list.length - CURVE_STEPS;
  // Points come in pairs, one step each: thin whole steps.
  const kept = list.filter((_, i) => (i >> 1) % 2 === 0 || i >= recent);
  list.splice(0, list.length, ...kept);
}

function geometricLevels(values: Float32Array, count: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const floor = Math.max(lo, 1e-3);
  const ratio = (hi / floor) ** (1 / count);
  return Array.from({ length: count }, (_, k) => floor * ratio ** (k + 0.5));
}
