// The client side of LabShell.astro: the root's testable attributes (data-state, data-step,
// data-loss), the status line, the error box and the action buttons. Every lab drives its frame
// through this one object, so the contract (docs/contract.md) is written in exactly one place.
import { t } from '../../../src/i18n';
import { speedAt, speedText } from './speed';

export type LabState = 'idle' | 'training' | 'paused' | 'done' | 'error';

export interface Progress {
  step: number;
  epoch: number;
  loss: number;
  /** Test accuracy in [0, 1], when the lab measures one. */
  accuracy?: number | undefined;
}

export type StepStatusKey = 'lab.status.paused' | 'lab.status.done';

export interface LabShell {
  readonly root: HTMLElement;
  readonly state: LabState;
  setState(state: LabState): void;
  setProgress(progress: Progress | null): void;
  status(text: string): void;
  /**
   * A status that names the step ("Pausado no passo N."): written from the counter's step and
   * rewritten whenever the step moves, so the status line and the counter never disagree (a
   * snapshot that lands after the pause updates both). Any other status() replaces it.
   */
  stepStatus(key: StepStatusKey): void;
  /** Shows a pt-BR error in place; null clears it. */
  error(text: string | null): void;
  /** A loading bar: a fraction in [0, 1], 'indeterminate', or null to hide it. */
  loading(value: number | 'indeterminate' | null): void;
  /** Runs `handler` on clicks of `[data-action=<action>]`, once the lab has called ready(). */
  on(action: string, handler: () => void): void;
  /** Enables the actions and replays a button pressed while the lab was loading (see lazy.ts). */
  ready(): void;
  /** The Velocidade control's steps per second (Infinity: full speed). */
  readonly speed: number;
  /** Runs `handler` with the new steps per second whenever the reader moves Velocidade. */
  onSpeed(handler: (stepsPerSecond: number) => void): void;
  /** Finds a required element inside the lab; a missing one is a markup bug. */
  find<T extends Element = HTMLElement>(selector: string): T;
}

const decimal = new Intl.NumberFormat('pt-BR', { maximumSignificantDigits: 4 });
const percent = new Intl.NumberFormat('pt-BR', { style: 'percent', maximumFractionDigits: 1 });

export function createShell(root: HTMLElement): LabShell {
  let state: LabState = 'idle';
  let isReady = false;
  const handlers = new Map<string, () => void>();
  const find = <T extends Element = HTMLElement>(selector: string): T => {
    const el = root.querySelector<T>(selector);
    if (el === null) throw new Error(`lab markup: missing ${selector}`);
    return el;
  };
  const statusEl = find('[data-lab-status]');
  const errorEl = find('[data-lab-error]');
  const counterEl = find('[data-lab-counter]');
  const progressEl = find<HTMLProgressElement>('[data-lab-progress]');
  const speedInput = root.querySelector<HTMLInputElement>('input[data-lab-speed]');
  const speedOutput = root.querySelector<HTMLElement>('[data-lab-speed-value]');
  const speedHandlers: ((stepsPerSecond: number) => void)[] = [];
  let stepStatusKey: StepStatusKey | null = null;
  const writeStepStatus = (): void => {
    if (stepStatusKey !== null)
      statusEl.textContent = t(stepStatusKey, { step: root.dataset['step'] ?? '0' });
  };
  const currentSpeed = (): number =>
    speedInput === null ? Infinity : speedAt(speedInput.valueAsNumber);
  speedInput?.addEventListener('input', () => {
    const speed = currentSpeed();
    const text = speedText(speed);
    speedInput.setAttribute('aria-valuetext', text);
    if (speedOutput) speedOutput.textContent = text;
    for (const handler of speedHandlers) handler(speed);
  });
  const button = (action: string): HTMLButtonElement | null =>
    root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);

  const syncButtons = (): void => {
    const train = button('train');
    const pause = button('pause');
    const step = button('step');
    const focused = document.activeElement;
    if (train) train.disabled = state === 'training';
    if (pause) pause.disabled = state !== 'training';
    if (step) step.disabled = state === 'training';
    // A button that just became disabled drops keyboard focus; hand it to its counterpart.
    if (focused === train && train?.disabled) pause?.focus();
    if (focused === pause && pause?.disabled) train?.focus();
  };

  const shell: LabShell = {
    root,
    get state() {
      return state;
    },
    setState(next) {
      state = next;
      root.dataset['state'] = next;
      syncButtons();
    },
    setProgress(progress) {
      if (progress === null) {
        root.dataset['step'] = '0';
        root.dataset['epoch'] = '0';
        root.dataset['loss'] = '';
        counterEl.textContent = t('lab.counterEmpty');
        writeStepStatus();
        return;
      }
      root.dataset['step'] = String(progress.step);
      root.dataset['epoch'] = String(progress.epoch);
      // Plain decimal point for scripts and tests; the reader sees a decimal comma below.
      root.dataset['loss'] = Number.isFinite(progress.loss) ? String(progress.loss) : '';
      let text = t('lab.counter', {
        epoch: String(progress.epoch),
        step: String(progress.step),
        loss: Number.isFinite(progress.loss) ? decimal.format(progress.loss) : '—',
      });
      if (progress.accuracy !== undefined) {
        text += ` · ${t('lab.accuracy', { accuracy: percent.format(progress.accuracy) })}`;
      }
      counterEl.textContent = text;
      writeStepStatus();
    },
    status(text) {
      stepStatusKey = null;
      statusEl.textContent = text;
    },
    stepStatus(key) {
      stepStatusKey = key;
      writeStepStatus();
    },
    error(text) {
      errorEl.hidden = text === null;
      errorEl.textContent = text ?? '';
    },
    loading(value) {
      progressEl.hidden = value === null;
      if (value === 'indeterminate') progressEl.removeAttribute('value');
      else if (value !== null) progressEl.value = value;
    },
    on(action, handler) {
      handlers.set(action, handler);
      for (const el of root.querySelectorAll<HTMLElement>(`[data-action="${action}"]`)) {
        el.addEventListener('click', () => {
          if (isReady) handler();
        });
      }
    },
    ready() {
      if (isReady) return;
      isReady = true;
      root.dataset['labReady'] = '';
      syncButtons();
      const pending = root.dataset['pending'];
      delete root.dataset['pending'];
      if (pending !== undefined) handlers.get(pending)?.();
    },
    get speed() {
      return currentSpeed();
    },
    onSpeed(handler) {
      speedHandlers.push(handler);
    },
    find,
  };
  syncButtons();
  return shell;
}
