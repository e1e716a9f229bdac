// Every exercise the built course ships, read from the test build (dist-test/, the one the e2e
// specs serve) when the spec is collected (with linkedom):
// an exercise added to any lesson becomes a test without anyone writing one (exercises.spec.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { coursePages } from './pages';

export interface ExerciseInstance {
  id: string;
  kind: 'codigo' | 'previsao' | 'calculo';
  /** previsao: the displayed value; calculo: the number, as the page holds it. */
  answer?: string;
  /** previsao with choices: the options, in order. */
  choices: string[];
}

export interface LessonExercises {
  /** The lesson page's path under the base URL, e.g. "tensores/". */
  path: string;
  title: string;
  exercises: ExerciseInstance[];
}

export function exerciseCatalog(dist = 'dist-test'): LessonExercises[] {
  const lessons: LessonExercises[] = [];
  for (const page of coursePages) {
    const file = join(dist, page.path, 'index.html');
    if (!existsSync(file))
      throw new Error(`${file} is missing: build the site first (npm run build:test)`);
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const exercises = [...document.querySelectorAll('[data-exercise]')].map((root) => {
      const instance: ExerciseInstance = {
        id: root.getAttribute('data-exercise-id') ?? '',
        kind: root.getAttribute('data-kind') as ExerciseInstance['kind'],
        choices: [...root.querySelectorAll('[data-exercise-answer] input')].map(
          (input) => input.getAttribute('value') ?? '',
        ),
      };
      const answer = root.getAttribute('data-answer');
      if (answer !== null) instance.answer = answer;
      return instance;
    });
    if (exercises.length > 0) lessons.push({ path: page.path, title: page.title, exercises });
  }
  return lessons;
}
