// The pages of the course, read from content/ the same way the build guard reads them.
import { readLessons } from '../../src/build/content-guard.ts';

export interface CoursePage {
  title: string;
  path: string;
}

export const coursePages: CoursePage[] = readLessons('content').map((lesson) => ({
  title: lesson.title,
  path: lesson.slug === 'index' ? '' : `${lesson.slug}/`,
}));
