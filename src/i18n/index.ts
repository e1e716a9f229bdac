// The one pt-BR string table. Each area owns a file in ./strings; keys are unique across files.
import { errors } from './strings/errors';
import { labs } from './strings/labs';
import { notebook } from './strings/notebook';
import { offline } from './strings/offline';
import { site } from './strings/site';

const table = { ...site, ...errors, ...labs, ...notebook, ...offline } as const;

export type StringKey = keyof typeof table;
export type Params = Record<string, string | number>;

const numberFormat = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 4 });

/** Looks a label up and fills its {placeholders}; numbers get a decimal comma. */
export function t(key: StringKey, params: Params = {}): string {
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat.format(value) : value;
  });
}

/** Formats a number for display in pt-BR (decimal comma, thin grouping). */
export function formatNumber(value: number, maximumFractionDigits = 4): string {
  return new Intl.NumberFormat('pt-BR', { maximumFractionDigits }).format(value);
}
