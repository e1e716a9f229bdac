// The check helpers of exercises (`confere.*`), available to check code and to cells in the kernel.
// Each throws a ConfereError with a pt-BR message that says what was expected and what was received,
// and returns nothing on success. No tfjs import: tensors, layers and models are recognised by shape
// (duck typing), so the helpers never break on a value of the wrong kind and run under Node tests.
import { describe, dims, isSymbolic, isTensor, literal, num } from './describe';

export class ConfereError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfereError';
  }
}

const fail = (message: string): never => {
  throw new ConfereError(message);
};

/** A mistake in the check itself (the author's), worded apart from the student's. */
const misuse = (helper: string, message: string): never => {
  throw new ConfereError(`confere.${helper} foi chamado de forma errada: ${message}.`);
};

type Dim = number | null;

function shapeOf(value: unknown): Dim[] | undefined {
  if (isTensor(value)) return value.isDisposed === true ? undefined : value.shape;
  if (isSymbolic(value)) return value.shape;
  if (Array.isArray(value) && value.every((d) => d === null || Number.isInteger(d))) {
    return value as Dim[];
  }
  return undefined;
}

function sameShape(received: readonly Dim[], expected: readonly Dim[]): boolean {
  return (
    received.length === expected.length && expected.every((d, i) => d === null || d === received[i])
  );
}

function formato(tensor: unknown, esperado: Dim[]): void {
  if (!Array.isArray(esperado) || !esperado.every((d) => d === null || Number.isInteger(d))) {
    misuse(
      'formato',
      `o formato esperado deve ser uma lista de inteiros ou null, e veio ${describe(esperado)}`,
    );
  }
  const shape = shapeOf(tensor);
  if (shape === undefined) {
    fail(`Esperado um tensor de formato ${dims(esperado)}; recebido ${describe(tensor)}.`);
  } else if (!sameShape(shape, esperado)) {
    const rank =
      shape.length === esperado.length
        ? ''
        : ` (${esperado.length} eixo${esperado.length === 1 ? '' : 's'} esperado${esperado.length === 1 ? '' : 's'}, ${shape.length} recebido${shape.length === 1 ? '' : 's'})`;
    fail(`Formato errado: esperado ${dims(esperado)}, recebido ${dims(shape)}${rank}.`);
  }
}

function checkTolerance(helper: string, tolerancia: unknown): number {
  if (typeof tolerancia !== 'number' || !(tolerancia >= 0)) {
    return misuse(helper, `a tolerância deve ser um número ≥ 0, e veio ${describe(tolerancia)}`);
  }
  return tolerancia;
}

function proximo(valor: unknown, esperado: number, tolerancia = 1e-6): void {
  const tol = checkTolerance('proximo', tolerancia);
  if (typeof esperado !== 'number' || Number.isNaN(esperado)) {
    misuse('proximo', `o valor esperado deve ser um número, e veio ${describe(esperado)}`);
  }
  let received = valor;
  // A one-element tensor counts as its number: the student may have left it as a tensor.
  if (isTensor(valor) && valor.isDisposed !== true && valor.shape.every((d) => d === 1)) {
    received = valor.dataSync()[0];
  }
  if (typeof received !== 'number') {
    fail(`Esperado um número perto de ${num(esperado)}; recebido ${describe(valor)}.`);
  } else if (Number.isNaN(received)) {
    fail(
      `Esperado ${num(esperado)}; recebido NaN (não é um número: uma conta como 0/0 ou com um valor indefinido).`,
    );
  } else if (!(Math.abs(received - esperado) <= tol)) {
    fail(`Esperado ${num(esperado)} (tolerância ${num(tol)}); recebido ${num(received)}.`);
  }
}

type Nested = number | Nested[];

function flatten(
  value: Nested,
  shape: number[] = [],
): { shape: number[]; values: number[] } | undefined {
  if (typeof value === 'number') return { shape, values: [value] };
  if (!Array.isArray(value)) return undefined;
  const parts = value.map((v) => flatten(v));
  if (parts.some((p) => p === undefined)) return undefined;
  const inner = (parts[0] as { shape: number[] } | undefined)?.shape ?? [];
  if (parts.some((p) => dims(p?.shape ?? []) !== dims(inner))) return undefined;
  return { shape: [value.length, ...inner], values: parts.flatMap((p) => p?.values ?? []) };
}

function indexAt(flat: number, shape: readonly number[]): number[] {
  const index: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis] as number;
    index.unshift(flat % size);
    flat = Math.floor(flat / size);
  }
  return index;
}

