// What the browser benchmark measures and grades: the labs it runs, the targets of issue 9 /
// PRODUCT.md, one result per lab (and per peer page), one result per view, and the pass/fail lines.
// Views are always reported one by one: a sum over views hides a view that never redraws.
import type { LabSample, ViewReading } from './browser-page.ts';
import { num } from './table.ts';

export interface LabCase {
  kind: string;
  note: string;
  /** Throughput at maximum speed that must not fall below today's (issue 9). */
  throughput?: { metric: 'stepsPerSecond' | 'samplesPerSecond'; value: number };
  /** Most screens of 1280×900 the lab may take (issue 9: Dense and Conv2D fit in 1.3). */
  maxScreens?: number;
}

export const LAB_CASES: readonly LabCase[] = [
  {
    kind: 'dense',
    note: 'TF Playground default: circles, 2→4→2 tanh, batch 10, η 0,03, 250 train points',
    throughput: { metric: 'stepsPerSecond', value: 1400 },
    maxScreens: 1.3,
  },
  { kind: 'sgd', note: '2-parameter path + Dense(3) kernel' },
  {
    kind: 'conv2d',
    note: 'MNIST 2000/500, conv8-pool-conv16-pool-dense10, batch 32',
    throughput: { metric: 'samplesPerSecond', value: 1500 },
    maxScreens: 1.3,
  },
  {
    kind: 'lstm',
    note: 'LSTM(16) over 20×1 noisy sines, batch 32',
    throughput: { metric: 'samplesPerSecond', value: 950 },
  },
  { kind: 'conv1d', note: 'Conv1D(8, 5) over 20×1 noisy sines, batch 32' },
];

export const TARGETS = {
  /** Every weight view on screen during the window (goal: every frame). */
  weightRedrawsPerSecond: 30,
  medianFps: 55,
  /** Longest main-thread task by the wall clock, what the reader feels. */
  longestTaskMs: 50,
  viewToFirstStepMs: 1000,
  /** A view counts as on screen when it intersected the viewport for this share of the window. */
  onScreenShare: 0.5,
} as const;

export interface ViewResult {
  bench: 'browser-view';
  /** The lab kind, or the peer's name. */
  page: string;
  view: string;
  /** Where the redraw count came from. */
  source: 'data-version' | 'labFrames' | 'canvas';
  /** A weight view (graded against the redraw target). */
  weights: boolean;
  redrawsPerSecond: number;
  /** Share of the window it intersected the viewport; null when the source is not an element. */
  onScreen: number | null;
  width: number | null;
  height: number | null;
  /** The page replaced the element during the window, so its count stopped. */
  replaced: boolean;
}

export interface Check {
  label: string;
  value: string;
  pass: boolean | null;
}

/** What a lab and a peer page share: the training window, measured the same way. */
export interface WindowResult {
  medianFps: number;
  /** Longest main-thread task while training, wall time (PerformanceObserver 'longtask'). */
  longestTaskMs: number;
  /** Longest main-thread task's CPU time (Chrome trace): wall minus time descheduled. */
  longestTaskCpuMs: number;
  tasksOver50Ms: number;
  /** 1-minute load average of the machine at the start and end of the window (2 cores here). */
  loadAverage: number;
  loadAverageEnd: number;
  seconds: number;
  views: ViewResult[];
}

export interface LabResult extends WindowResult {
  bench: 'browser-lab';
  lab: string;
  path: string;
  backend: string;
  speed: string;
  /** Where the viewport was during the window: the lab's top, or its weight views (lab too tall). */
  position: 'lab' | 'weights';
  viewToReadyMs: number;
  viewToFirstStepMs: number;
  trainToFirstStepMs: number;
  stepsPerSecond: number;
  samplesPerSecond: number;
  epochsPerSecond: number;
  labWidth: number;
  labHeight: number;
  /** data-state when the window ended: anything but 'training' means it stopped early. */
  stateAtEnd: string;
  note: string;
  checks: Check[];
}

export interface PeerResult extends WindowResult {
  bench: 'browser-peer';
  peer: string;
  /** From pressing play to the first iteration. */
  playToFirstStepMs: number;
  epochsPerSecond: number;
  /** Derived from epochs/s, the training-set size and the batch size shown in its controls. */
  stepsPerSecond: number;
  samplesPerSecond: number;
  pageWidth: number;
  pageHeight: number;
  note: string;
  checks: Check[];
}

export interface Failure {
  bench: 'browser-lab' | 'browser-peer';
  lab: string;
  path: string;
  error: string;
}

