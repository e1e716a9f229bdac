// Every word the network view shows or announces, in pt-BR from the string table: the summary that
// describes the network, each item's name (its aria-label) and its tooltip with the exact value.
// Neurons and inputs are counted from 1 (x₁, x₂; neurônio 1 …), classes from 0 as in the rest of
// the lab; a weight dense_1[2 → 3] goes from unit 2 of the previous column to neuron 3.
import { t } from '../../../src/i18n';
import { createNumberFormat, formatPercent } from '../../../src/viz/format';
import type { NetworkShape } from './network-layout';

const fixed4 = createNumberFormat({ minimumFractionDigits: 4, maximumFractionDigits: 4 });
const fixed2 = createNumberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A signed value for reading: decimal comma and a true minus sign, −0,4567. */
export function formatValue(value: number, digits: 2 | 4 = 4): string {
  return (digits === 4 ? fixed4 : fixed2)(value).replace(/^-/, '−');
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** x₁, x₂, …: the name of input `index` (counted from 0). */
export function inputName(index: number): string {
  const digits = String(index + 1).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)] as string);
  return `x${digits}`;
}

const list = new Intl.ListFormat('pt-BR', { style: 'long', type: 'conjunction' });

/** "Rede com 2 entradas, camadas ocultas de 4 e 2 neurônios e 2 saídas." */
export function networkSummary(shape: NetworkShape): string {
  const hiddenUnits = shape.layers.slice(0, -1).map((l) => l.units);
  const outputs = shape.layers.at(-1)?.units ?? 0;
  const neurons = (count: number) =>
    count === 1 ? t('lab.dense.network.oneNeuron') : t('lab.dense.network.neurons', { count });
  let hidden: string;
  if (hiddenUnits.length === 0) hidden = t('lab.dense.network.noHidden');
  else if (hiddenUnits.length === 1)
    hidden = t('lab.dense.network.oneHidden', { units: neurons(hiddenUnits[0] as number) });
  else {
    // "de 4 e 2 neurônios": a list of counts takes the plural, whatever the counts.
    const counts = list.format(hiddenUnits.map(String));
    hidden = t('lab.dense.network.manyHidden', {
      units: t('lab.dense.network.neurons', { count: counts }),
    });
  }
  return t('lab.dense.network.summary', {
    inputs: String(shape.inputs),
    hidden,
    outputs: String(outputs),
  });
}

/** What a tooltip needs to know about a node beyond its place: the values it shows now. */
export interface NodeValues {
  bias: number;
  min: number;
  max: number;
}

export function inputLabel(index: number): string {
  return t('lab.dense.network.inputName', { name: inputName(index) });
}

export function inputTip(index: number, min: number, max: number): string {
  const axis = index === 0 ? 'lab.dense.network.axis.0' : 'lab.dense.network.axis.1';
  return t('lab.dense.network.inputTip', {
    name: inputName(index),
    axis: t(axis),
    min: formatValue(min, 2),
    max: formatValue(max, 2),
  });
}

export function neuronLabel(layer: string, unit: number, output: boolean): string {
  const key = output ? 'lab.dense.network.outputName' : 'lab.dense.network.neuronName';
  return t(key, { layer, index: String(unit + 1) });
}

export function neuronTip(layer: string, unit: number, output: boolean, v: NodeValues): string {
  if (output) {
    return t('lab.dense.network.outputTip', {
      layer,
      index: String(unit + 1),
      label: String(unit),
      bias: formatValue(v.bias),
      min: formatPercent(v.min),
      max: formatPercent(v.max),
    });
  }
  return t('lab.dense.network.neuronTip', {
    layer,
    index: String(unit + 1),
    bias: formatValue(v.bias),
    min: formatValue(v.min, 2),
    max: formatValue(v.max, 2),
  });
}

export interface EdgePlace {
  /** The layer whose kernel holds the weight. */
  layer: string;
  /** The layer before it, or null when the weight leaves an input. */
  previous: string | null;
  from: number;
  to: number;
}

export function weightLabel(edge: EdgePlace): string {
  return t('lab.dense.network.weightName', {
    layer: edge.layer,
    from: String(edge.from + 1),
    to: String(edge.to + 1),
  });
}

export function weightTip(edge: EdgePlace, value: number): string {
  const source =
    edge.previous === null
      ? t('lab.dense.network.sourceInput', { name: inputName(edge.from) })
      : t('lab.dense.network.sourceNeuron', { index: String(edge.from + 1), layer: edge.previous });
  return t('lab.dense.network.weightTip', {
    layer: edge.layer,
    from: String(edge.from + 1),
    to: String(edge.to + 1),
    value: formatValue(value),
    source,
    // The kernel's heatmap beside the network counts rows and columns from 0, as code does.
    row: String(edge.from),
    col: String(edge.to),
  });
}
