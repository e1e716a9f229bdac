import { blank, codeBlocks, stripToProse } from './mdx';

export interface TermRule {
  /** Matched case-insensitively, on word boundaries (a regular expression's source). */
  variant: string;
  use: string;
  /**
   * `text`: the whole file (prose, frontmatter, code comments) — for pt-BR variants.
   * `prose`: running text only — for English words that are fine as code identifiers.
   * `reader`: what a reader reads — running text with its inline math, plus the comments and string
   *   literals of code blocks, but not code identifiers (a variable may be called `passos`).
   */
  scope: 'text' | 'prose' | 'reader';
  /** Files where the variant is legitimate (the glossary's English column). */
  allowIn?: readonly string[];
  /**
   * Uses that are the chosen term after all: each pattern is tried where the variant matched (it may
   * look behind that point), and a match there is no violation.
   */
  except?: readonly string[];
}

const GLOSSARY = ['09-glossario.mdx'] as const;

/**
 * "passo" alone is the stride of a convolution; the time step of a sequence is a "passo de tempo";
 * an optimizer step is an "iteração" (PRODUCT.md). A stride shows itself by what is next to it: a
 * value (`passo 2`, `passo $S$`, `passo {stride}`, `passo maior que 1`), the word stride, or
 * padding (`o passo e o preenchimento`, `a largura, o passo`).
 */
const STRIDE_OR_TIME_STEP = [
  String.raw`passos? de tempo`,
  String.raw`passos?\]?\s*\(\*?stride`,
  String.raw`passos?\]?\s+(\d|§|\{stride\}|[<>≤≥=]|maior|menor|igual)`,
  String.raw`passos?\]?,?\s+(e\s+)?(d?[oa]s?\s+)?(sem\s+)?(preenchimento|padding)`,
  String.raw`(?<=(preenchimento|padding|largura|filtros?|janela)(\s+e|,)\s+(d?[oa]\s+)?\[?)passos?`,
] as const;

/** Articles and determiners before "conta" when it means a computation (not "levar em conta"). */
const CONTA_AS_COMPUTATION = String.raw`(?<=(^|[^\p{L}])(a|as|uma|umas|da|das|na|nas|à|às|pela|pelas|mesma|mesmas|esta|essa|estas|essas|nesta|nessa|desta|dessa|duas|três|cuja|sua|suas)\s+)contas?`;

/** One choice per concept (PRODUCT.md); every other spelling fails the build. */
export const TERM_RULES: readonly TermRule[] = [
  { variant: 'taxa de aprendizagem', use: 'taxa de aprendizado', scope: 'text' },
  { variant: 'mapas? de recursos', use: 'mapa de características', scope: 'text' },
  { variant: 'mapas? de atributos', use: 'mapa de características', scope: 'text' },
  { variant: 'port(ão|ões)', use: 'porta(s)', scope: 'text' },
  { variant: 'descida (do|de) gradiente', use: 'gradiente descendente', scope: 'text' },
  { variant: 'gradiente descendente estocástica', use: 'gradiente descendente estocástico', scope: 'text' },
  { variant: 'retro-?propaga(ção|r) de erros?', use: 'retropropagação', scope: 'text' },
  { variant: 'retro-propagação|propagação reversa', use: 'retropropagação', scope: 'text' },
  { variant: 'função de custo', use: 'função de perda', scope: 'text' },
  { variant: 'estados? escondidos?', use: 'estado oculto', scope: 'text' },
  { variant: 'estado de célula|estado celular', use: 'estado da célula', scope: 'text' },
  { variant: 'porta (de|do) esquecer|porta do esquecimento', use: 'porta de esquecimento', scope: 'text' },
  { variant: 'sobre-ajuste|superajuste|sobreajustamento', use: 'sobreajuste', scope: 'text' },
  { variant: 'aprendizagem profunda', use: 'aprendizado profundo', scope: 'text' },
  { variant: 'tamanho do batch|tamanho de lote', use: 'tamanho do lote', scope: 'text' },
  { variant: 'passos temporais|intervalos de tempo', use: 'passos de tempo', scope: 'text' },
  { variant: 'treinamentos?', use: 'treino', scope: 'text' },
  { variant: 'explorador(es)? de kernels?', use: 'explorador de filtros', scope: 'text' },
  { variant: '(largura|tamanho) do kernel', use: 'largura (tamanho) do filtro', scope: 'text' },
  { variant: 'conjuntos? de desenvolvimento', use: 'conjunto de validação', scope: 'text' },
  { variant: 'difusão', use: 'broadcasting', scope: 'text', allowIn: GLOSSARY },
  {
    variant: 'passos?',
    use: 'iteração (do otimizador) ou passo de tempo; passo só como stride',
    scope: 'reader',
    except: STRIDE_OR_TIME_STEP,
  },
  { variant: CONTA_AS_COMPUTATION, use: 'cálculo', scope: 'reader' },
  { variant: 'rank', use: 'posto', scope: 'prose', allowIn: GLOSSARY },
  { variant: 'feature maps?', use: 'mapa de características', scope: 'prose', allowIn: GLOSSARY },
  { variant: 'features', use: 'atributos', scope: 'prose', allowIn: GLOSSARY },
  { variant: 'timesteps?', use: 'passos de tempo', scope: 'prose', allowIn: GLOSSARY },
  { variant: 'samples', use: 'amostras', scope: 'prose', allowIn: GLOSSARY },
  { variant: 'learning rate', use: 'taxa de aprendizado', scope: 'prose', allowIn: GLOSSARY },
  { variant: 'overfitting', use: 'sobreajuste', scope: 'prose', allowIn: GLOSSARY },
  { variant: 'batch', use: 'lote', scope: 'prose', allowIn: GLOSSARY },
  { variant: 'backpropagation', use: 'retropropagação', scope: 'prose', allowIn: GLOSSARY },
  { variant: 'loss', use: 'perda', scope: 'prose', allowIn: GLOSSARY },
];

