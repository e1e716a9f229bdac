// The only exercise code a lesson page loads up front: it reveals the controls, shows saved passes
// and progress, and loads the rest (actions.ts: checks, hints, solutions) on the first click.
import { createLessonProgress } from '../notebook/store/progress';
import { refreshProgress } from './progress-view';

function start(): void {
  refreshProgress();
  const exercises = document.querySelectorAll<HTMLElement>('[data-exercise]');
  if (exercises.length === 0) return;
  const passed = createLessonProgress(() => localStorage, location.pathname).passed();
  for (const exercise of exercises) {
    const controls = exercise.querySelector<HTMLElement>('[data-exercise-controls]');
    const reveal = exercise.querySelector<HTMLElement>('[data-exercise-reveal]');
    if (controls === null || reveal === null) continue;
    // Hints and the solution come after the buttons, in reading order too.
    reveal.append(
      ...exercise.querySelectorAll('[data-exercise-hint]'),
      ...exercise.querySelectorAll('[data-exercise-solution]'),
    );
    controls.hidden = false;
    if (passed.has(exercise.dataset['exerciseId'] ?? '')) {
      exercise.dataset['status'] = 'passed';
      const feedback = exercise.querySelector('[data-exercise-feedback]');
      if (feedback !== null) feedback.textContent = exercise.dataset['passedBefore'] ?? '';
    }
  }
  let actions: Promise<typeof import('./actions')> | undefined;
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-exercise-action]');
    if (button === null || button === undefined) return;
    actions ??= import('./actions');
    void actions.then((m) => m.act(button));
  });
}

start();
