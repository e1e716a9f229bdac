export { createRng, type Rng } from './rng.ts';
export {
  POINT_SETS,
  circles,
  fromPoints,
  gaussians,
  makePoints,
  moons,
  pointSet,
  spiral,
  xor,
  type LabeledPoint,
  type PointSetName,
  type PointSetOptions,
} from './points.ts';
export {
  SEQUENCE_SETS,
  WAVEFORM_CLASSES,
  sequenceSet,
  sine,
  waveforms,
  type SequenceSetName,
  type SequenceSetOptions,
} from './sequences.ts';
export { gunzipIfNeeded, isGzip } from './gzip.ts';
export {
  MNIST_CLASSES,
  encodeMnistPack,
  parseMnistPack,
  type MnistPackInput,
} from './mnist-pack.ts';
export {
  checkDataset,
  oneHot,
  pickSamples,
  sampleCount,
  splitDataset,
  type SplitOptions,
} from './dataset-utils.ts';
