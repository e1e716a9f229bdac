// The LEGO composer's pieces: which layer types a reader can stack, the one or two numbers each
// takes, and the starting models. Pure data → LayerSpec, so the view code only draws.
import type { LayerSpec } from '../../../src/core/page';

export type PieceType =
  'dense' | 'conv2d' | 'maxPooling2d' | 'flatten' | 'conv1d' | 'maxPooling1d' | 'lstm' | 'dropout';

export interface ParamField {
  key: 'units' | 'filters' | 'kernelSize' | 'poolSize' | 'rate';
  /** tfjs option name shown as the input's label, as learners will type it. */
  label: string;
  min: number;
  max: number;
  integer: boolean;
}

const units: ParamField = { key: 'units', label: 'units', min: 1, max: 512, integer: true };
const filters: ParamField = { key: 'filters', label: 'filters', min: 1, max: 64, integer: true };
const kernelSize: ParamField = {
  key: 'kernelSize',
  label: 'kernelSize',
  min: 1,
  max: 9,
  integer: true,
};
const poolSize: ParamField = { key: 'poolSize', label: 'poolSize', min: 1, max: 8, integer: true };
const rate: ParamField = { key: 'rate', label: 'rate', min: 0, max: 0.9, integer: false };

export const PIECES: Record<PieceType, { className: string; fields: ParamField[] }> = {
  dense: { className: 'Dense', fields: [units] },
  conv2d: { className: 'Conv2D', fields: [filters, kernelSize] },
  maxPooling2d: { className: 'MaxPooling2D', fields: [poolSize] },
  flatten: { className: 'Flatten', fields: [] },
  conv1d: { className: 'Conv1D', fields: [filters, kernelSize] },
  maxPooling1d: { className: 'MaxPooling1D', fields: [poolSize] },
  lstm: { className: 'LSTM', fields: [units] },
  dropout: { className: 'Dropout', fields: [rate] },
};

export const PIECE_TYPES = Object.keys(PIECES) as PieceType[];

export interface Piece {
  type: PieceType;
  params: Partial<Record<ParamField['key'], number>>;
}

const DEFAULTS: Record<ParamField['key'], number> = {
  units: 16,
  filters: 8,
  kernelSize: 3,
  poolSize: 2,
  rate: 0.2,
};

export function newPiece(type: PieceType): Piece {
  const params: Piece['params'] = {};
  for (const field of PIECES[type].fields) params[field.key] = DEFAULTS[field.key];
  return { type, params };
}

/** The spec the core understands; numbers were validated by the view before. */
export function toLayerSpec(piece: Piece): LayerSpec {
  const p = piece.params;
  switch (piece.type) {
    case 'dense':
      return { type: 'dense', units: p.units ?? 16, activation: 'relu' };
    case 'conv2d':
      return {
        type: 'conv2d',
        filters: p.filters ?? 8,
        kernelSize: p.kernelSize ?? 3,
        activation: 'relu',
      };
    case 'maxPooling2d':
      return { type: 'maxPooling2d', poolSize: p.poolSize ?? 2 };
    case 'flatten':
      return { type: 'flatten' };
    case 'conv1d':
      return {
        type: 'conv1d',
        filters: p.filters ?? 8,
        kernelSize: p.kernelSize ?? 3,
        activation: 'relu',
      };
    case 'maxPooling1d':
      return { type: 'maxPooling1d', poolSize: p.poolSize ?? 2 };
    case 'lstm':
      return { type: 'lstm', units: p.units ?? 16 };
    case 'dropout':
      return { type: 'dropout', rate: p.rate ?? 0.2 };
  }
}

export interface Preset {
  inputShape: number[];
  pieces: Piece[];
}

const piece = (type: PieceType, params: Piece['params'] = {}): Piece => ({
  type,
  params: { ...newPiece(type).params, ...params },
});

export const PRESETS = {
  mlp: {
    inputShape: [2],
    pieces: [
      piece('dense', { units: 8 }),
      piece('dense', { units: 8 }),
      piece('dense', { units: 2 }),
    ],
  },
  cnn: {
    inputShape: [28, 28, 1],
    pieces: [
      piece('conv2d', { filters: 8 }),
      piece('maxPooling2d'),
      piece('conv2d', { filters: 16 }),
      piece('maxPooling2d'),
      piece('flatten'),
      piece('dense', { units: 10 }),
    ],
  },
  broken: {
    inputShape: [28, 28, 1],
    pieces: [piece('conv2d', { filters: 8 }), piece('dense', { units: 10 })],
  },
  lstm: {
    inputShape: [20, 1],
    pieces: [piece('lstm', { units: 16 }), piece('dense', { units: 1 })],
  },
} satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;
