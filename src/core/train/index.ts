export { train, type RunResult, type TrainEnv, type TrainingRun } from './run.ts';
export { createYielder, defaultClock, type Clock, type Yielder } from './schedule.ts';
export { createStepper, type Drained, type Stepper, type StepperOptions } from './stepper.ts';
export { makeOptimizer } from './optimizer.ts';
