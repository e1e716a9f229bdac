// Sets a lab's Velocidade control (docs/contract.md: every training lab has one; a range input
// whose highest value is full speed) to its maximum the way a keyboard user would: focus, End.
// Labs that do not have the control yet train at whatever speed they run by default.
import type { Locator } from '@playwright/test';

export interface SpeedSetting {
  /** False when the lab has no Velocidade control. */
  present: boolean;
  value: string;
  max: string;
  /** aria-valuetext, the words a screen reader hears (e.g. "máxima"), when the control sets it. */
  text: string | null;
}

export async function setMaxSpeed(lab: Locator): Promise<SpeedSetting> {
  const slider = lab.getByRole('slider', { name: 'Velocidade', exact: true });
  if ((await slider.count()) === 0) return { present: false, value: '', max: '', text: null };
  const control = slider.first();
  await control.focus();
  await control.press('End');
  return control.evaluate((el) => {
    const input = el as HTMLInputElement;
    return {
      present: true,
      value: input.value ?? el.getAttribute('aria-valuenow') ?? '',
      max: input.max || (el.getAttribute('aria-valuemax') ?? ''),
      text: el.getAttribute('aria-valuetext'),
    };
  });
}

/** How a table shows the setting: '—' when the lab has no control. */
export function speedLabel(speed: SpeedSetting): string {
  if (!speed.present) return '—';
  const atMax = speed.max !== '' && speed.value === speed.max;
  return `${speed.text ?? speed.value}${atMax ? ' (máx.)' : ` (${speed.value}/${speed.max})`}`;
}
