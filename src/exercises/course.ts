// Build-time: the course's exercise catalog from the docs collection (lesson path → exercise ids).
import { getCollection } from 'astro:content';
import { courseCatalog } from './catalog';

let catalog: Promise<Map<string, string[]>> | undefined;

export function exerciseCatalog(): Promise<Map<string, string[]>> {
  catalog ??= getCollection('docs').then((entries) =>
    courseCatalog(import.meta.env.BASE_URL, entries),
  );
  return catalog;
}
