// The controller every worker-trained lab (Dense, Conv2D, LSTM, Conv1D) shares: it owns the session,
// the frame loop and the shell, maps run states onto data-state, and calls the lab back to set up a
// model and to draw a snapshot. A lab file then only says what its model is and how it looks.
import type { RunState, Snapshot } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import { downloadModel, downloadWeights } from './download';
import { FieldError } from './fields';
import { createFrameLoop, type FrameLoop } from './frame';
import { watchLifecycle } from './lifecycle';
import { createSession } from './session';
import type { LabSession, Prepared, SessionSetup } from './session-types';
import { createShell, type LabShell } from './shell';

export interface TrainingLabSpec {
  /** File name prefix for exports, e.g. 'anatomia-densa'. */
  prefix: string;
  /** Reads the controls into a setup; throws FieldError (pt-BR message) on bad input. */
  setup(): SessionSetup;
  /** A new model and its data are ready; build per-model views here. */
  prepared(ready: Prepared): void;
  /** Schedule redraws for `snapshot`; `fresh` is false when an old snapshot is redrawn. */
  draw(snapshot: Snapshot, frames: FrameLoop, fresh: boolean): void;
  /** The accuracy shown in the counter, when the lab measures one. */
  accuracy?(snapshot: Snapshot): number | undefined;
}

export interface ResetOptions {
  /** Draw a new initialisation seed (Novos pesos); otherwise the seed is kept (Reiniciar). */
  newWeights?: boolean;
  /** What the status says once the new model is ready, given its seed. */
  announce?: 'lab.status.reset' | 'lab.status.newWeights';
  /** A ready-made status for when the new model is ready (e.g. the point a click added). */
  message?: string;
}

export interface TrainingLab {
  readonly shell: LabShell;
  readonly frames: FrameLoop;
  readonly session: LabSession;
  /** The snapshot drawn last (step 0 right after a reset). */
  readonly latest: Snapshot | null;
  /**
   * Builds a fresh model from the current controls (Reiniciar does this too), from the same
   * initial weights as before; with `newWeights`, from a new initialisation seed.
   */
  reset(options?: ResetOptions): void;
  /** Writes a message to the status line (announced politely). */
  announce(text: string): void;
}

/** How long a select must stay on one option before the lab rebuilds on it. */
const SELECT_SETTLE_MS = 400;

const STATES: Partial<Record<RunState, 'training' | 'paused' | 'done' | 'error'>> = {
  training: 'training',
  paused: 'paused',
  done: 'done',
  error: 'error',
};

