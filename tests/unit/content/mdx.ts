import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the lessons folder, with a trailing slash. */
export const CONTENT_DIR = fileURLToPath(new URL('../../../content/', import.meta.url));

export interface CodeBlock {
  lang: string;
  meta: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export interface Lesson {
  /** File name, e.g. `03-classe-layer.mdx`. */
  file: string;
  source: string;
  /** Flattened frontmatter: nested keys joined with dots (`sidebar.order`). */
  frontmatter: Record<string, string>;
}

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/;

/** Replaces every character but newlines with spaces, so line numbers survive stripping. */
export function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  if (v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1);
  return v;
}

/** Splits `---` frontmatter from the body; the body keeps the frontmatter's lines blanked. */
export function splitFrontmatter(source: string): { data: Record<string, string>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) return { data: {}, body: source };
  const data: Record<string, string> = {};
  const parents: string[] = [];
  for (const line of (match[1] ?? '').split('\n')) {
    const entry = /^( *)([\w-]+):\s*(.*)$/.exec(line);
    if (!entry) continue;
    const depth = (entry[1] ?? '').length / 2;
    parents.length = depth;
    const key = [...parents, entry[2] ?? ''].join('.');
    if ((entry[3] ?? '') === '') parents.push(entry[2] ?? '');
    else data[key] = unquote(entry[3] ?? '');
  }
  return { data, body: blank(match[0]) + source.slice(match[0].length) };
}

/** Fenced code blocks with their language, meta string and the line they start on. */
export function codeBlocks(source: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const start = i;
    const code: string[] = [];
    for (i++; i < lines.length && !(lines[i] ?? '').trim().startsWith(fence); i++) {
      code.push(lines[i] ?? '');
    }
    blocks.push({ lang: open[2] ?? '', meta: open[3] ?? '', code: code.join('\n'), line: start + 1 });
  }
  return blocks;
}

/** Blanks frontmatter, fenced code, MDX comments, inline code and ESM lines; keeps line numbers. */
export function stripCode(source: string): string {
  const lines = splitFrontmatter(source).body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    lines[i] = '';
    for (i++; i < lines.length && !(lines[i] ?? '').trim().startsWith(fence); i++) lines[i] = '';
    if (i < lines.length) lines[i] = '';
  }
  return lines
    .map((line) => (/^(import|export)\s/.test(line) ? '' : line))
    .join('\n')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/`[^`\n]*`/g, blank);
}

/**
 * Only the words a reader reads as running text: code, math, JSX/HTML tags, comments, link targets,
 * URLs and aside markers are blanked (line numbers survive); text inside tags and links is kept.
 */
export function stripToProse(source: string): string {
  return stripCode(source)
    .replace(/\$\$[\s\S]*?\$\$/g, blank)
    .replace(/\$[^$\n]+\$/g, blank)
    .replace(/<\/?[A-Za-z][^<>]*>/g, blank)
    .replace(/\{[^{}\n]*\}/g, blank)
    .replace(/\]\([^)\s]*\)/g, (m) => ']' + blank(m.slice(1)))
    .replace(/https?:\/\/\S+/g, blank)
    .replace(/^\s*:::[\w-]*/gm, blank)
    .replace(/&[a-z]+;|&#\d+;/g, blank);
}

/**
 * The prose a spell checker should read: as in Portuguese typography, words in italics are foreign
 * (`*feature map*`, `*bias*`) and are not checked; bold text is.
 */
export function spellableText(source: string): string {
  return stripToProse(source)
    .replace(/\*\*([^*\n]+)\*\*/g, '  $1  ')
    .replace(/\*[^*\n]+\*/g, blank);
}

/** Every lesson file (`NN-slug.mdx`) of the content folder, in file-name order. */
export function loadLessons(): Lesson[] {
  return readdirSync(CONTENT_DIR)
    .filter((file) => /^\d\d-.+\.mdx$/.test(file))
    .sort()
    .map((file) => {
      const source = readFileSync(CONTENT_DIR + file, 'utf8');
      return { file, source, frontmatter: splitFrontmatter(source).data };
    });
}

/** 1-based line number of a character offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
