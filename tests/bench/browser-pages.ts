// Where each lab lives in the built site. By default a lab is measured on the lesson page that
// embeds it, as a reader meets it (with the lesson's text, cells and styles around it); `--fixture`
// measures every lab on the test page /testes/laboratorios/ instead. Lesson pages are found in
// dist/ by their markup, so renaming or reordering lessons needs no change here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const FIXTURE_PATH = 'testes/laboratorios/';

/** Every built page's path relative to the site root ('camadas-densas/'), sorted. */
function builtPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') {
        const path = relative(dist, dir).split(sep).join('/');
        pages.push(path === '' ? '' : `${path}/`);
      }
    }
  };
  walk(dist);
  return pages.sort();
}

/** Page path per lab kind; throws naming the labs no page embeds. */
export function labPages(
  dist: string,
  kinds: readonly string[],
  fixture: boolean,
): Map<string, string> {
  if (fixture) {
    if (!existsSync(join(dist, FIXTURE_PATH, 'index.html'))) {
      throw new Error(`${dist}/${FIXTURE_PATH} missing: run npm run build first`);
    }
    return new Map(kinds.map((kind) => [kind, FIXTURE_PATH]));
  }
  const lessons = builtPages(dist)
    .filter((path) => !path.startsWith('testes/'))
    .map((path) => ({ path, html: readFileSync(join(dist, path, 'index.html'), 'utf8') }));
  const found = new Map<string, string>();
  for (const kind of kinds) {
    const page = lessons.find((p) => p.html.includes(`data-lab="${kind}"`));
    if (page) found.set(kind, page.path);
  }
  const missing = kinds.filter((kind) => !found.has(kind));
  if (missing.length > 0) {
    throw new Error(
      `no lesson page in ${dist} embeds the lab(s) ${missing.join(', ')}: run npm run build, ` +
        'or measure the test page with --fixture',
    );
  }
  return found;
}
