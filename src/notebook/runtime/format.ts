// Pretty-prints JavaScript values as code: what a cell prints is code a reader could paste back,
// so decimals take a point and items ", " (as tfjs' own print() and JSON do), shapes read [4, 3].
// Prose and lab UI write numbers in sentences with the pt-BR decimal comma (docs/contract.md,
// "Printed values"). Pure; runs in the worker and Node.

/**
 * 0.5 → "0.5", 1234.5 → "1234.5", 1e-9 → "1e-9", NaN and ±Infinity spelled as in code. Beyond
 * `fractionDigits` (default 6) digits are rounded away; a value that rounds to zero reads "0".
 */
export function formatNumber(value: number, fractionDigits = 6): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-4 || abs >= 1e15) {
    const [mantissa = '', exponent = ''] = value.toExponential(5).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    return `${trimmed}e${exponent.replace('+', '')}`;
  }
  // String() of the rounded value: the shortest digits that read back as it, and "-0" as "0".
  return String(Number(value.toFixed(fractionDigits)) + 0);
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
  const line = `${open}${items.join(', ')}${close}`;
  if (indent.length + line.length <= ctx.width && !line.includes('\n')) return line;
  const inner = `${indent}  `;
  const body = items.map((item) => inner + item).join(',\n');
  return `${open.trimEnd()}\n${body}\n${indent}${close.trimStart()}`;
}

/**
 * A list of short items (numbers, booleans, short strings) that does not fit on one line fills
 * lines up to the width, as Node's inspect does, instead of one item per line.
 */
function fill(open: string, items: string[], close: string, ctx: Context, indent: string): string {
  const line = `${open}${items.join(', ')}${close}`;
  if (indent.length + line.length <= ctx.width) return line;
  const inner = `${indent}  `;
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    const next = current === '' ? item : `${current}, ${item}`;
    if (current !== '' && inner.length + next.length + 1 > ctx.width) {
      lines.push(`${inner}${current},`);
      current = item;
    } else current = next;
  }
  lines.push(`${inner}${current}`);
  return `${open.trimEnd()}\n${lines.join('\n')}\n${indent}${close.trimStart()}`;
}

/** Numbers, booleans and the like print in a row; objects and nested arrays one per line. */
function isFlat(value: unknown): boolean {
  const kind = typeof value;
  return (
    value === null ||
    kind === 'number' ||
    kind === 'boolean' ||
    kind === 'bigint' ||
    kind === 'undefined' ||
    (kind === 'string' && (value as string).length <= 20)
  );
}

/**
 * The items of a long list: its first and last halves of `maxItems`, the middle elided with a
 * count ("… mais 40 …"), as numpy elides the middle of a long axis.
 */
function elided<T>(values: ArrayLike<T>, show: (v: T) => string, maxItems: number): string[] {
  const total = values.length;
  if (total <= maxItems) return Array.from(values, show);
  const head = Math.ceil(maxItems / 2);
  const tail = maxItems - head;
  const shown: string[] = [];
  for (let i = 0; i < head; i++) shown.push(show(values[i] as T));
  shown.push(`… mais ${total - head - tail} …`);
  for (let i = total - tail; i < total; i++) shown.push(show(values[i] as T));
  return shown;
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
    if (Array.isArray(object)) {
      const list = object as unknown[];
      const items = elided(list, item, ctx.maxItems);
      return list.every(isFlat)
        ? fill('[', items, ']', ctx, indent)
        : join('[', items, ']', ctx, indent);
    }
    if (isTypedArray(object)) {
      const items = elided(object as ArrayLike<number>, item, ctx.maxItems);
      return fill(`${className(object)}(${object.length}) [`, items, ']', ctx, indent);
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
