// Public API of the drawing layer: (data, options) => detached Element, via Observable Plot.
// Types only from the core; nothing here imports tfjs or the core's runtime.
export { weightHeatmap, liveWeightHeatmap, resolveLayout } from './weightHeatmap';
export type { WeightHeatmapOptions, WeightLayout, WeightTensor } from './weightHeatmap';
export { imageGrid, digitImage } from './images';
export type { ImageGridOptions, DigitImageOptions, Normalization } from './images';
export { featureMaps, liveFeatureMaps } from './featureMaps';
export type { FeatureMapsOptions } from './featureMaps';
export { lossCurve, liveLossCurve } from './lossCurve';
export type { CurvePoint, CurveMetric, LossCurveOptions } from './lossCurve';
export { decisionBoundary, liveDecisionBoundary, argmaxField } from './decisionBoundary';
export type {
  BoundaryPoint,
  DecisionBoundaryData,
  DecisionBoundaryOptions,
} from './decisionBoundary';
export { lossLandscape } from './lossLandscape';
export type { LossSurface, PathPoint, LossLandscapeOptions } from './lossLandscape';
export { gateHeatmaps, liveGateHeatmaps, gatesFromSnapshot, GATE_ORDER } from './gateHeatmaps';
export type { GateActivations, GateKey, GateHeatmapsOptions } from './gateHeatmaps';
export { sequenceChart, meanSquaredError } from './sequenceChart';
export type { SequenceData, SequenceChartOptions } from './sequenceChart';
export { probabilityBars } from './probabilityBars';
export type { ProbabilityBarsOptions } from './probabilityBars';
export { tensorTable } from './tensorTable';
export type { TensorTableData, TensorTableOptions } from './tensorTable';
export { liveView, niceCeil, stickyMax } from './live';
export type { LiveModel, LiveRenderer, LiveView } from './live';
export { gridPoints } from './grid';
export type { Range } from './grid';
export {
  createNumberFormat,
  formatInteger,
  formatNumber,
  formatPercent,
  formatShape,
  formatTick,
} from './format';
export type { NumberFormatOptions, ShapeFormatOptions } from './format';
export { viz as vizLabels, createLabels } from './labels';
export type { VizLabelKey, VizLabels } from './labels';
export type { VizOptions } from './options';
export type { TensorData } from './tensor';
export { symmetricDomain, CATEGORICAL_COLORS, DIVERGING_SCHEMES } from './palette';
export type { DivergingScheme } from './palette';
