// Build-time guard for the two silent Starlight traps (content outside src/): a lesson without its
// frontmatter, a sidebar group that autogenerates nothing, an aside that vanishes. Fails the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';

export interface LessonFile {
  file: string;
  order: number;
  title: string;
  description: string;
  slug: string;
  hasAside: boolean;
}

const lessonName = /^(\d\d)-[a-z0-9-]+\.mdx?$/;

/** Reads the few frontmatter fields we require; a missing one is an authoring error. */
export function readLessons(dir: string): LessonFile[] {
  const problems: string[] = [];
  const lessons: LessonFile[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (file.startsWith('_') || !/\.mdx?$/.test(file)) continue;
    const match = lessonName.exec(file);
    if (!match) {
      problems.push(`${file}: lesson files are named NN-slug.mdx`);
      continue;
    }
    const text = readFileSync(join(dir, file), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    const field = (name: string): string =>
      new RegExp(`^${name}:\\s*(.+)$`, 'm')
        .exec(front)?.[1]
        ?.trim()
        .replace(/^'(.*)'$/, '$1') ?? '';
    const order = Number(/^\s+order:\s*(\d+)\s*$/m.exec(front)?.[1]);
    const lesson: LessonFile = {
      file,
      order,
      title: field('title'),
      description: field('description'),
      slug: field('slug'),
      hasAside: /^:::(note|tip|caution|danger)/m.test(text),
    };
    for (const key of ['title', 'description', 'slug'] as const) {
      if (!lesson[key]) problems.push(`${file}: frontmatter needs "${key}"`);
    }
    if (order !== Number(match[1])) {
      problems.push(`${file}: sidebar.order must be ${Number(match[1])}, found ${String(order)}`);
    }
    lessons.push(lesson);
  }
  if (lessons.length === 0) problems.push(`${dir}: no lessons found`);
  if (problems.length > 0) throw new Error(`content check failed:\n  ${problems.join('\n  ')}`);
  return lessons;
}

/** Checks the built pages: every lesson is in the sidebar, asides were rendered. */
export function checkBuiltSite(distDir: string, base: string, lessons: LessonFile[]): string[] {
  const problems: string[] = [];
  const home = readFileSync(join(distDir, 'index.html'), 'utf8');
  const sidebar = /<nav[^>]*aria-label="Principal"[\s\S]*?<\/nav>/.exec(home)?.[0] ?? home;
  for (const lesson of lessons) {
    const path = lesson.slug === 'index' ? '' : `${lesson.slug}/`;
    if (!sidebar.includes(`href="${base}${path}"`)) {
      problems.push(`sidebar: "${lesson.title}" is missing (is the autogenerate directory right?)`);
    }
    if (lesson.hasAside) {
      const page = readFileSync(join(distDir, path, 'index.html'), 'utf8');
      if (!page.includes('starlight-aside')) {
        problems.push(`${lesson.file}: asides vanished (is markdown.processedDirs set?)`);
      }
    }
  }
  return problems;
}

export function contentGuard(contentDir: string): AstroIntegration {
  let lessons: LessonFile[] = [];
  let base = '/';
  return {
    name: 'anatomia:content-guard',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        lessons = readLessons(contentDir);
      },
      'astro:build:done': ({ dir }) => {
        const problems = checkBuiltSite(dir.pathname, base, lessons);
        if (problems.length > 0) {
          throw new Error(`built site check failed:\n  ${problems.join('\n  ')}`);
        }
      },
    },
  };
}
