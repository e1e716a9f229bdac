// anatomia.train for cells: the core's train() plus a live panel in the cell's output. The panel
// gets the core's snapshots (loss, metrics, every weight) at its snapshot rate; the page draws them
// with the same views the labs use. Runs are registered so Parar can stop them gracefully.
import type * as tfl from '@tensorflow/tfjs-layers';
import { train, type RunResult, type TrainingRun } from '../../core';
import type { Dataset, TrainOptions } from '../../core';
import type { Output, TrainingUpdate } from './protocol';

export interface PanelOptions {
  /** Caption above the panel. */
  title?: string;
}

export interface Trainer {
  trainWithPanel(
    model: tfl.LayersModel,
    data: Dataset,
    options: TrainOptions,
    panel?: PanelOptions,
  ): Promise<RunResult>;
  /** Stops every run still training; they resolve as 'stopped'. */
  stopAll(): void;
}

/** Where a run's outputs go; taken when train is called, so a panel stays in its own cell. */
export interface RunSink {
  emit(output: Output): void;
  update(update: TrainingUpdate): void;
}

export function createTrainer(currentSink: () => RunSink): Trainer {
  const active = new Set<TrainingRun>();
  let nextPanel = 1;
  return {
    async trainWithPanel(model, data, options, panelOptions = {}) {
      const { emit, update } = currentSink();
      const panel = nextPanel++;
      emit(
        panelOptions.title === undefined
          ? { type: 'training', panel }
          : { type: 'training', panel, title: panelOptions.title },
      );
      const run = train(model, data, options);
      active.add(run);
      run.onSnapshot((snapshot) => update({ panel, snapshot, state: 'training' }));
      try {
        const result = await run.done;
        update({ panel, snapshot: result.snapshot, state: result.state });
        if (result.error !== undefined) throw result.error;
        return result;
      } finally {
        active.delete(run);
      }
    },
    stopAll() {
      for (const run of active) run.stop();
    },
  };
}
