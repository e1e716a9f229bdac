// The kernel: runs cells one at a time in the shared scope, routes their console, displays and
// training panels to the run that made them, frees what a rerun replaced, and reports errors as
// data. It knows nothing about workers: kernel.worker.ts connects it to postMessage, tests to arrays.
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as tfl from '@tensorflow/tfjs-layers';
import * as core from '../../core';
import { confere } from '../../exercises/confere';
import { compileCell } from '../compile';
import type { CompiledCell } from '../compile';
import { createConsoleCapture, type CapturedConsole } from './console';
import { createDatasets } from './datasets';
import { toCellError } from './errors';
import { image, plot } from './helpers';
import { toOutput } from './inspect';
import type { KernelEvent, Output } from './protocol';
import { createCellScope } from './scope';
import { createTensorTracker } from './tracking';
import { createTrainer, type RunSink } from './training';

/** What a compiled cell's function is called with (see CompiledCell.code). */
interface CellArgument {
  scope: object;
  seal(names: readonly string[]): void;
}

/** Compiled runs kept for mapping late (async) errors back to their cell. */
const REMEMBERED_RUNS = 32;

export interface Kernel {
  /** Queues a run; runs execute in the order they were asked for. */
  run(run: number, cell: string, source: string): Promise<void>;
  /** Stops training runs so the current cell can finish; see Parar. */
  interrupt(): void;
  /** An error nobody awaited (rejected promise, throw in a timer): shown in the last run's cell. */
  reportAsyncError(error: unknown): void;
  /** The console cells write to; the worker also installs it as the global console. */
  readonly console: CapturedConsole;
}

/** display(...values): shows each value in the running cell's output, in order. */
export type Display = (...values: unknown[]) => void;

/**
 * The `anatomia` namespace cells see. Exported as a type so the notebook's type checker
 * (src/notebook/types) declares exactly what the kernel provides.
 */
export type Anatomia = Readonly<
  Omit<typeof core, 'mnist' | 'train' | 'image' | 'plot' | 'display'> & {
    mnist: ReturnType<typeof createDatasets>['mnist'];
    train: ReturnType<typeof createTrainer>['trainWithPanel'];
    image: typeof image;
    plot: typeof plot;
    display: Display;
  }
>;

/** tfjs-core and tfjs-layers in one namespace, as `@tensorflow/tfjs` offers them. */
function tfNamespace(): Record<string, unknown> {
  return Object.freeze({ ...tfc, ...tfl });
}

/** Frames kept in a stack trace: tfjs errors are raised ~20 frames below the reader's call. */
const STACK_FRAMES = 100;

export function createKernel(post: (event: KernelEvent) => void): Kernel {
  // V8 keeps 10 frames by default, which cuts the cell's own frame off tfjs errors (no line then).
  (Error as { stackTraceLimit?: number }).stackTraceLimit = STACK_FRAMES;
  let current = 0;
  const compiledRuns = new Map<number, CompiledCell>();
  const sinkFor = (run: number): RunSink => ({
    emit: (output) => post({ type: 'output', run, output }),
    update: (update) => post({ type: 'training', run, update }),
  });
  const capture = createConsoleCapture((output) => sinkFor(current).emit(output));
  const trainer = createTrainer(() => sinkFor(current));
  const tracker = createTensorTracker();

  const display: Display = (...values) => {
    capture.flush(); // keep console lines and displays in the order they happened
    for (const value of values) {
      const output = toOutput(value) ?? { type: 'value', text: 'undefined' };
      sinkFor(current).emit(output);
    }
  };
  const datasets = createDatasets();
  const anatomia: Anatomia = Object.freeze({
    ...core,
    mnist: datasets.mnist,
    train: trainer.trainWithPanel,
    image,
    plot,
    display,
  });
  const scope = createCellScope({
    tf: tfNamespace(),
    anatomia,
    confere,
    display,
    console: capture.console,
  });

  const emitError = (run: number, error: Output) => sinkFor(run).emit(error);

  const execute = async (run: number, cell: string, source: string): Promise<void> => {
    current = run;
    capture.beginRun();
    post({ type: 'started', run });
    const compiled = compileCell(source, { sourceUrl: `anatomia-cell-${run}.js` });
    if (!compiled.ok) {
      emitError(run, { type: 'error', error: compiled.error });
      post({ type: 'done', run, status: 'error', numTensors: tfc.memory().numTensors });
      return;
    }
    compiledRuns.set(run, compiled);
    for (const old of compiledRuns.keys()) {
      if (compiledRuns.size <= REMEMBERED_RUNS) break;
      compiledRuns.delete(old);
    }
    scope.declare(compiled.declarations);
    let ok = true;
    tracker.begin(cell);
    try {
      const fn = (0, eval)(compiled.code) as (cell: CellArgument) => Promise<unknown>;
      const value = await fn({ scope: scope.object, seal: scope.seal });
      capture.flush();
      if (compiled.autodisplay) {
        const output = toOutput(value);
        if (output !== undefined) sinkFor(run).emit(output);
      }
    } catch (error) {
      ok = false;
      capture.flush();
      emitError(run, { type: 'error', error: toCellError(error, compiled) });
    } finally {
      scope.seal(compiled.constants);
      capture.endRun();
      tracker.end(cell, scope.userValues());
    }
    post({ type: 'done', run, status: ok ? 'ok' : 'error', numTensors: tfc.memory().numTensors });
  };

  let queue: Promise<void> = Promise.resolve();
  return {
    run(run, cell, source) {
      queue = queue.then(() => execute(run, cell, source));
      return queue;
    },
    interrupt() {
      trainer.stopAll();
    },
    reportAsyncError(error) {
      const compiled = compiledRuns.get(current);
      emitError(current, { type: 'error', error: toCellError(error, compiled, 'rejection') });
    },
    console: capture.console,
  };
}
