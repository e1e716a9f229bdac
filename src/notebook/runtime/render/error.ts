// An error inside its cell: a pt-BR title and explanation, where it happened (with the reader's
// line and a caret), and the original message the reader can search for.
import type { CoreErrorData } from '../../../core/errors';
import { t, type StringKey } from '../../../i18n';
import type { CellErrorData } from '../../compile/types';
import type { KernelLoss } from '../protocol';
import { el, scrollable } from './dom';

function shape(dims: readonly (number | null)[]): string {
  return `(${dims.map((d) => (d === null ? 'amostras' : String(d))).join(', ')})`;
}

function coreHint(core: CoreErrorData): string {
  switch (core.code) {
    case 'shape-mismatch':
      return t('error.shapeMismatch', {
        layer: core.layer,
        expected: shape(core.expected),
        received: shape(core.received),
      });
    case 'divergence':
      return t('error.divergence', { loss: String(core.loss), step: core.step });
    case 'invalid-config':
      return t('error.invalidConfig', {
        field: core.field,
        reason: core.reason,
        received: JSON.stringify(core.received) ?? String(core.received),
      });
    case 'backend-unavailable':
      return t('error.backendUnavailable', { backend: core.backend, reason: core.reason });
  }
}

const LOSSES: Record<KernelLoss, StringKey> = {
  closed: 'notebook.kernel.loss.closed',
  crashed: 'notebook.kernel.loss.crashed',
  unresponsive: 'notebook.kernel.loss.unresponsive',
  message: 'notebook.kernel.loss.message',
};

/** Why the kernel stopped, in pt-BR; `subject` is checked, since any key would reach t() otherwise. */
function lossReason(subject: string | undefined): string {
  const key =
    subject !== undefined && Object.hasOwn(LOSSES, subject)
      ? LOSSES[subject as KernelLoss]
      : 'notebook.kernel.loss.unknown';
  return t(key);
}

function titleOf(error: CellErrorData): string {
  switch (error.kind) {
    case 'kernel-crash':
      return t('notebook.error.kernel-crash', { reason: lossReason(error.subject) });
    case 'const-assign':
      // A const local to a function is reported by V8 without its name.
      return error.subject === undefined
        ? t('notebook.error.const-assign.unnamed')
        : t('notebook.error.const-assign', { name: error.subject });
    default:
      return t(`notebook.error.${error.kind}` as StringKey);
  }
}

/** The reader's line with a caret under the column, as a compiler would print it. */
function excerpt(source: string, line: number, column: number): string | undefined {
  const text = source.split('\n')[line - 1];
  if (text === undefined) return undefined;
  const gutter = `${line} | `;
  const pad = ' '.repeat(gutter.length - 2);
  const caret = `${' '.repeat(Math.max(0, column - 1))}^`;
  return `${gutter}${text}\n${pad}| ${caret}`;
}

export function renderError(error: CellErrorData, source: string | undefined): HTMLElement {
  const box = el('div', 'nb-error');
  box.dataset['errorKind'] = error.kind;
  const title = el('p', 'nb-error-title');
  title.append(el('strong', undefined, titleOf(error)));
  if (error.position !== undefined) {
    title.append(` — ${t('notebook.error.position', { ...error.position })}`);
  }
  box.append(title);
  const hint =
    error.core !== undefined
      ? coreHint(error.core)
      : t(`notebook.error.${error.kind}.hint` as StringKey, { name: error.subject ?? '' });
  if (hint !== '') box.append(el('p', 'nb-error-hint', hint));
  if (error.position !== undefined && source !== undefined) {
    const code = excerpt(source, error.position.line, error.position.column);
    if (code !== undefined) {
      const pre = el('pre', 'nb-error-code nb-aligned', code);
      box.append(scrollable(pre, t('notebook.error.excerpt')));
    }
  }
  if (error.message !== '') {
    // A thrown non-Error carries its typeof as name ("string"): no "Name:" prefix then.
    const original = /^[a-z]+$/.test(error.name) ? '' : `${error.name}: `;
    box.append(
      el(
        'p',
        'nb-error-original',
        t('notebook.error.original', { message: original + error.message }),
      ),
    );
  }
  return box;
}