export interface Violation {
  file: string;
  line: number;
  found: string;
  use: string;
}

/** Inline math as one marker (`§`), so a rule can see that a value follows a word. */
function markMath(source: string): string {
  return source.replace(/(?<!\$)\$(?!\$)[^$\n]+\$(?!\$)/g, (m) => '§' + blank(m.slice(1)));
}

/**
 * The words of one code block a reader reads: its comments (`//`, `#`) and string literals; the
 * rest (identifiers, operators) is blanked. Lines are kept.
 */
export function readableCode(code: string, lang: string): string {
  const comment = lang === 'python' || lang === 'py' ? '#' : '//';
  let out = '';
  // Open quotes, innermost last; a `${` inside a template literal opens code again (marked '}').
  const stack: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i] ?? '';
    const inside = stack.at(-1);
    if (c === '\n') {
      out += c;
      if (inside === "'" || inside === '"') stack.pop(); // an unclosed quote ends with its line
      continue;
    }
    if (inside !== undefined && inside !== '}') {
      if (inside === '`' && code.startsWith('${', i)) {
        stack.push('}');
        out += '  ';
        i++;
      } else if (c === '\\' && i + 1 < code.length && code[i + 1] !== '\n') {
        out += c + (code[i + 1] ?? '');
        i++;
      } else {
        out += c;
        if (c === inside) stack.pop();
      }
      continue;
    }
    if (code.startsWith(comment, i)) {
      const end = code.indexOf('\n', i);
      const rest = end === -1 ? code.slice(i) : code.slice(i, end);
      out += rest;
      i += rest.length - 1;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') stack.push(c);
    else if (inside === '}' && c === '}') stack.pop();
    else if (inside === '}' && c === '{') stack.push('}');
    out += c === "'" || c === '"' || c === '`' ? c : ' ';
  }
  return out;
}

/** What a reader reads in a lesson, line for line: prose (math as `§`), code comments and strings. */
export function readerText(source: string): string {
  const lines = stripToProse(markMath(source)).split('\n');
  for (const block of codeBlocks(source)) {
    readableCode(block.code, block.lang)
      .split('\n')
      .forEach((line, offset) => {
        const index = block.line + offset; // block.line is the fence's 1-based line
        if (index < lines.length) lines[index] = line;
      });
  }
  return lines.join('\n');
}

function matcher(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(${source})(?![\\p{L}\\p{N}_])`, 'giu');
}

function excused(rule: TermRule, line: string, index: number): boolean {
  return (rule.except ?? []).some((source) => {
    const pattern = new RegExp(source, 'iuy');
    pattern.lastIndex = index;
    return pattern.test(line);
  });
}

function violationsIn(rule: TermRule, text: string, file: string): Violation[] {
  const violations: Violation[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(matcher(rule.variant))) {
      if (excused(rule, line, match.index)) continue;
      violations.push({ file, line: index + 1, found: match[0], use: rule.use });
    }
  });
  return violations;
}

/** Every forbidden variant in one file, with its line. */
export function findViolations(file: string, source: string): Violation[] {
  const prose = stripToProse(source);
  const reader = readerText(source);
  return TERM_RULES.flatMap((rule) => {
    if (rule.allowIn?.includes(file)) return [];
    const text = rule.scope === 'prose' ? prose : rule.scope === 'reader' ? reader : source;
    return violationsIn(rule, text, file);
  });
}

/**
 * Every forbidden variant in a UI string (plain text); `line` is always 1. Placeholder names are
 * code (`{loss}`), except that `passo {stride}` shows the stride sense.
 */
export function findStringViolations(key: string, value: string): Violation[] {
  const words = value.replace(/\{\w+\}/g, blank);
  return TERM_RULES.flatMap((rule) => violationsIn(rule, rule.scope === 'prose' ? words : value, key));
}

/** Readable report lines: `file:line  "found" → use "use"`. */
export function describeViolations(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${v.file}:${v.line}  "${v.found}" → use "${v.use}"`);
}