function tensorProximo(tensor: unknown, esperado: Nested, tolerancia = 1e-4): void {
  const tol = checkTolerance('tensorProximo', tolerancia);
  const expected = flatten(esperado);
  if (expected === undefined) {
    misuse(
      'tensorProximo',
      `o esperado deve ser um número ou uma lista retangular de números, e veio ${describe(esperado)}`,
    );
    return;
  }
  if (!isTensor(tensor) || tensor.isDisposed === true) {
    fail(`Esperado um tensor perto de ${literal(esperado)}; recebido ${describe(tensor)}.`);
    return;
  }
  const scalar = typeof esperado === 'number';
  if (!scalar) formato(tensor, expected.shape);
  const values = tensor.dataSync();
  if (scalar && values.length === 0)
    fail(
      `Esperado um tensor com valores perto de ${num(esperado)}; recebido um tensor vazio de formato ${dims(tensor.shape)}.`,
    );
  for (let i = 0; i < values.length; i++) {
    const want = scalar ? (esperado as number) : (expected.values[i] as number);
    const got = values[i] as number;
    if (!(Math.abs(got - want) <= tol)) {
      const where =
        tensor.shape.length === 0 ? '' : ` na posição ${dims(indexAt(i, tensor.shape))}`;
      const gotText = Number.isNaN(got) ? 'NaN (não é um número)' : num(got);
      fail(
        `Valor errado${where}: esperado ${num(want)} (tolerância ${num(tol)}), recebido ${gotText}.`,
      );
    }
  }
}

