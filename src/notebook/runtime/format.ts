// Pretty-prints JavaScript values for a pt-BR reader: decimal comma, and "; " between items so the
// comma stays unambiguous (the Brazilian spreadsheet convention). Pure; runs in the worker and Node.

const formats = new Map<number, Intl.NumberFormat>();

/**
 * 0.5 → "0,5", 1234.5 → "1234,5", 1e-9 → "1e-9", NaN and ±Infinity spelled as in code. Beyond
 * `fractionDigits` (default 6) digits are rounded away.
 */
export function formatNumber(value: number, fractionDigits = 6): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-4 || abs >= 1e15) {
    const [mantissa = '', exponent = ''] = value.toExponential(5).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '').replace('.', ',');
    return `${trimmed}e${exponent.replace('+', '')}`;
  }
  let format = formats.get(fractionDigits);
  if (format === undefined) {
    // No thousands dots: next to code, "16.315" reads like a JavaScript decimal.
    format = new Intl.NumberFormat('pt-BR', {
      maximumFractionDigits: fractionDigits,
      useGrouping: false,
    });
    formats.set(fractionDigits, format);
  }
  // A value that rounds to zero reads "0", never "-0".
  return format.format(value).replace(/^-(0(,0*)?)$/, '$1');
}

export interface FormatOptions {
  /** Nesting levels shown before "…" (default 3). */
  depth?: number;
  /** Items per array/object shown before "… mais N" (default 50). */
  maxItems?: number;
  /** A line longer than this breaks into one item per line (default 72). */
  width?: number;
}

interface Context {
  depth: number;
  maxItems: number;
  width: number;
  seen: Set<object>;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function className(value: object): string {
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return proto?.constructor?.name ?? '';
}

function isTypedArray(value: object): value is Float32Array | Int32Array | Uint8Array {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/** Short form of a tfjs tensor nested in another value; shown in full only at top level. */
function tensorLike(value: object): string | undefined {
  const t = value as { shape?: unknown; dtype?: unknown; dataSync?: unknown };
  if (Array.isArray(t.shape) && typeof t.dtype === 'string' && typeof t.dataSync === 'function') {
    return `Tensor(${(t.shape as number[]).join(', ')}) ${t.dtype}`;
  }
  return undefined;
}

function join(open: string, items: string[], close: string, ctx: Context, indent: string): string {
  if (items.length === 0) return `${open}${close}`;
  const line = `${open}${items.join('; ')}${close}`;
  if (line.length <= ctx.width && !line.includes('\n')) return line;
  const inner = `${indent}  `;
  const body = items.map((item) => inner + item).join(';\n');
  return `${open.trimEnd()}\n${body}\n${indent}${close.trimStart()}`;
}

function formatInner(value: unknown, ctx: Context, level: number, indent: string): string {
  switch (typeof value) {
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return `${value}n`;
    case 'string':
      return quote(value);
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return value.toString();
    case 'function': {
      const source = Function.prototype.toString.call(value);
      const name = value.name === '' ? '(anônima)' : value.name;
      return source.startsWith('class') ? `class ${name}` : `ƒ ${name}()`;
    }
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ctx.seen.has(object)) return '[referência circular]';
  const tensor = tensorLike(object);
  if (tensor !== undefined) return tensor;
  if (object instanceof Error) return `${object.name}: ${object.message}`;
  if (object instanceof Date)
    return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (object instanceof RegExp) return String(object);
  if (object instanceof Promise) return 'Promise {…}';
  if (level >= ctx.depth) {
    if (Array.isArray(object)) return '[…]';
    const name = className(object);
    return name === 'Object' || name === '' ? '{…}' : `${name} {…}`;
  }
  ctx.seen.add(object);
  try {
    const deeper = `${indent}  `;
    const item = (v: unknown) => formatInner(v, ctx, level + 1, deeper);
    const limited = <T>(values: readonly T[], show: (v: T) => string, total = values.length) => {
      const shown = values.slice(0, ctx.maxItems).map(show);
      if (total > shown.length) shown.push(`… mais ${total - shown.length}`);
      return shown;
    };
    if (Array.isArray(object))
      return join('[', limited(object as unknown[], item), ']', ctx, indent);
    if (isTypedArray(object)) {
      const values = Array.from(object.subarray(0, ctx.maxItems) as ArrayLike<number>);
      const items = limited(values, item, object.length);
      return join(`${className(object)}(${object.length}) [`, items, ']', ctx, indent);
    }
    if (object instanceof Map) {
      const entries = [...object.entries()];
      const items = limited(entries, ([k, v]) => `${item(k)} => ${item(v)}`);
      return join(`Map(${object.size}) {`, items, '}', ctx, indent);
    }
    if (object instanceof Set) {
      return join(`Set(${object.size}) {`, limited([...object], item), '}', ctx, indent);
    }
    const name = className(object);
    const prefix = name === 'Object' || name === '' ? '' : `${name} `;
    const keys = Object.keys(object);
    const identifier = /^[A-Za-z_$][\w$]*$/;
    const items = limited(keys, (key) => {
      const label = identifier.test(key) ? key : quote(key);
      return `${label}: ${item((object as Record<string, unknown>)[key])}`;
    });
    return items.length === 0 ? `${prefix}{}` : join(`${prefix}{ `, items, ' }', ctx, indent);
  } finally {
    ctx.seen.delete(object);
  }
}

/** The text a displayed value reads as. Strings are quoted, as a console shows them. */
export function formatValue(value: unknown, options: FormatOptions = {}): string {
  const ctx: Context = {
    depth: options.depth ?? 3,
    maxItems: options.maxItems ?? 50,
    width: options.width ?? 72,
    seen: new Set(),
  };
  return formatInner(value, ctx, 0, '');
}

/** What console.log prints for its arguments: strings raw, everything else formatted. */
export function formatLogArguments(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : formatValue(a))).join(' ');
}
