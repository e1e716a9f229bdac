import { stripToProse } from './mdx';

export interface TermRule {
  /** Matched case-insensitively, on word boundaries. */
  variant: string;
  use: string;
  /**
   * `text`: the whole file (prose, frontmatter, code comments) — for pt-BR variants.
   * `prose`: running text only — for English words that are fine as code identifiers.
   */
  scope: 'text' | 'prose';
  /** Files where the variant is legitimate (the glossary's English column). */
  allowIn?: readonly string[];
}

const GLOSSARY = ['09-glossario.mdx'] as const;

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

/** Every forbidden variant in one file, with its line. */
export function findViolations(file: string, source: string): Violation[] {
  const prose = stripToProse(source);
  const violations: Violation[] = [];
  for (const rule of TERM_RULES) {
    if (rule.allowIn?.includes(file)) continue;
    const text = rule.scope === 'prose' ? prose : source;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(${rule.variant})(?![\\p{L}\\p{N}_])`, 'giu');
    text.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(pattern)) {
        violations.push({ file, line: index + 1, found: match[0], use: rule.use });
      }
    });
  }
  return violations;
}

/** Readable report lines: `file:line  "found" → use "use"`. */
export function describeViolations(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${v.file}:${v.line}  "${v.found}" → use "${v.use}"`);
}

