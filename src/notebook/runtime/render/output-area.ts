// A cell's output area: appends each Output as it arrives, joining consecutive console chunks of one
// stream into one block, and routes training updates to their panel.
import { t } from '../../../i18n';
import type { Output, TrainingUpdate } from '../protocol';
import { renderChart } from './chart';
import { el } from './dom';
import { renderError } from './error';
import { createTextBlock, type TextBlock } from './text';
import { createTrainingPanel, type TrainingPanel } from './training';
import { renderImage, renderSummary, renderTensor, renderValue } from './values';

export interface OutputArea {
  /** Empties the area for a new run of `source` (kept to quote lines in errors). */
  reset(source: string): void;
  add(output: Output): void;
  training(update: TrainingUpdate): void;
  /** Marks the outputs as older than the current kernel (after a restart). */
  setStale(stale: boolean): void;
}

export function createOutputArea(root: HTMLElement): OutputArea {
  let source = '';
  let lastText: TextBlock | undefined;
  const panels = new Map<number, TrainingPanel>();
  const staleNote = el('p', 'nb-stale', t('notebook.cell.stale'));

  const append = (node: HTMLElement) => {
    lastText = undefined;
    root.append(node);
  };

  return {
    reset(code) {
      source = code;
      lastText = undefined;
      panels.clear();
      root.replaceChildren();
      root.dataset['stale'] = 'false';
    },
    add(output) {
      switch (output.type) {
        case 'text':
          if (lastText === undefined || lastText.stream !== output.stream) {
            const block = createTextBlock(output.stream);
            append(block.element);
            lastText = block;
          }
          lastText.append(output.text);
          return;
        case 'omitted':
          return append(
            el('p', 'nb-omitted', t('notebook.output.omitted', { lines: output.lines })),
          );
        case 'value':
          return append(renderValue(output));
        case 'tensor':
          return append(renderTensor(output));
        case 'summary':
          return append(renderSummary(output));
        case 'image':
          return append(renderImage(output));
        case 'chart':
          return append(renderChart(output.spec));
        case 'training': {
          const panel = createTrainingPanel(output.title);
          panels.set(output.panel, panel);
          return append(panel.element);
        }
        case 'error':
          return append(renderError(output.error, source));
      }
    },
    training(update) {
      panels.get(update.panel)?.update(update);
    },
    setStale(stale) {
      root.dataset['stale'] = String(stale);
      if (stale && root.childElementCount > 0) root.prepend(staleNote);
      else staleNote.remove();
    },
  };
}
