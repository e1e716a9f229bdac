// Words what a failed check threw, in pt-BR: a confere.* failure as it is, a name the student did
// not declare by that name, anything else as a clear message with the error's own name and text.
import type { CellErrorData } from '../notebook/compile/types';
import { t } from '../i18n';

export function checkFailureText(error: CellErrorData): string {
  if (error.name === 'ConfereError') return error.message;
  if (error.kind === 'reference' && error.subject !== undefined)
    return t('exercise.check.undeclared', { name: error.subject });
  return t('exercise.check.crashed', { name: error.name, message: error.message });
}
