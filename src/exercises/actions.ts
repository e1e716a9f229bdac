// What the exercise buttons do, loaded on the first click (bootstrap.ts). Verificar of a codigo
// exercise runs the starter cell through the page's notebook, then the check in the same kernel
// and scope; a previsao compares the prediction, then runs the cell; a calculo reads a number. The
// student's code is never touched by a check: only Usar esta solução replaces it, undoably.
import { t } from '../i18n';
import type { RunEnd } from '../notebook/runtime/client';
import { createLessonProgress } from '../notebook/store/progress';
import { loadNotebook } from '../notebook/ui/load';
import { groupedThousands, parseNumber, samePrediction, withinTolerance } from './answer';
import { checkFailureText } from './check-error';
import { refreshProgress } from './progress-view';

type Status = 'pending' | 'passed' | 'failed';

const progress = () => createLessonProgress(() => localStorage, location.pathname);

function parts(root: HTMLElement) {
  const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  return {
    feedback: q('[data-exercise-feedback]'),
    cell: q('[data-cell]'),
    input: q<HTMLInputElement>('[data-exercise-input]'),
    hints: [...root.querySelectorAll<HTMLElement>('[data-exercise-hint]')],
    hintsLeft: q('[data-exercise-hints-left]'),
    hintButton: q<HTMLButtonElement>('[data-exercise-action="hint"]'),
    solution: q('[data-exercise-solution]'),
    useSolution: q('[data-exercise-action="use-solution"]'),
  };
}

function settle(root: HTMLElement, status: Status, text: string): void {
  root.dataset['status'] = status;
  const feedback = parts(root).feedback;
  if (feedback !== null) feedback.textContent = text;
  if (status === 'passed') {
    const saved = progress().markPassed(root.dataset['exerciseId'] ?? '');
    if (!saved.ok && feedback !== null)
      feedback.textContent = `${text} ${t('notebook.store.saveFailed', { reason: saved.reason })}`;
    refreshProgress();
  }
}

/** Feedback without a verdict (an empty answer, a busy cell): the status stays as it was. */
function say(root: HTMLElement, text: string): void {
  const feedback = parts(root).feedback;
  if (feedback !== null) feedback.textContent = text;
}

/** Why a run of the student's code ended without a value to check, or undefined when it was ok. */
function runProblem(end: RunEnd | undefined): string | undefined {
  if (end === undefined) return t('exercise.run.busy');
  switch (end.status) {
    case 'ok':
      return undefined;
    case 'error':
      return t('exercise.run.error');
    case 'crashed':
      return t('exercise.run.crashed', { reason: t(`notebook.kernel.loss.${end.reason}`) });
    default:
      return t('exercise.run.stopped');
  }
}

async function runStarter(root: HTMLElement) {
  const notebook = await loadNotebook();
  const cellRoot = parts(root).cell;
  const cell = cellRoot === null ? undefined : notebook.cell(cellRoot);
  if (cell === undefined) throw new Error('exercise: no starter cell');
  return { notebook, cell, end: await cell.run() };
}

async function checkCode(root: HTMLElement): Promise<void> {
  const { notebook, cell, end } = await runStarter(root);
  const problem = runProblem(end);
  if (problem !== undefined) return settle(root, 'failed', problem);
  const errors: string[] = [];
  // A block: the check's own names stay its own, so Verificar can run again and again.
  const source = `{\n${root.dataset['check'] ?? ''}\n}`;
  const id = `${cell.root.dataset['cellId'] ?? 'exercicio'}:check`;
  const run = notebook.kernel().run(id, source, {
    onStart: () => undefined,
    onOutput: (output) => {
      if (output.type === 'error') errors.push(checkFailureText(output.error));
    },
    onTraining: () => undefined,
  });
  const checked = await run.done;
  if (checked.status === 'ok' && errors.length === 0)
    return settle(root, 'passed', t('exercise.passed'));
  const crashed = runProblem(checked);
  settle(root, 'failed', `${t('exercise.failed')} ${errors[0] ?? crashed ?? ''}`.trim());
}

function prediction(root: HTMLElement): string {
  const checked = root.querySelector<HTMLInputElement>('[data-exercise-answer] input:checked');
  return (checked?.value ?? parts(root).input?.value ?? '').trim();
}

