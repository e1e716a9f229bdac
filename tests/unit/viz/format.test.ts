import { describe, expect, it } from 'vitest';
import {
  createNumberFormat,
  formatInteger,
  formatNumber,
  formatPercent,
  formatShape,
  formatTick,
} from '../../../src/viz/format';
import { createLabels } from '../../../src/viz/labels';

describe('pt-BR number formatting', () => {
  it('writes a decimal comma and a dot between thousands', () => {
    expect(formatNumber(0.5)).toBe('0,5');
    expect(formatNumber(-1234.5678)).toBe('-1.234,568');
    expect(formatInteger(12345)).toBe('12.345');
  });

  it('never shows a negative zero', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.0001)).toBe('0');
    expect(createNumberFormat({ maximumFractionDigits: 2, minimumFractionDigits: 2 })(-0.001)).toBe(
      '0,00',
    );
  });

  it('hides floating-point noise in ticks', () => {
    expect(formatTick(0.1 + 0.2)).toBe('0,3');
    expect(formatTick(-0.4)).toBe('-0,4');
  });

  it('formats percentages', () => {
    expect(formatPercent(0.853)).toBe('85%');
    expect(formatPercent(0.853, 1)).toBe('85,3%');
  });
});

describe('formatShape', () => {
  it('names the batch axis "amostras"', () => {
    expect(formatShape([null, 2])).toBe('(amostras, 2)');
    expect(formatShape([null, 28, 28, 1])).toBe('(amostras, 28, 28, 1)');
  });

  it('takes another name for the batch axis, and leaves sizes ungrouped as in code', () => {
    expect(formatShape([null, 60000], { batchLabel: 'lote' })).toBe('(lote, 60000)');
  });

  it('writes a scalar as ()', () => {
    expect(formatShape([])).toBe('()');
  });
});

describe('createLabels', () => {
  it('fills placeholders and prefers overrides', () => {
    const t = createLabels({ 'viz.weights.filter': 'kernel n.º {index}' });
    expect(t('viz.weights.filter', { index: 3 })).toBe('kernel n.º 3');
    expect(t('viz.gate.f')).toBe('porta de esquecimento');
  });

  it('collapses the gap an empty parameter leaves', () => {
    const t = createLabels();
    expect(t('viz.weights.ariaLabel', { name: '', shape: '(2, 3)' })).toBe(
      'Mapa de calor dos pesos com formato (2, 3)',
    );
  });
});