/** The first place two plain values differ, as a path like [1] or .units; undefined when equal. */
function difference(
  a: unknown,
  b: unknown,
  path: string,
): { path: string; a: unknown; b: unknown } | undefined {
  if (Object.is(a, b) || (a === b && a !== 0)) return undefined;
  if (typeof a === 'number' && typeof b === 'number' && a === b) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return { path, a, b };
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  const plain = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && !isTensor(v);
  if (plain(a) && plain(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const d = difference(a[key], b[key], `${path}.${key}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return { path, a, b };
}

function igual(recebido: unknown, esperado: unknown): void {
  if (isTensor(recebido)) {
    fail(
      `Esperado ${literal(esperado)}; recebido ${describe(recebido)} (use await t.array() ou t.arraySync() para comparar os valores).`,
    );
  }
  const d = difference(recebido, esperado, '');
  if (d === undefined) return;
  const where = d.path === '' ? '' : ` em ${d.path.replace(/^\./, '')}`;
  const shown = (v: unknown) => (typeof v === 'object' && v !== null ? literal(v) : describe(v));
  fail(`Diferente${where}: esperado ${shown(d.b)}, recebido ${shown(d.a)}.`);
}

interface LayerLike {
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  countParams(): number;
  outputShape?: unknown;
}

function isLayer(value: unknown): value is LayerLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LayerLike).getClassName === 'function' &&
    typeof (value as LayerLike).getConfig === 'function' &&
    typeof (value as LayerLike).countParams === 'function'
  );
}

export interface LayerProps {
  classe?: string;
  units?: number;
  filters?: number;
  kernelSize?: number | number[];
  strides?: number | number[];
  padding?: string;
  activation?: string;
  parametros?: number;
  formatoSaida?: Dim[];
}

const CONFIG_PROPS = [
  'units',
  'filters',
  'kernelSize',
  'strides',
  'padding',
  'activation',
] as const;

/** kernelSize: 3 and [3, 3] say the same for a Conv2D; tfjs stores the list. */
function normalized(value: unknown, like: unknown): unknown {
  if (typeof value === 'number' && Array.isArray(like)) return like.map(() => value);
  return value;
}

function camada(camadaValue: unknown, props: LayerProps): void {
  if (typeof props !== 'object' || props === null) {
    misuse('camada', `as propriedades esperadas devem ser um objeto, e veio ${describe(props)}`);
  }
  if (!isLayer(camadaValue)) {
    fail(
      `Esperado uma camada do tfjs (por exemplo tf.layers.dense({ units: 8 })); recebido ${describe(camadaValue)}.`,
    );
    return;
  }
  const layer = camadaValue;
  if (props.classe !== undefined && layer.getClassName() !== props.classe) {
    fail(`Classe da camada errada: esperado ${props.classe}, recebido ${layer.getClassName()}.`);
  }
  const config = layer.getConfig();
  for (const key of CONFIG_PROPS) {
    const want = props[key];
    if (want === undefined) continue;
    const got = config[key];
    if (difference(got, normalized(want, got), '') !== undefined) {
      fail(
        `Na camada ${layer.getClassName()}, ${key}: esperado ${literal(want)}, recebido ${literal(got)}.`,
      );
    }
  }
  if (props.parametros !== undefined) {
    let count: number;
    try {
      count = layer.countParams();
    } catch {
      return fail(
        `Esperado uma camada com ${num(props.parametros)} parâmetros; recebida uma camada ainda não construída (ligue-a a uma entrada, com apply, ou a um modelo).`,
      );
    }
    if (count !== props.parametros) {
      fail(
        `Número de parâmetros da camada ${layer.getClassName()}: esperado ${num(props.parametros)}, recebido ${num(count)}.`,
      );
    }
  }
  if (props.formatoSaida !== undefined) {
    let shape: unknown;
    try {
      shape = layer.outputShape;
    } catch {
      return fail(
        `Esperado o formato de saída ${dims(props.formatoSaida)}; recebida uma camada ainda não ligada a uma entrada, sem formato de saída.`,
      );
    }
    const got = shapeOf(shape);
    if (got === undefined || !sameShape(got, props.formatoSaida)) {
      fail(
        `Formato de saída da camada ${layer.getClassName()}: esperado ${dims(props.formatoSaida)}, recebido ${got === undefined ? describe(shape) : dims(got)}.`,
      );
    }
  }
}

function parametros(modelo: unknown, n: number): void {
  if (!Number.isInteger(n))
    misuse('parametros', `o número esperado deve ser um inteiro, e veio ${describe(n)}`);
  const counter = modelo as { countParams?: unknown } | null;
  if (
    typeof counter !== 'object' ||
    counter === null ||
    typeof counter.countParams !== 'function'
  ) {
    fail(
      `Esperado um modelo (ou uma camada) com ${num(n)} parâmetros; recebido ${describe(modelo)}.`,
    );
    return;
  }
  let count: unknown;
  try {
    count = (counter.countParams as () => unknown)();
  } catch {
    fail(
      `Esperado um modelo com ${num(n)} parâmetros; recebido um ainda não construído (dê a ele um inputShape).`,
    );
  }
  if (count !== n)
    fail(
      `Número de parâmetros: esperado ${num(n)}, recebido ${typeof count === 'number' ? num(count) : describe(count)}.`,
    );
}

function lossesOf(historico: unknown): unknown[] | undefined {
  if (Array.isArray(historico)) return historico;
  const history = (historico as { history?: { loss?: unknown } } | null)?.history;
  if (typeof historico === 'object' && historico !== null && Array.isArray(history?.loss))
    return history.loss;
  return undefined;
}

function perdaCaiu(historico: unknown, fracao = 0.5): void {
  if (typeof fracao !== 'number' || !(fracao > 0))
    misuse('perdaCaiu', `a fração deve ser um número > 0, e veio ${describe(fracao)}`);
  const losses = lossesOf(historico);
  if (losses === undefined) {
    fail(
      `Esperado o histórico de um treino (o que model.fit devolve) ou uma lista de perdas; recebido ${describe(historico)}.`,
    );
    return;
  }
  if (losses.length < 2)
    fail(
      `Esperado um histórico com pelo menos duas perdas; recebido ${losses.length === 0 ? 'um histórico vazio' : 'uma só perda'}.`,
    );
  losses.forEach((loss, i) => {
    if (typeof loss !== 'number' || !Number.isFinite(loss)) {
      fail(
        `Esperado que toda perda fosse um número finito; recebido ${typeof loss === 'number' ? num(loss) : describe(loss)} na época ${i + 1} (o treino divergiu: tente uma taxa de aprendizado menor).`,
      );
    }
  });
  const first = losses[0] as number;
  const last = losses[losses.length - 1] as number;
  if (!(last <= fracao * first)) {
    const percent = Math.round(fracao * 100);
    fail(
      `Esperado que a última perda fosse no máximo ${percent}% da primeira (${num(first)} → no máximo ${num(fracao * first)}); recebido ${num(last)}${first > 0 ? ` (${Math.round((last / first) * 100)}% da primeira)` : ''}.`,
    );
  }
}

function verdadeiro(condicao: unknown, mensagem: string): void {
  if (typeof mensagem !== 'string' || mensagem.trim() === '')
    misuse('verdadeiro', 'falta a mensagem em português');
  if (typeof condicao !== 'boolean') {
    fail(`${mensagem} (esperado true ou false; recebido ${describe(condicao)}).`);
  }
  if (condicao !== true) fail(mensagem);
}

export const confere = Object.freeze({
  formato,
  proximo,
  tensorProximo,
  igual,
  camada,
  parametros,
  perdaCaiu,
  verdadeiro,
});

export type Confere = typeof confere;