async function checkPrediction(root: HTMLElement): Promise<void> {
  const predicted = prediction(root);
  if (predicted === '') return say(root, t('exercise.predict.empty'));
  const answer = root.dataset['answer'] ?? '';
  const right = samePrediction(predicted, answer);
  const { cell, end } = await runStarter(root);
  const output = cell.root.querySelector('[data-cell-output]')?.lastElementChild?.textContent ?? '';
  if (runProblem(end) !== undefined) {
    return settle(
      root,
      right ? 'passed' : 'failed',
      right ? t('exercise.passed') : t('exercise.predict.wrongNoRun', { prediction: predicted }),
    );
  }
  const shown = output.trim();
  settle(
    root,
    right ? 'passed' : 'failed',
    t(right ? 'exercise.predict.right' : 'exercise.predict.wrong', {
      prediction: predicted,
      output: shown,
    }),
  );
}

function checkNumber(root: HTMLElement): void {
  const typed = parts(root).input?.value ?? '';
  const parsed = parseNumber(typed);
  if (!parsed.ok) {
    return say(
      root,
      parsed.reason === 'empty'
        ? t('exercise.calc.empty')
        : t('exercise.calc.notNumber', { received: `«${typed.trim()}»` }),
    );
  }
  const answer = Number(root.dataset['answer']);
  const tolerance = Number(root.dataset['tolerance'] ?? '0');
  const grouped = groupedThousands(typed);
  const right =
    withinTolerance(parsed.value, answer, tolerance) ||
    (grouped !== null && withinTolerance(grouped, answer, tolerance));
  const received = typed.trim();
  settle(
    root,
    right ? 'passed' : 'failed',
    t(right ? 'exercise.calc.right' : 'exercise.calc.wrong', { received }),
  );
}

async function check(root: HTMLElement): Promise<void> {
  root.dataset['tries'] = String(Number(root.dataset['tries'] ?? '0') + 1);
  root.setAttribute('aria-busy', 'true');
  say(root, t('exercise.checking'));
  try {
    const kind = root.dataset['kind'];
    if (kind === 'codigo') await checkCode(root);
    else if (kind === 'previsao') await checkPrediction(root);
    else checkNumber(root);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

function hint(root: HTMLElement): void {
  const { hints, hintsLeft, hintButton } = parts(root);
  const next = hints.find((h) => h.hidden);
  if (next === undefined) return;
  next.hidden = false;
  const shown = hints.indexOf(next) + 1;
  const label = next.querySelector('[data-exercise-hint-label]');
  if (label !== null)
    label.textContent = t('exercise.hint.label', { n: shown, total: hints.length });
  const left = hints.length - shown;
  if (hintsLeft !== null)
    hintsLeft.textContent =
      left === 0
        ? t('exercise.hint.none')
        : left === 1
          ? t('exercise.hint.leftOne')
          : t('exercise.hint.leftMany', { left });
  if (left === 0 && hintButton !== null) hintButton.disabled = true;
}

function showSolution(root: HTMLElement): void {
  const { solution, useSolution } = parts(root);
  if (solution === null || !solution.hidden) return;
  const tried = Number(root.dataset['tries'] ?? '0') > 0;
  if (!tried && !window.confirm(t('exercise.solution.confirm'))) return;
  solution.hidden = false;
  if (useSolution !== null) useSolution.hidden = false;
}

async function useSolution(root: HTMLElement): Promise<void> {
  const cellRoot = parts(root).cell;
  const notebook = await loadNotebook();
  const cell = cellRoot === null ? undefined : notebook.cell(cellRoot);
  if (cell === undefined) return;
  const editor = await cell.mountEditor();
  // One undoable change through the editor: the student's code comes back with Ctrl+Z, and the
  // editor's change listener saves the new text like any edit.
  editor.setCode(root.dataset['solution'] ?? '');
  editor.focus();
  say(root, t('exercise.solution.used'));
}

function reset(button: HTMLElement): void {
  const bar = button.closest<HTMLElement>('[data-lesson-progress]');
  if (!window.confirm(bar?.dataset['confirm'] ?? t('exercise.lesson.resetConfirm'))) return;
  const result = progress().reset();
  if (!result.ok) {
    const text = bar?.querySelector('[data-lesson-progress-text]');
    if (text) text.textContent = t('exercise.lesson.resetFailed', { reason: result.reason });
    return;
  }
  // A fresh page: every cell shows the lesson's code again, with a fresh kernel.
  location.reload();
}

export function act(button: HTMLElement): void {
  const action = button.dataset['exerciseAction'];
  if (action === 'reset') return reset(button);
  const root = button.closest<HTMLElement>('[data-exercise]');
  if (root === null) return;
  if (action === 'check') {
    if (root.getAttribute('aria-busy') === 'true') return;
    void check(root);
  } else if (action === 'hint') hint(root);
  else if (action === 'solution') showSolution(root);
  else if (action === 'use-solution') void useSolution(root);
}
