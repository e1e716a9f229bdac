// The soak benchmark's readings, how growth is judged, and the table it prints.
import { loadavg } from 'node:os';
import { formatTable, mark, num } from './table.ts';

export const TARGET_GROWTH = 0.05;

export interface Reading {
  /** When: 'warm-up', 'middle', 'end'. */
  at: string;
  /** Optimizer steps of the lab, or reruns of the cell, so far. */
  progress: number;
  /** Runs that ended and were started over (Reiniciar + Treinar) so far. */
  restarts: number;
  pageHeap: number;
  workerHeap: number;
  wasmBytes: number | null;
  tensors: number;
  tensorBytes: number;
}

export interface SoakResult {
  bench: 'soak';
  name: string;
  path: string;
  /** What `progress` counts. */
  unit: 'passos' | 'execuções';
  readings: Reading[];
  growth: Record<
    'pageHeap' | 'workerHeap' | 'wasmBytes' | 'tensors' | 'tensorBytes',
    number | null
  >;
  flat: boolean;
}

export interface Failure {
  bench: 'soak';
  name: string;
  error: string;
}

export function growthOf(readings: readonly Reading[]): SoakResult['growth'] {
  const first = readings[0];
  const last = readings.at(-1);
  const rel = (key: keyof Omit<Reading, 'at' | 'progress' | 'restarts'>): number | null => {
    const a = first?.[key];
    const b = last?.[key];
    if (typeof a !== 'number' || typeof b !== 'number') return null;
    if (a === 0) return b === 0 ? 0 : Infinity;
    return (b - a) / a;
  };
  return {
    pageHeap: rel('pageHeap'),
    workerHeap: rel('workerHeap'),
    wasmBytes: rel('wasmBytes'),
    tensors: rel('tensors'),
    tensorBytes: rel('tensorBytes'),
  };
}

export const isFlat = (growth: SoakResult['growth']): boolean =>
  Object.values(growth).every((g) => g === null || g <= TARGET_GROWTH);

const mb = (bytes: number | null): string => (bytes === null ? '—' : num(bytes / 2 ** 20, 1));
const pct = (g: number | null): string => (g === null ? '—' : `${num(g * 100, 1)} %`);

export function print(
  results: readonly (SoakResult | Failure)[],
  options: { minutes: number; reruns: number },
): void {
  console.log(
    `Soak: ${num(options.minutes, 1)} min por laboratório, ${options.reruns} execuções da célula; ` +
      `carga ${num(loadavg()[0], 1)}. Meta: crescimento ≤ ${TARGET_GROWTH * 100} % depois do aquecimento.`,
  );
  const rows: string[][] = [];
  for (const r of results) {
    if ('error' in r) {
      rows.push([r.name, 'falhou', r.error, '', '', '', '', '', '']);
      continue;
    }
    for (const reading of r.readings) {
      rows.push([
        r.name,
        reading.at,
        `${num(reading.progress)} ${r.unit}` +
          (reading.restarts > 0 ? ` (${reading.restarts} recomeços)` : ''),
        mb(reading.pageHeap),
        mb(reading.workerHeap),
        mb(reading.wasmBytes),
        num(reading.tensors),
        mb(reading.tensorBytes),
        '',
      ]);
    }
    const g = r.growth;
    rows.push([
      r.name,
      'crescimento',
      '',
      pct(g.pageHeap),
      pct(g.workerHeap),
      pct(g.wasmBytes),
      pct(g.tensors),
      pct(g.tensorBytes),
      mark(r.flat),
    ]);
  }
  console.log(
    formatTable(
      [
        'medida',
        'quando',
        'progresso',
        'heap página MB',
        'heap worker MB',
        'wasm MB',
        'tensores',
        'bytes tensores MB',
        'plano',
      ],
      rows,
    ),
  );
}
