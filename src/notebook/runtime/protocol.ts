// The typed, serializable protocol between the page and the kernel worker. Everything is plain data
// (structuredClone-able); typed arrays are transferred. The page renders every field as data
// (textContent, canvas pixels, Plot from numbers), never as HTML.
import type { CellErrorData } from '../compile/types';
import type { BackendName, Snapshot } from '../../core/types';

export type TextStream = 'log' | 'info' | 'warn' | 'error';

/** A dimension of a layer's output shape; null is the batch axis. */
export type Dim = number | null;

export interface SummaryRow {
  name: string;
  /** tfjs class name: Dense, Conv2D, LSTM… */
  kind: string;
  outputShape: Dim[];
  params: number;
}

/** Charts drawn on the page by src/viz (or Plot for generic marks) from plain data. */
export type ChartSpec =
  | {
      chart: 'marks';
      mark: 'line' | 'dot' | 'barY' | 'areaY';
      /** Rows of plain values; channels name their columns. */
      data: Record<string, number | string>[];
      x: string;
      y: string;
      /** Column for colour (series), optional. */
      z?: string;
      title?: string;
    }
  | { chart: 'weights'; name: string; shape: number[]; values: Float32Array }
  | { chart: 'loss'; points: { step: number; value: number; series: string }[] }
  | { chart: 'featureMaps'; shape: number[]; values: Float32Array; title?: string };

export type Output =
  /** A chunk of console lines (no trailing newline); consecutive chunks of a stream join with "\n". */
  | { type: 'text'; stream: TextStream; text: string }
  /** Console lines dropped past the per-run cap. */
  | { type: 'omitted'; lines: number }
  | { type: 'value'; text: string }
  | {
      type: 'tensor';
      dtype: string;
      shape: number[];
      size: number;
      /** Values laid out numpy-style, pt-BR decimals, long axes elided with "…". */
      preview: string;
    }
  | { type: 'summary'; name: string; rows: SummaryRow[]; total: number; trainable: number }
  | { type: 'chart'; spec: ChartSpec }
  | {
      type: 'image';
      width: number;
      height: number;
      /** RGBA, row-major: width · height · 4 bytes. */
      pixels: Uint8ClampedArray;
      label?: string;
    }
  | { type: 'training'; panel: number; title?: string }
  | { type: 'error'; error: CellErrorData };

/** A live training panel's update; the page redraws the panel it names. */
export interface TrainingUpdate {
  panel: number;
  /** Null when the run ended before its first step. */
  snapshot: Snapshot | null;
  state: 'training' | 'done' | 'error' | 'stopped';
}

export type RunStatus = 'ok' | 'error';

/**
 * Page → kernel, the one message on the worker's own channel: it hands the kernel a private port.
 * Everything after it, both ways, goes over that port, which a cell's code cannot reach; what a
 * cell posts with `self.postMessage` arrives on the worker's channel, where the page ignores it.
 */
export interface KernelInit {
  type: 'init';
  wasmPath: string;
  backend?: BackendName;
  port: MessagePort;
  /**
   * Handed to a tiny worker the kernel starts (watchdog.ts): it answers the page's pings from its
   * own thread, so a kernel busy in a long synchronous cell still answers, and a dead one does not.
   */
  watchdog: MessagePort;
}

/** Page → kernel, over the private port. */
export type KernelRequest =
  | { type: 'run'; run: number; cell: string; source: string }
  /** Asks the running cell to stop gracefully (training runs stop); the page restarts if it won't. */
  | { type: 'interrupt' };

/** Kernel → page, over the private port; the page checks each one (validate.ts) before use. */
export type KernelEvent =
  | { type: 'ready'; backend: BackendName }
  | { type: 'init-failed'; error: CellErrorData }
  | { type: 'started'; run: number }
  | { type: 'output'; run: number; output: Output }
  | { type: 'training'; run: number; update: TrainingUpdate }
  | { type: 'done'; run: number; status: RunStatus; numTensors: number }
  /** The kernel got an interrupt: it is responsive, so the page gives the run time to end. */
  | { type: 'interrupting' }
  /** A cell called close(): the kernel is about to end. */
  | { type: 'closing' };

/** Why a kernel died under the page; each is worded in pt-BR (notebook.kernel.loss.*). */
export type KernelLoss = 'closed' | 'crashed' | 'unresponsive' | 'message';
