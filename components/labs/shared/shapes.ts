// The shape badges of the labs whose worker reports activations (Conv2D, LSTM, Conv1D): the input
// shape, then each layer's real output shape, e.g. "Entrada (amostras, 28, 28, 1)" and
// "conv2d_1 → (amostras, 26, 26, 8)". One <li> per badge.
import type { ActivationSnapshot } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import { formatShape } from '../../../src/viz/index';

/** `input` is the per-sample input shape (no batch axis); so are activation shapes. */
export function shapeBadges(
  input: readonly number[],
  activations: readonly ActivationSnapshot[],
): string[] {
  const items = [`${t('lab.input')} ${formatShape([null, ...input])}`];
  for (const a of activations) {
    if (a.kind === 'output') items.push(`${a.layer} → ${formatShape([null, ...a.shape])}`);
  }
  return items;
}

export function showBadges(list: HTMLElement, items: readonly string[]): void {
  list.replaceChildren(
    ...items.map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
}
