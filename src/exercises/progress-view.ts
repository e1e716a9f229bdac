// Shows the saved progress wherever the page has a place for it: the lesson's bar (passed of
// total), each sidebar link of a lesson with exercises (data-progress="passed/total") and Início's
// course total. Cheap and tfjs-free: it runs on page load.
import { countPassed } from '../notebook/store/progress';

const storage = () => localStorage;

function fill(template: string, passed: number): string {
  return template.replace('{passed}', String(passed));
}

function lessonPath(link: HTMLAnchorElement): string {
  return new URL(link.href, location.href).pathname;
}

export function refreshProgress(doc: Document = document): void {
  const here = doc.querySelectorAll<HTMLElement>('[data-exercise]');
  const ids = [...here].map((ex) => ex.dataset['exerciseId'] ?? '');
  const bar = doc.querySelector<HTMLElement>('[data-lesson-progress]');
  if (bar !== null) {
    bar.hidden = false;
    const text = bar.querySelector('[data-lesson-progress-text]');
    if (text !== null)
      text.textContent = fill(
        bar.dataset['template'] ?? '',
        countPassed(storage, location.pathname, ids),
      );
  }
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[data-exercise-ids]')) {
    const lessonIds = (link.dataset['exerciseIds'] ?? '').split(' ').filter(Boolean);
    const passed = countPassed(storage, lessonPath(link), lessonIds);
    link.dataset['progress'] = `${passed}/${lessonIds.length}`;
    const template = link.dataset['progressLabel'];
    if (template !== undefined) link.setAttribute('aria-description', fill(template, passed));
  }
  const course = doc.querySelector<HTMLElement>('[data-course-progress]');
  if (course !== null) {
    const lessons = JSON.parse(course.dataset['lessons'] ?? '{}') as Record<string, string[]>;
    const passed = Object.entries(lessons).reduce(
      (sum, [path, lessonIds]) => sum + countPassed(storage, path, lessonIds),
      0,
    );
    course.dataset['passed'] = String(passed);
    course.textContent = fill(course.dataset['template'] ?? '', passed);
  }
}
