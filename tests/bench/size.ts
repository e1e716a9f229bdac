// JS shipped per page before any interaction: inline scripts plus every module script and its static
// import graph (dynamic import() is excluded: that is what loads on demand). Budget: 35 KB gzip.
// Usage: npm run bench:size [-- --json]   (reads the built dist/)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve('dist');
const budgetKb = 35;
const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const gz = (text: string): number => gzipSync(text, { level: 9 }).length;

function fileFor(src: string, from: string): string {
  if (src.startsWith(base)) return join(dist, src.slice(base.length));
  if (src.startsWith('/')) return join(dist, src);
  return resolve(dirname(from), src);
}

/** A module's static imports: `import ... from "x"`, `import "x"`, `export ... from "x"`. */
function staticImports(code: string): string[] {
  const specs: string[] = [];
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) if (match[1]) specs.push(match[1]);
  return specs;
}

function moduleGraphBytes(entry: string, seen: Set<string>): number {
  if (seen.has(entry) || !existsSync(entry)) return 0;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  let total = gz(code);
  for (const spec of staticImports(code)) {
    if (spec.startsWith('.') || spec.startsWith('/')) {
      total += moduleGraphBytes(fileFor(spec, entry), seen);
    }
  }
  return total;
}

interface Row {
  page: string;
  scripts: number;
  gzipBytes: number;
  withinBudget: boolean;
}

const rows: Row[] = htmlFiles(dist).map((file) => {
  const html = readFileSync(file, 'utf8');
  const seen = new Set<string>();
  let bytes = 0;
  let scripts = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = match[1] ?? '';
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    scripts += 1;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    bytes += src ? moduleGraphBytes(fileFor(src, file), seen) : gz(match[2] ?? '');
    if (!src)
      bytes += staticImports(match[2] ?? '').reduce((sum, spec) => {
        return sum + moduleGraphBytes(fileFor(spec, file), seen);
      }, 0);
  }
  const page = `/${relative(dist, file).replace(/index\.html$/, '')}`;
  return { page, scripts, gzipBytes: bytes, withinBudget: bytes <= budgetKb * 1024 };
});

rows.sort((a, b) => a.page.localeCompare(b.page));
if (process.argv.includes('--json')) {
  for (const row of rows) console.log(JSON.stringify({ bench: 'size', budgetKb, ...row }));
} else {
  console.log(`JS before interaction (gzip), budget ${budgetKb} KB per page`);
  console.table(
    rows.map((r) => ({
      page: r.page,
      scripts: r.scripts,
      'KB gzip': (r.gzipBytes / 1024).toFixed(1),
      budget: r.withinBudget ? 'ok' : 'OVER',
    })),
  );
}
