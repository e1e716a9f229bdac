// Entry bundled into the Chromium page by tests/bench/viz.ts --browser.
import { measureCases, vizCases } from './viz-cases.ts';

Object.assign(globalThis, {
  runVizBench(budgetMs: number) {
    const host = document.body;
    return measureCases(vizCases(document), {
      budgetMs,
      place: (node) => {
        host.replaceChildren(node);
        host.getBoundingClientRect(); // force style + layout, as the next frame would
      },
    });
  },
});
