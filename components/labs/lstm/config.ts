// The sequence lab's controls → an LSTM (or Conv1D) forecaster and its data, checked at the boundary.
import type { LayerSpec, ModelSpec } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import { FieldError, readChoice, readNumber } from '../shared/fields';
import { seriesWindows, sliceDataset } from '../shared/raw-data';
import type { SessionSetup } from '../shared/session-types';

export type SequenceVariant = 'lstm' | 'conv1d';

export interface SequenceConfig {
  variant: SequenceVariant;
  task: 'sine' | 'custom';
  units: number;
  filters: number;
  kernelSize: number;
  learningRate: number;
  batchSize: number;
  /** Time steps per window. */
  steps: number;
  series: number[];
  probe: number;
  seed: number;
}

/** Window length for the reader's own series (shorter than the sine's, so short series still work). */
export const CUSTOM_STEPS = 12;
/** Window length for the noisy sines. */
export const SINE_STEPS = 20;

/**
 * Numbers separated by spaces, semicolons or ", "; a comma inside a number is a decimal comma
 * ("0,5; 1,25" and "0.5 1.25" both work). A token with several commas is a list: "1,2,3".
 */
export function parseSeries(text: string): number[] | null {
  const tokens = text
    .replace(/,\s+/g, ' ')
    .split(/[\s;]+/)
    .filter((p) => p !== '');
  const parts = tokens.flatMap((p) => ((p.match(/,/g)?.length ?? 0) > 1 ? p.split(',') : [p]));
  const values = parts.filter((p) => p !== '').map((p) => Number(p.replace(',', '.')));
  return values.length > 0 && values.every(Number.isFinite) ? values : null;
}

export function readSequenceConfig(root: HTMLElement, variant: SequenceVariant): SequenceConfig {
  const task = readChoice(root, 'task', ['sine', 'custom'] as const);
  let series: number[] = [];
  if (task === 'custom') {
    const field = root.querySelector<HTMLTextAreaElement>('[name="series"]');
    const parsed = parseSeries(field?.value ?? '');
    const min = CUSTOM_STEPS + 8;
    if (parsed === null || parsed.length < min) {
      field?.setAttribute('aria-invalid', 'true');
      // What was typed, shortened when long, and what was wrong with it.
      const typed = (field?.value ?? '').trim();
      const received = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
      const found =
        parsed === null
          ? t('lab.error.series.notNumbers')
          : t('lab.error.series.tooShort', { count: String(parsed.length) });
      throw new FieldError(t('lab.error.series', { received, found, min: String(min) }));
    }
    field?.removeAttribute('aria-invalid');
    series = parsed;
  }
  return {
    variant,
    task,
    units: variant === 'lstm' ? readNumber(root, 'units', { min: 1, max: 64, integer: true }) : 0,
    filters:
      variant === 'conv1d' ? readNumber(root, 'filters', { min: 1, max: 32, integer: true }) : 0,
    kernelSize:
      variant === 'conv1d' ? readNumber(root, 'kernelSize', { min: 1, max: 12, integer: true }) : 0,
    learningRate: readNumber(root, 'learningRate', { min: 0, max: 10, exclusiveMin: true }),
    batchSize: readNumber(root, 'batchSize', { min: 1, max: 512, integer: true }),
    steps: task === 'sine' ? SINE_STEPS : CUSTOM_STEPS,
    series,
    probe: Number(root.querySelector<HTMLInputElement>('[name="probe"]')?.value ?? '0') || 0,
    seed: Number(root.dataset['seed'] ?? '1'),
  };
}

export function sequenceSpec(config: SequenceConfig): ModelSpec {
  const layers: LayerSpec[] =
    config.variant === 'lstm'
      ? [
          { type: 'lstm', units: config.units },
          { type: 'dense', units: 1 },
        ]
      : [
          {
            type: 'conv1d',
            filters: config.filters,
            kernelSize: config.kernelSize,
            activation: 'relu',
          },
          { type: 'flatten' },
          { type: 'dense', units: 1 },
        ];
  return { inputShape: [config.steps, 1], layers, seed: config.seed };
}

export function sequenceSetup(config: SequenceConfig): SessionSetup {
  let data: SessionSetup['data'];
  if (config.task === 'sine') {
    data = {
      kind: 'sequence',
      name: 'sine',
      options: { n: 512, steps: config.steps, seed: config.seed },
      testFraction: 0.25,
    };
  } else {
    // Time order is kept: the last quarter of the windows is the test part, as in forecasting.
    const all = seriesWindows(config.series, config.steps);
    const n = all.y.length;
    const cut = n - Math.max(1, Math.round(n * 0.25));
    data = { kind: 'raw', train: sliceDataset(all, 0, cut), test: sliceDataset(all, cut, n) };
  }
  return {
    model: sequenceSpec(config),
    data,
    options: {
      optimizer: { name: 'adam', learningRate: config.learningRate },
      loss: 'meanSquaredError',
      batchSize: config.batchSize,
      epochs: Infinity,
      seed: config.seed,
    },
    probe: config.probe,
  };
}
