import { lineOf, type Lesson, stripCode } from './mdx';

/** A base path different from `/`, so links that escape it (absolute or too many `../`) fail. */
const SITE = 'https://example.test/anatomia/';

export interface Link {
  file: string;
  line: number;
  href: string;
}

/** The page URL of a lesson: the `index` slug is the site root. */
export function pageUrl(slug: string): string {
  return slug === 'index' ? SITE : `${SITE}${slug}/`;
}

/** Markdown link targets and JSX/HTML `href`s outside code. */
export function linksOf(lesson: Lesson): Link[] {
  const text = stripCode(lesson.source);
  const links: Link[] = [];
  for (const match of text.matchAll(/\]\(([^)\s]+)\)|href=["']([^"']+)["']/g)) {
    const href = match[1] ?? match[2] ?? '';
    links.push({ file: lesson.file, line: lineOf(text, match.index), href });
  }
  return links;
}

/** Heading slugs as Astro makes them (github-slugger rules), plus explicit `id="…"` attributes. */
export function anchorsOf(lesson: Lesson): Set<string> {
  const text = stripCode(lesson.source);
  const anchors = new Set<string>();
  for (const match of text.matchAll(/\bid=["']([^"']+)["']/g)) anchors.add(match[1] ?? '');
  for (const match of text.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const slug = (match[1] ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-');
    anchors.add(slug);
  }
  return anchors;
}

/** Why an internal link is broken, or null when it resolves to an existing page and anchor. */
export function brokenReason(link: Link, lessons: readonly Lesson[]): string | null {
  if (/^(https?:|mailto:)/.test(link.href)) return null;
  if (link.href.startsWith('/')) return 'absolute path: breaks under a base path, use a relative link';
  const from = lessons.find((l) => l.file === link.file);
  const url = new URL(link.href, pageUrl(from?.frontmatter.slug ?? ''));
  if (!url.href.startsWith(SITE)) return 'leaves the site (too many ../)';
  const path = url.pathname.slice(new URL(SITE).pathname.length);
  if (path !== '' && !path.endsWith('/')) return 'page links must end with / (trailingSlash: always)';
  const slug = path === '' ? 'index' : path.slice(0, -1);
  const target = lessons.find((l) => l.frontmatter.slug === slug);
  if (!target) return `no lesson has slug "${slug}"`;
  const anchor = decodeURIComponent(url.hash.slice(1));
  if (anchor !== '' && !anchorsOf(target).has(anchor)) return `no anchor #${anchor} in ${target.file}`;
  return null;
}
