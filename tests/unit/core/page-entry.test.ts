// page.ts is what the main thread imports; it must not reach tfjs (that belongs in the worker), or
// every page using the trainer client would ship ~640 KB of tfjs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Value imports only: `import type` / `export type` vanish at build time. */
function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  const pattern = /^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gms;
  for (const match of source.matchAll(pattern)) specifiers.push((match[1] ?? match[2]) as string);
  return specifiers;
}

function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (path: string) => {
    // Some core modules import without the extension ('./init').
    const file = [path, `${path}.ts`, `${path}/index.ts`].find(
      (f) => existsSync(f) && f.endsWith('.ts'),
    );
    if (file === undefined) throw new Error(`cannot resolve ${path}`);
    if (files.has(file)) return;
    files.add(file);
    for (const spec of valueImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

const core = fileURLToPath(new URL('../../../src/core/', import.meta.url));

describe('src/core/page.ts', () => {
  it('reaches no tfjs package', () => {
    const { files, packages } = reachable(resolve(core, 'page.ts'));
    expect(files.size).toBeGreaterThan(5);
    expect([...packages]).toEqual([]);
  });

  it('index.ts, by contrast, does reach tfjs (the check can fail)', () => {
    const { packages } = reachable(resolve(core, 'index.ts'));
    expect([...packages].some((p) => p.startsWith('@tensorflow/'))).toBe(true);
  });
});
