// The course's exercises as the build sees them: each lesson's exercise ids, read from its MDX body
// (the sidebar and Início count them before any page runs). Pure, for unit tests.

const EXERCISE = /<Exercise\b[^>]*?\bid="([^"]+)"/g;

export function exerciseIdsOf(body: string): string[] {
  return [...body.matchAll(EXERCISE)].map((m) => m[1] as string);
}

/** The page path of a lesson slug under the site's base ('/' or '/x/'): '/x/camadas/'. */
export function lessonPath(base: string, slug: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return slug === 'index' || slug === '' ? root : `${root}${slug}/`;
}

export interface LessonEntry {
  id: string;
  body?: string | undefined;
}

/** Lesson path → its exercise ids, for the lessons that have any. */
export function courseCatalog(
  base: string,
  entries: readonly LessonEntry[],
): Map<string, string[]> {
  const catalog = new Map<string, string[]>();
  for (const entry of entries) {
    const ids = exerciseIdsOf(entry.body ?? '');
    if (ids.length > 0) catalog.set(lessonPath(base, entry.id), ids);
  }
  return catalog;
}