/** Per-view results from two readings `seconds` apart. */
export function viewResults(
  page: string,
  start: readonly ViewReading[],
  end: readonly ViewReading[],
  seconds: number,
  source: 'data-version' | 'canvas',
  isWeights: (name: string) => boolean = () => true,
): ViewResult[] {
  return end.map((e, i) => {
    const s = start[i] ?? e;
    return {
      bench: 'browser-view',
      page,
      view: e.name,
      source,
      weights: isWeights(e.name),
      redrawsPerSecond: (e.version - s.version) / seconds,
      onScreen: Math.min(1, (e.visibleMs - s.visibleMs) / 1000 / seconds),
      width: e.width,
      height: e.height,
      replaced: !e.connected,
    };
  });
}

/**
 * The lab's other views, from its frame loop's draw counts. Keys `w:<name>` are the weight views
 * already counted through data-version; they are left out.
 */
export function frameViewResults(
  page: string,
  start: LabSample,
  end: LabSample,
  seconds: number,
  weightNames: readonly string[],
): ViewResult[] {
  if (end.frameCounts === null) return [];
  const weights = new Set(weightNames.map((n) => `w:${n}`));
  return Object.entries(end.frameCounts)
    .filter(([key]) => !weights.has(key))
    .map(([key, count]) => ({
      bench: 'browser-view',
      page,
      view: key,
      source: 'labFrames',
      weights: false,
      redrawsPerSecond: (count - (start.frameCounts?.[key] ?? 0)) / seconds,
      onScreen: null,
      width: null,
      height: null,
      replaced: false,
    }));
}

export const isOnScreen = (v: ViewResult): boolean =>
  v.onScreen !== null && v.onScreen >= TARGETS.onScreenShare;

/** The shared lines: weight views on screen, fps, longest task by the wall clock. */
export function windowChecks(r: WindowResult): Check[] {
  const weights = r.views.filter((v) => v.weights);
  const visible = weights.filter(isOnScreen);
  const slow = visible.filter((v) => v.redrawsPerSecond < TARGETS.weightRedrawsPerSecond);
  const slowest = Math.min(...visible.map((v) => v.redrawsPerSecond));
  return [
    {
      label: `cada vista de pesos na tela ≥ ${TARGETS.weightRedrawsPerSecond} redesenhos/s`,
      value:
        weights.length === 0
          ? 'nenhuma vista de pesos'
          : visible.length === 0
            ? `nenhuma das ${weights.length} na tela`
            : `mín. ${num(slowest, 1)}/s; ${slow.length} de ${visible.length} na tela abaixo` +
              ` (${weights.length - visible.length} fora da tela)`,
      pass: visible.length === 0 ? null : slow.length === 0,
    },
    {
      label: `fps (mediana) ≥ ${TARGETS.medianFps}`,
      value: num(r.medianFps, 1),
      pass: r.medianFps >= TARGETS.medianFps,
    },
    {
      label: `nenhuma tarefa > ${TARGETS.longestTaskMs} ms (parede)`,
      value:
        `maior ${num(r.longestTaskMs)} ms, ${r.tasksOver50Ms} acima de 50 ms` +
        ` (CPU: ${num(r.longestTaskCpuMs)} ms)`,
      pass: r.longestTaskMs <= TARGETS.longestTaskMs,
    },
  ];
}

export function labChecks(
  r: Omit<LabResult, 'checks'>,
  c: LabCase,
  viewportHeight: number,
): Check[] {
  const checks: Check[] = [
    {
      label: `vista → 1º passo ≤ ${num(TARGETS.viewToFirstStepMs)} ms`,
      value: `${num(r.viewToFirstStepMs)} ms`,
      pass: r.viewToFirstStepMs <= TARGETS.viewToFirstStepMs,
    },
    ...windowChecks(r),
  ];
  if (c.throughput) {
    const { metric, value } = c.throughput;
    const unit = metric === 'stepsPerSecond' ? 'passos/s' : 'amostras/s';
    checks.push({
      label: `${unit} ≥ ${num(value)}${r.speed === '—' ? ' (sem Velocidade)' : ''}`,
      value: num(r[metric]),
      pass: r[metric] >= value,
    });
  }
  if (c.maxScreens !== undefined) {
    const most = c.maxScreens * viewportHeight;
    checks.push({
      label: `altura ≤ ${num(c.maxScreens, 1)} telas (${num(most)} px)`,
      value: `${num(r.labHeight)} px`,
      pass: r.labHeight <= most,
    });
  }
  if (r.stateAtEnd !== 'training') {
    checks.push({
      label: 'treinou a janela inteira',
      value: `data-state=${r.stateAtEnd} no fim`,
      pass: false,
    });
  }
  return checks;
}
