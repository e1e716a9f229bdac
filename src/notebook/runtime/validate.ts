// The page's check on everything the kernel sends: a message is used only if its type is known and
// every field has the shape the renderers rely on (strings, finite numbers, typed arrays, enums
// that name a pt-BR string). Anything else is refused here, so no renderer or t() call downstream
// can be handed a value it would throw on. Whether the run it names is live is the client's call.
import type { CoreErrorData } from '../../core/errors';
import type { BackendName, Snapshot } from '../../core/types';
import type { CellErrorData, CellErrorKind } from '../compile/types';
import type { ChartSpec, KernelEvent, Output, SummaryRow, TrainingUpdate } from './protocol';

type Check<T> = (value: unknown) => value is T;

// Records, not lists: adding a backend or an error kind fails to compile until it is checked here.
const BACKENDS: Record<BackendName, true> = { wasm: true, cpu: true, webgl: true };
const ERROR_KINDS: Record<CellErrorKind, true> = {
  syntax: true,
  module: true,
  reference: true,
  type: true,
  'const-assign': true,
  range: true,
  'stack-overflow': true,
  memory: true,
  shape: true,
  config: true,
  'browser-global': true,
  rejection: true,
  core: true,
  stopped: true,
  'kernel-crash': true,
  'kernel-start': true,
  other: true,
};
export const CELL_ERROR_KINDS = Object.keys(ERROR_KINDS) as CellErrorKind[];
const STREAMS = ['log', 'info', 'warn', 'error'] as const;
const MARKS = ['line', 'dot', 'barY', 'areaY'] as const;
const PANEL_STATES = ['training', 'done', 'error', 'stopped'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
/** Any number, NaN included: a diverging loss is data worth showing. */
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isRunId = (value: unknown): value is number => isCount(value) && value > 0;
const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);
const arrayOf =
  <T>(item: Check<T>): Check<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.every(item);
const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value): value is T | undefined =>
    value === undefined || check(value);
const isDim = (value: unknown): value is number | null => value === null || isCount(value);
const isShape = arrayOf(isCount);
const isFloats = (value: unknown): value is Float32Array => value instanceof Float32Array;

/** `fields` checks the named properties; others may be present and are ignored by the page. */
function shaped<T>(fields: Record<string, Check<unknown>>): Check<T> {
  return (value): value is T =>
    isRecord(value) && Object.entries(fields).every(([name, check]) => check(value[name]));
}

const isPosition = shaped<{ line: number; column: number }>({ line: isCount, column: isCount });

const isCoreError = (value: unknown): value is CoreErrorData => {
  if (!isRecord(value)) return false;
  switch (value['code']) {
    case 'shape-mismatch':
      return (
        isString(value['layer']) &&
        arrayOf(isDim)(value['expected']) &&
        arrayOf(isDim)(value['received'])
      );
    case 'divergence':
      return isNumber(value['step']) && isNumber(value['loss']);
    case 'invalid-config':
      return isString(value['field']) && isString(value['reason']);
    case 'backend-unavailable':
      return isString(value['backend']) && isString(value['reason']);
    default:
      return false;
  }
};

export const isCellError = shaped<CellErrorData>({
  kind: oneOf(CELL_ERROR_KINDS),
  name: isString,
  message: isString,
  position: optional(isPosition),
  subject: optional(isString),
  core: optional(isCoreError),
});

const isSummaryRow = shaped<SummaryRow>({
  name: isString,
  kind: isString,
  outputShape: arrayOf(isDim),
  params: isCount,
});

const isPlainRow = (value: unknown): value is Record<string, number | string> =>
  isRecord(value) && Object.values(value).every((v) => isNumber(v) || isString(v));

const isChartSpec = (value: unknown): value is ChartSpec => {
  if (!isRecord(value)) return false;
  switch (value['chart']) {
    case 'marks':
      return shaped({
        mark: oneOf(MARKS),
        data: arrayOf(isPlainRow),
        x: isString,
        y: isString,
        z: optional(isString),
        title: optional(isString),
      })(value);
    case 'weights':
      return shaped({ name: isString, shape: isShape, values: isFloats })(value);
    case 'loss':
      return arrayOf(shaped({ step: isNumber, value: isNumber, series: isString }))(
        value['points'],
      );
    case 'featureMaps':
      return shaped({ shape: isShape, values: isFloats, title: optional(isString) })(value);
    default:
      return false;
  }
};

const isImage = (value: Record<string, unknown>): boolean => {
  const { width, height, pixels } = value;
  return (
    isCount(width) &&
    isCount(height) &&
    pixels instanceof Uint8ClampedArray &&
    // ImageData throws unless the buffer is exactly width · height RGBA pixels.
    pixels.length === width * height * 4 &&
    optional(isString)(value['label'])
  );
};

export const isOutput = (value: unknown): value is Output => {
  if (!isRecord(value)) return false;
  switch (value['type']) {
    case 'text':
      return oneOf(STREAMS)(value['stream']) && isString(value['text']);
    case 'omitted':
      return isCount(value['lines']);
    case 'value':
      return isString(value['text']);
    case 'tensor':
      return shaped({ dtype: isString, shape: isShape, size: isCount, preview: isString })(value);
    case 'summary':
      return shaped({
        name: isString,
        rows: arrayOf(isSummaryRow),
        total: isCount,
        trainable: isCount,
      })(value);
    case 'chart':
      return isChartSpec(value['spec']);
    case 'image':
      return isImage(value);
    case 'training':
      return isCount(value['panel']) && optional(isString)(value['title']);
    case 'error':
      return isCellError(value['error']);
    default:
      return false;
  }
};

const isWeight = shaped({
  name: isString,
  layer: isString,
  kind: isString,
  shape: isShape,
  values: isFloats,
});
const isActivation = shaped({ layer: isString, kind: isString, shape: isShape, values: isFloats });

const isSnapshot = shaped<Snapshot>({
  step: isNumber,
  epoch: isNumber,
  loss: isNumber,
  metrics: (value): value is Record<string, number> =>
    isRecord(value) && Object.values(value).every(isNumber),
  weights: arrayOf(isWeight),
  activations: optional(arrayOf(isActivation)),
});

export const isTrainingUpdate = shaped<TrainingUpdate>({
  panel: isCount,
  snapshot: (value) => value === null || isSnapshot(value),
  state: oneOf(PANEL_STATES),
});

/** The message as a KernelEvent, or undefined when anything in it is not what the page expects. */
export function readKernelEvent(data: unknown): KernelEvent | undefined {
  if (!isRecord(data)) return undefined;
  const ok = (() => {
    switch (data['type']) {
      case 'ready':
        return oneOf(Object.keys(BACKENDS) as BackendName[])(data['backend']);
      case 'init-failed':
        return isCellError(data['error']);
      case 'started':
        return isRunId(data['run']);
      case 'output':
        return isRunId(data['run']) && isOutput(data['output']);
      case 'training':
        return isRunId(data['run']) && isTrainingUpdate(data['update']);
      case 'done':
        return (
          isRunId(data['run']) &&
          oneOf(['ok', 'error'])(data['status']) &&
          isCount(data['numTensors'])
        );
      case 'interrupting':
      case 'closing':
        return true;
      default:
        return false;
    }
  })();
  return ok ? (data as unknown as KernelEvent) : undefined;
}
