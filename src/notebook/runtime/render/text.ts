// Printed text in the page: console lines (one block per run of consecutive lines of a stream) and
// pretty-printed values. Text keeps its lines: a `model.summary()` table is 90–115 characters, so a
// wide line scrolls sideways in a focusable, labelled region instead of wrapping mid-row. Long text
// shows its first lines and a "Mostrar tudo" button, so a flood never fills the page; shown in
// full, it scrolls inside a box of bounded height.
import { t } from '../../../i18n';
import { el, scrollable } from './dom';

/** Lines shown before "Mostrar tudo". */
const VISIBLE_LINES = 20;
const VISIBLE_CHARS = 6_000;

export interface TextBlock {
  readonly element: HTMLElement;
  readonly stream: string;
  append(text: string): void;
}

/** `stream` is a console stream (`log`, `warn`, `error`) or `value` for a displayed value. */
export function createTextBlock(stream: string): TextBlock {
  const element = el('div', `nb-text nb-text-${stream}`);
  const pre = el('pre');
  const region = scrollable(
    pre,
    t(stream === 'value' ? 'notebook.output.valueText' : 'notebook.output.consoleText'),
  );
  const toggle = el('button', 'nb-show-all');
  toggle.type = 'button';
  toggle.hidden = true;
  element.append(region, toggle);
  let text = '';
  let lines = 0;
  let expanded = false;

  const render = () => {
    const long = lines > VISIBLE_LINES || text.length > VISIBLE_CHARS;
    if (expanded || !long) {
      pre.textContent = text;
    } else {
      let end = 0;
      for (let i = 0; i < VISIBLE_LINES && end >= 0; i++) end = text.indexOf('\n', end + 1);
      const cut = Math.min(end < 0 ? text.length : end, VISIBLE_CHARS);
      pre.textContent = `${text.slice(0, cut)}\n…`;
    }
    element.dataset['collapsed'] = String(long && !expanded);
    region.dataset['expanded'] = String(long && expanded);
    toggle.hidden = !long;
    toggle.setAttribute('aria-expanded', String(expanded));
    // Empty while hidden, so the block's text is only what was printed.
    toggle.textContent = !long
      ? ''
      : expanded
        ? t('notebook.output.showLess')
        : t('notebook.output.showAll', { lines });
  };
  toggle.addEventListener('click', () => {
    expanded = !expanded;
    render();
  });

  return {
    element,
    stream,
    append(chunk) {
      text = text === '' ? chunk : `${text}\n${chunk}`;
      lines = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      render();
    },
  };
}
