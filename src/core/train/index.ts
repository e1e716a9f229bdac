export { train, type RunResult, type TrainEnv, type TrainingRun } from './run.ts';
export { createYielder, defaultClock, type Clock, type Yielder } from './schedule.ts';
