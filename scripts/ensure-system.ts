// Runs before the tests: makes sure the system tools they need exist, installing what it can
// (Chromium for e2e, hunspell + pt_BR dictionary for the spelling gate), and otherwise fails loudly.
// Never lets a suite skip silently.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.ts';

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
let aptUpdated = false;

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function aptInstall(packages: string[]): void {
  if (!isRoot || !hasApt) return;
  if (!aptUpdated) aptUpdated = run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...packages]);
}

const hasHunspellPtBr = (): boolean =>
  spawnSync('sh', ['-c', 'command -v hunspell'], { stdio: 'ignore' }).status === 0 &&
  existsSync('/usr/share/hunspell/pt_BR.dic');

const problems: string[] = [];

let chromiumPath = findChromium();
if (!chromiumPath) {
  console.log('Chromium not found; trying to install one.');
  if (!run('npx', ['playwright', 'install', 'chromium'])) aptInstall(['chromium']);
  chromiumPath = findChromium();
}
if (chromiumPath) console.log(`Chromium: ${chromiumPath}`);
else {
  problems.push(
    'No Chromium for the e2e tests. Install one (Debian: `sudo apt-get install chromium`) or set ' +
      'CHROMIUM_PATH to a Chromium/Chrome executable.',
  );
}

if (!hasHunspellPtBr()) {
  console.log('hunspell with the pt_BR dictionary not found; trying to install it.');
  aptInstall(['hunspell', 'hunspell-pt-br']);
}
if (hasHunspellPtBr()) console.log('hunspell: pt_BR dictionary found');
else {
  problems.push(
    'No hunspell pt_BR dictionary for the spelling gate. Install it (Debian: ' +
      '`sudo apt-get install hunspell hunspell-pt-br`).',
  );
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
