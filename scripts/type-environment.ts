// Writes the notebook cells' type environment for the editor's language service: every declaration
// file the checker needs (src/notebook/types/environment.ts) and TypeScript's pt-BR diagnostic
// messages, as one gzipped JSON the worker fetches when the reader starts editing a cell.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildEnvironment } from '../src/notebook/types/environment.ts';
import type { TypeEnvironmentFile } from '../src/notebook/types/protocol.ts';

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function writeTypeEnvironment(root: string, output: string): void {
  const inputs = ['src/core', 'src/notebook', 'node_modules/typescript/package.json'].map((p) =>
    join(root, p),
  );
  if (existsSync(output) && inputs.every((input) => newest(input) <= statSync(output).mtimeMs)) {
    console.log('types: ts-env.json.gz up to date');
    return;
  }
  const messages = JSON.parse(
    readFileSync(
      join(root, 'node_modules/typescript/lib/pt-br/diagnosticMessages.generated.json'),
      'utf8',
    ),
  ) as Record<string, string>;
  const file: TypeEnvironmentFile = {
    files: Object.fromEntries(buildEnvironment(root)),
    messages,
  };
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, gzipSync(JSON.stringify(file), { level: 9 }));
  console.log(
    `types: wrote ${output} (${Object.keys(file.files).length} files, ${statSync(output).size} bytes gzipped)`,
  );
}
