// The type errors of a cell that was run, listed above its output in TypeScript's pt-BR words,
// each with its line and column in the cell (data-type-error, data-line, data-column).
import { t } from '../../i18n';
import type { CellDiagnostic } from '../types/check';

export function renderTypeErrors(box: HTMLElement, found: readonly CellDiagnostic[]): void {
  const errors = found.filter((d) => d.severity === 'error');
  box.hidden = errors.length === 0;
  if (errors.length === 0) {
    box.replaceChildren();
    return;
  }
  const heading = document.createElement('p');
  heading.textContent = t('notebook.types.heading');
  const list = document.createElement('ul');
  for (const error of errors) {
    const item = document.createElement('li');
    item.dataset['typeError'] = String(error.code);
    item.dataset['line'] = String(error.line);
    item.dataset['column'] = String(error.column);
    item.textContent = t('notebook.types.item', {
      line: error.line,
      column: error.column,
      message: `${error.message} (TS${error.code})`,
    });
    list.append(item);
  }
  box.replaceChildren(heading, list);
}
