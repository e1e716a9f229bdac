import { spawnSync } from 'node:child_process';

const SETUP =
  'Run the setup: install Debian `hunspell` and `hunspell-pt-br` ' +
  '(`sudo apt-get install -y hunspell hunspell-pt-br`), then rerun the tests.';

function run(args: string[], input: string): { stdout: string; stderr: string; status: number } {
  const result = spawnSync('hunspell', args, { input, encoding: 'utf8' });
  if (result.error) {
    throw new Error(`hunspell could not be started (${result.error.message}). ${SETUP}`);
  }
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

/**
 * Words of `text` that hunspell's pt_BR dictionary (plus the personal word list) does not know.
 * Throws — never skips — when hunspell or the dictionary is missing.
 */
export function unknownWords(text: string, wordList: string): string[] {
  const { stdout, stderr, status } = run(['-d', 'pt_BR', '-p', wordList, '-i', 'utf-8', '-l'], text);
  if (status !== 0 || /can't open/i.test(stderr)) {
    throw new Error(`hunspell failed with the pt_BR dictionary: ${stderr.trim()}. ${SETUP}`);
  }
  return [...new Set(stdout.split('\n').filter((word) => word !== ''))];
}

/** Proves the dictionary is really loaded: accented pt-BR passes, nonsense is flagged. */
export function assertDictionaryWorks(wordList: string): void {
  const flagged = unknownWords('ação camada época xqzwv', wordList);
  if (flagged.join(' ') !== 'xqzwv') {
    throw new Error(`The pt_BR dictionary does not behave as expected (flagged: ${flagged}). ${SETUP}`);
  }
}
