// The Velocidade control's levels, shared by the markup (LabShell.astro) and the lab client: from
// slow motion, where one update can be followed with the eye, to as fast as the worker can train.
import { t } from '../../../src/i18n';

/** Optimizer steps per second at each level; the last is no limit. */
export const SPEEDS: readonly number[] = [2, 8, 30, 120, 500, Infinity];

/** The level a lab starts at: full speed. */
export const DEFAULT_SPEED_LEVEL = SPEEDS.length - 1;

const integer = new Intl.NumberFormat('pt-BR');

/** Steps per second for a level of the range input (clamped; bad input is full speed). */
export function speedAt(level: number): number {
  if (!Number.isFinite(level)) return Infinity;
  const i = Math.max(0, Math.min(SPEEDS.length - 1, Math.round(level)));
  return SPEEDS[i] as number;
}

/** What the control says: "2 iterações/s" … "máxima". */
export function speedText(stepsPerSecond: number): string {
  return Number.isFinite(stepsPerSecond)
    ? t('lab.speed.value', { steps: integer.format(stepsPerSecond) })
    : t('lab.speed.max');
}
