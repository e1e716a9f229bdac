// The browser benchmark's console report: one summary row per lab, then under each lab its pass/fail
// lines and a table with one row per view; then the peer page, and the Dense lab beside it.
import {
  isOnScreen,
  TARGETS,
  type Check,
  type Failure,
  type LabResult,
  type PeerResult,
  type ViewResult,
} from './browser-results.ts';
import { formatTable, mark, num } from './table.ts';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.floor(sorted.length / 2)] ?? NaN);
};

const isFailure = (r: object): r is Failure => 'error' in r;

/** "3 de 4 na tela: 2,1–4/s" for the weight views (min–max over those on screen). */
function weightSummary(views: readonly ViewResult[]): string {
  const weights = views.filter((v) => v.weights);
  if (weights.length === 0) return '—';
  const visible = weights.filter(isOnScreen).map((v) => v.redrawsPerSecond);
  const range =
    visible.length === 0
      ? ''
      : `: ${num(Math.min(...visible), 1)}–${num(Math.max(...visible), 1)}/s`;
  return `${visible.length} de ${weights.length} na tela${range}`;
}

const size = (width: number | null, height: number | null): string =>
  width === null || height === null ? '—' : `${num(width)}×${num(height)}`;

const load = (r: { loadAverage: number; loadAverageEnd: number }): string =>
  `${num(r.loadAverage, 1)}→${num(r.loadAverageEnd, 1)}`;

export function printLabs(results: readonly (LabResult | Failure)[], seconds: number): void {
  console.log(
    `Labs in headless Chromium at 1280×900, ${seconds} s of training each at maximum Velocidade ` +
      '(— : the lab has no Velocidade control). carga = 1-minute load average at start→end, 2 cores.',
  );
  const ok = results.filter((r): r is LabResult => !isFailure(r));
  console.log('\nStart-up and size');
  console.log(
    formatTable(
      [
        'lab',
        'página',
        'backend',
        'velocidade',
        'vista→1º passo',
        'Treinar→1º passo',
        'lab L×A px',
      ],
      ok.map((r) => [
        r.lab,
        r.path,
        r.backend,
        r.speed,
        `${num(r.viewToFirstStepMs)} ms`,
        `${num(r.trainToFirstStepMs)} ms`,
        size(r.labWidth, r.labHeight),
      ]),
      '  ',
    ),
  );
  console.log(`\nWhile training (${seconds} s)`);
  console.log(
    formatTable(
      [
        'lab',
        'janela em',
        'passos/s',
        'amostras/s',
        'épocas/s',
        'fps',
        'maior tarefa parede / CPU',
        'vistas de pesos, redesenhos/s',
        'carga',
      ],
      ok.map((r) => [
        r.lab,
        r.position === 'lab' ? 'topo do lab' : 'vistas de pesos',
        num(r.stepsPerSecond),
        num(r.samplesPerSecond),
        num(r.epochsPerSecond, 1),
        num(r.medianFps, 1),
        `${num(r.longestTaskMs)} / ${num(r.longestTaskCpuMs)} ms`,
        weightSummary(r.views),
        load(r),
      ]),
      '  ',
    ),
  );
  for (const r of results)
    if (isFailure(r)) console.log(`  ${r.lab} (${r.path}) falhou: ${r.error}`);
  for (const r of results) {
    if (isFailure(r)) continue;
    console.log(`\n${r.lab} (${r.path}): ${r.note}`);
    printChecks(r.checks);
    printViews(r.views);
  }
}

function printChecks(checks: readonly Check[]): void {
  for (const c of checks) console.log(`  ${mark(c.pass)} ${c.label}: ${c.value}`);
}

function printViews(views: readonly ViewResult[]): void {
  if (views.length === 0) {
    console.log('  (nenhuma vista encontrada)');
    return;
  }
  const rows = views.map((v) => [
    v.view,
    v.weights ? 'pesos' : 'outra',
    v.source,
    num(v.redrawsPerSecond, 1),
    v.onScreen === null ? '—' : `${num(v.onScreen * 100)} %`,
    size(v.width, v.height),
    v.weights && isOnScreen(v) ? mark(v.redrawsPerSecond >= TARGETS.weightRedrawsPerSecond) : '',
    v.replaced ? 'substituída durante a janela' : '',
  ]);
  console.log(
    formatTable(
      ['vista', 'tipo', 'fonte', 'redesenhos/s', 'na tela', 'L×A px', '≥ 30/s', ''],
      rows,
      '    ',
    ),
  );
}

export function printPeer(
  peer: PeerResult | Failure,
  dense: LabResult | Failure | undefined,
): void {
  if (isFailure(peer)) {
    console.log(`\nTF Playground: falhou: ${peer.error}`);
    return;
  }
  console.log(`\nTF Playground (peer, same method): ${peer.note}`);
  printChecks(peer.checks);
  printViews(peer.views);
  const ours = dense && !isFailure(dense) ? dense : undefined;
  const pair = (f: (r: LabResult | PeerResult) => string): string[] => [
    ours ? f(ours) : '—',
    f(peer),
  ];
  const redraws = (r: LabResult | PeerResult) => {
    const visible = r.views
      .filter((v) => v.weights && isOnScreen(v))
      .map((v) => v.redrawsPerSecond);
    return visible.length === 0
      ? '—'
      : `${num(Math.min(...visible), 1)} / ${num(median(visible), 1)} / ${num(Math.max(...visible), 1)}`;
  };
  const rows = [
    [
      'Treinar / play → 1º passo',
      ...pair(
        (r) => `${num('playToFirstStepMs' in r ? r.playToFirstStepMs : r.trainToFirstStepMs)} ms`,
      ),
    ],
    ['épocas/s', ...pair((r) => num(r.epochsPerSecond, 1))],
    ['passos/s', ...pair((r) => num(r.stepsPerSecond))],
    ['amostras/s', ...pair((r) => num(r.samplesPerSecond))],
    ['fps (mediana)', ...pair((r) => num(r.medianFps, 1))],
    [
      'maior tarefa parede / CPU',
      ...pair((r) => `${num(r.longestTaskMs)} / ${num(r.longestTaskCpuMs)} ms`),
    ],
    ['vistas de pesos na tela', ...pair((r) => weightSummary(r.views))],
    ['redesenhos/s por vista (mín / mediana / máx)', ...pair(redraws)],
    [
      'lab / página L×A px',
      ...pair((r) =>
        'pageWidth' in r ? size(r.pageWidth, r.pageHeight) : size(r.labWidth, r.labHeight),
      ),
    ],
    ['carga', ...pair(load)],
  ];
  console.log('\nDense lab beside TF Playground');
  console.log(formatTable(['', 'dense', 'tf-playground'], rows, '  '));
}
