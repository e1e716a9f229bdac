// TF Playground, the page readers compare the Dense lab with, measured in the same run by the same
// method (browser-window.ts): its default configuration, play pressed, left to run. It has no
// data-version contract, so a view's redraws are the animation frames in which its canvas got new
// pixels (putImageData/drawImage, counted by pageHelpers); epochs come from its iteration counter.
// Build it locally and pass the dist directory (its code is never committed here):
//   git clone /work/.mirror/tensorflow+playground/repo /tmp/playground && cd /tmp/playground &&
//   npm install && npm run build && echo 'window.ga = function () {};' > dist/analytics.js &&
//   sed -i '/fonts.googleapis.com/d' dist/index.html
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { serveStatic } from '../../scripts/serve-dist.ts';
import { pageHelpers } from './browser-page.ts';
import { viewResults, windowChecks, type PeerResult } from './browser-results.ts';
import { measureWindow } from './browser-window.ts';
import { VIEWPORT } from './browser-lab.ts';

/**
 * Its views: the output heatmap (#heatmap) and each node's thumbnail (#canvas-<id>). Hidden and
 * output neurons have numeric ids and are graded as weight views; input features (#canvas-x…)
 * redraw too but show fixed functions. The dataset pickers' canvases are drawn once and left out.
 */
const CANVASES = '#heatmap canvas, #network div.canvas canvas';

/** playground.ts NUM_SAMPLES_CLASSIFY: points generated for a classification dataset. */
const CLASSIFY_SAMPLES = 500;

export const PLAYGROUND_BUILD_HELP =
  'build TF Playground first: git clone /work/.mirror/tensorflow+playground/repo /tmp/playground && ' +
  "cd /tmp/playground && npm install && npm run build && echo 'window.ga = function () {};' > " +
  "dist/analytics.js && sed -i '/fonts.googleapis.com/d' dist/index.html; then pass " +
  '--peer-playground /tmp/playground/dist';

/** The absolute build directory; throws saying how to build it when it is not one. */
export function assertPlaygroundBuild(dir: string): string {
  const root = resolve(dir);
  for (const file of ['index.html', 'bundle.js']) {
    if (!existsSync(join(root, file))) {
      throw new Error(
        `--peer-playground: ${join(root, file)} is missing; ${PLAYGROUND_BUILD_HELP}`,
      );
    }
  }
  return root;
}

interface PeerSample {
  now: number;
  iteration: number;
}

/**
 * The Playground's controls and counter, read in the page (plain JavaScript, see browser-page.ts):
 * its batch size and training share sliders, the iteration counter ("000,123"), and the time from
 * pressing play to the counter's first move.
 */
const PEER_HELPERS = `
(() => {
  const iteration = () =>
    Number((document.getElementById('iter-number').textContent || '').replace(/\\D/g, '') || 0);
  window.__peer = {
    config() {
      const value = (id) => Number(document.getElementById(id).value);
      return { batch: value('batchSize'), percentTrain: value('percTrainData') };
    },
    sample() {
      return { now: performance.now(), iteration: iteration() };
    },
    play() {
      const counter = document.getElementById('iter-number');
      const started = performance.now();
      return new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (iteration() === 0) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(counter, { childList: true, characterData: true, subtree: true });
        document.getElementById('play-pause-button').click();
      });
    },
  };
})();
`;

interface PeerHelpers {
  config(): { batch: number; percentTrain: number };
  sample(): PeerSample;
  play(): Promise<number>;
}
type PeerWindow = Window & { __peer: PeerHelpers };

export async function measurePlayground(
  browser: Browser,
  dir: string,
  seconds: number,
): Promise<PeerResult> {
  const root = assertPlaygroundBuild(dir);
  const server = await serveStatic(root);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    // Offline and fair: only the local build is served; anything else (fonts, analytics) fails fast.
    const origin = new URL(server.url).origin;
    await context.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    await page.addInitScript({ content: pageHelpers({ countCanvasPaints: true }) });
    await page.addInitScript({ content: PEER_HELPERS });
    await page.goto(server.url);
    await page.locator('#play-pause-button').waitFor();
    const peer = {
      config: () => page.evaluate(() => (window as unknown as PeerWindow).__peer.config()),
      sample: () => page.evaluate(() => (window as unknown as PeerWindow).__peer.sample()),
      play: () => page.evaluate(() => (window as unknown as PeerWindow).__peer.play()),
    };
    const config = await peer.config();
    const playToFirstStepMs = await peer.play();
    const w = await measureWindow<PeerSample>(browser, page, {
      views: 'canvas',
      selector: CANVASES,
      seconds,
      sample: peer.sample,
    });
    const size = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    const dt = (w.end.now - w.start.now) / 1000;
    const epochsPerSecond = (w.end.iteration - w.start.iteration) / dt;
    const samplesPerSecond = (epochsPerSecond * CLASSIFY_SAMPLES * config.percentTrain) / 100;
    const result: Omit<PeerResult, 'checks'> = {
      bench: 'browser-peer',
      peer: 'tf-playground',
      playToFirstStepMs,
      epochsPerSecond,
      stepsPerSecond: samplesPerSecond / config.batch,
      samplesPerSecond,
      medianFps: w.stats.medianFps,
      longestTaskMs: w.stats.longestTaskMs,
      longestTaskCpuMs: w.longestTaskCpuMs,
      tasksOver50Ms: w.stats.tasksOver50Ms,
      pageWidth: size.width,
      pageHeight: size.height,
      loadAverage: w.loadAverage,
      loadAverageEnd: w.loadAverageEnd,
      seconds: dt,
      note:
        `default configuration (batch ${config.batch}, ${config.percentTrain} % of ` +
        `${CLASSIFY_SAMPLES} points for training); steps/s and samples/s derived from epochs/s`,
      views: viewResults('tf-playground', w.startViews, w.endViews, w.seconds, 'canvas', (name) =>
        /^#(heatmap|canvas-\d+)$/.test(name),
      ),
    };
    return { ...result, checks: windowChecks(result) };
  } finally {
    await context.close();
    await server.close();
  }
}