export function bindTrainingLab(
  root: HTMLElement,
  spec: TrainingLabSpec,
  worker?: Worker,
): TrainingLab {
  const shell = createShell(root);
  const frames = createFrameLoop({ onError: (error) => console.error(error) });
  // Benchmarks read per-view drawing costs from here (tests/bench/browser.ts).
  (root as HTMLElement & { labFrames?: FrameLoop }).labFrames = frames;
  const session = createSession(worker);
  let latest: Snapshot | null = null;
  let backend = 'wasm';
  /** Bumped by every reset, so replies for an older model are ignored. */
  let generation = 0;
  let preparing: Promise<boolean> = Promise.resolve(false);
  let trainWhenReady = false;
  /**
   * Added to the lab's model seed: Reiniciar keeps it (same initial weights), Novos pesos adds 1.
   * Data and shuffling keep their own seed, so only the initialisation changes.
   */
  let seedOffset = 0;
  let modelSeed = 1;
  /** What the status says once the model a reset asked for is ready (default: "Pronto…"). */
  let readyMessage: string | null = null;
  /** Set when a hidden tab paused the run, so the status says why. */
  let pausedByHiddenTab = false;

  const showError = (error: unknown): void => {
    shell.loading(null);
    shell.setState('error');
    if (error instanceof FieldError) shell.error(error.message);
    else
      shell.error(
        t('lab.error.unknown', { message: error instanceof Error ? error.message : String(error) }),
      );
  };

  const show = (snapshot: Snapshot, fresh: boolean): void => {
    latest = snapshot;
    shell.setProgress(
      snapshot.step === 0
        ? null
        : {
            step: snapshot.step,
            epoch: snapshot.epoch,
            loss: snapshot.loss,
            accuracy: spec.accuracy?.(snapshot),
          },
    );
    spec.draw(snapshot, frames, fresh);
  };

  const reset = (options: ResetOptions = {}): void => {
    const mine = ++generation;
    if (options.newWeights === true) seedOffset += 1;
    let setup: SessionSetup;
    try {
      setup = spec.setup();
      modelSeed = (setup.model.seed ?? 1) + seedOffset;
      setup = { ...setup, model: { ...setup.model, seed: modelSeed } };
      readyMessage =
        options.announce === undefined
          ? (options.message ?? null)
          : t(options.announce, { seed: String(modelSeed) });
    } catch (error) {
      readyMessage = null;
      showError(error);
      preparing = Promise.resolve(false);
      return;
    }
    shell.error(null);
    shell.status(t(setup.data.kind === 'mnist' ? 'lab.status.loadingData' : 'lab.status.building'));
    shell.loading('indeterminate');
    preparing = session.prepare(setup).then(
      (ready) => {
        if (mine !== generation) return false;
        backend = ready.backend;
        shell.loading(null);
        shell.setState('idle');
        spec.prepared(ready);
        show(ready.snapshot, false);
        shell.status(readyMessage ?? t('lab.status.ready'));
        readyMessage = null;
        shell.ready();
        if (trainWhenReady) {
          trainWhenReady = false;
          train();
        }
        return true;
      },
      (error: unknown) => {
        if (mine === generation) showError(error);
        return false;
      },
    );
  };

  const train = (): void => {
    if (shell.state === 'training') return;
    if (shell.state === 'error') {
      // Bad input: re-read the controls; training starts once they are valid.
      trainWhenReady = true;
      reset();
      return;
    }
    shell.status(t('lab.status.training', { backend }));
    shell.setState('training');
    session.train();
  };

  session.onSnapshot((snapshot) => show(snapshot, true));
  session.onState((state, message) => {
    const mapped = STATES[state];
    if (mapped === undefined || shell.state === 'error') return;
    if (mapped === 'error') {
      showError(new Error(message ?? state));
      return;
    }
    shell.setState(mapped);
    if (mapped === 'paused') {
      if (pausedByHiddenTab) shell.status(t('lab.status.hidden'));
      else shell.stepStatus('lab.status.paused');
      pausedByHiddenTab = false;
    }
    if (mapped === 'done') shell.stepStatus('lab.status.done');
  });

  shell.on('train', () => {
    preparing.then(() => train(), showError);
  });
  shell.on('pause', () => session.pause());
  shell.on('step', () => {
    if (shell.state === 'training' || shell.state === 'error') return;
    session.step().catch(showError);
    shell.setState('paused');
    // The step's snapshot moves the counter, and the status with it.
    shell.stepStatus('lab.status.paused');
  });
  shell.on('reset', () => {
    trainWhenReady = false;
    reset({ announce: 'lab.status.reset' });
  });
  shell.on('new-weights', () => {
    trainWhenReady = false;
    reset({ newWeights: true, announce: 'lab.status.newWeights' });
  });
  shell.onSpeed((stepsPerSecond) => session.setSpeed(stepsPerSecond));
  // Exports wait for a model a reset is still building, so they never save the one it replaced.
  shell.on('export-model', () => {
    preparing
      .then(() => session.exportModel())
      .then(({ modelJson, weights }) => {
        shell.status(
          t('lab.status.exported', {
            file: downloadModel(spec.prefix, modelJson, weights).join(', '),
          }),
        );
      })
      .catch(showError);
  });
  shell.on('export-weights', () => {
    preparing
      .then(() => session.exportWeights())
      .then((json) =>
        shell.status(t('lab.status.exported', { file: downloadWeights(spec.prefix, json) })),
      )
      .catch(showError);
  });
  // Any setting changes the model or its data: start over from fresh weights. Arrow keys on a
  // closed select change it once per key press, so a select's change waits until the reader stops
  // (or leaves it, or presses a button): walking the datasets restarts once, not at every one.
  let pendingChange = 0;
  const applyChange = (): void => {
    window.clearTimeout(pendingChange);
    pendingChange = 0;
    trainWhenReady = false;
    reset();
  };
  const flushChange = (): void => {
    if (pendingChange !== 0) applyChange();
  };
  const controls = root.querySelector('.lab-controls');
  controls?.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLSelectElement)) {
      applyChange();
      return;
    }
    window.clearTimeout(pendingChange);
    pendingChange = window.setTimeout(applyChange, SELECT_SETTLE_MS);
  });
  controls?.addEventListener('focusout', flushChange);
  // Before any action, the setting the reader just chose takes effect.
  root.querySelector('.lab-actions')?.addEventListener('click', flushChange, { capture: true });
  root.querySelector('.lab-export')?.addEventListener('click', flushChange, { capture: true });

  const stopWatching = watchLifecycle({
    onHidden: () => {
      if (shell.state !== 'training') return;
      pausedByHiddenTab = true;
      session.pause();
      shell.status(t('lab.status.hidden'));
    },
    onLeave: () => {
      generation++;
      frames.dispose();
      session.dispose();
      stopWatching();
    },
  });

  shell.status(t('lab.status.loadingBackend', { backend }));
  shell.loading('indeterminate');
  session.backend.then((name) => {
    backend = name;
  }, showError);
  // The worker keeps the speed across models; a reload may have kept a slower Velocidade.
  if (Number.isFinite(shell.speed)) session.setSpeed(shell.speed);
  reset();

  return {
    shell,
    frames,
    session,
    get latest() {
      return latest;
    },
    reset,
    announce: (text) => shell.status(text),
  };
}
