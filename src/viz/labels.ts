// Every pt-BR word the charts show or announce, in one table shaped like src/i18n/strings/*.ts
// (dotted 'viz.' keys, {placeholders}) so it can move there unchanged. Renderers read it through
// createLabels(), which also takes per-call overrides (e.g. strings from the i18n table's t()).

export const viz = {
  'viz.batch': 'amostras',
  'viz.value': 'valor',
  'viz.sign.legend': '← negativo · {label} · positivo →',
  'viz.colour.RdBu.negative': 'vermelho',
  'viz.colour.RdBu.positive': 'azul',
  'viz.colour.PuOr.negative': 'laranja',
  'viz.colour.PuOr.positive': 'roxo',
  'viz.colour.BrBG.negative': 'marrom',
  'viz.colour.BrBG.positive': 'verde-azulado',
  'viz.colour.description':
    'Cores divergentes centradas em zero: {negative} é negativo, {positive} é positivo e tons claros ficam perto de zero; a escala vai de {min} a {max}.',

  'viz.axis.input': 'entrada',
  'viz.axis.unit': 'unidade',
  'viz.axis.timestep': 'passo de tempo',
  'viz.axis.step': 'iteração',
  'viz.axis.loss': 'perda',
  'viz.axis.accuracy': 'acurácia',
  'viz.axis.probability': 'probabilidade',
  'viz.axis.digit': 'dígito',

  'viz.weights.value': 'peso',
  'viz.weights.ariaLabel': 'Mapa de calor dos pesos {name} com formato {shape}',
  'viz.weights.range': 'Menor peso {lo}, maior peso {hi}.',
  'viz.weights.dense':
    'Kernel com {rows} entradas (linhas) e {cols} unidades (colunas); cada célula é um peso.',
  'viz.weights.bias': 'Vetor de viés com {cols} valores, um por unidade.',
  'viz.weights.vector': 'Vetor com {cols} valores.',
  'viz.weights.conv2d': '{count} filtros de {kh}×{kw} pixels, mostrando {channel}.',
  'viz.weights.conv1d':
    '{count} filtros de largura {k} (colunas) sobre {channels} canais de entrada (linhas).',
  'viz.weights.channel.one': 'o canal de entrada {channel} de {channels}',
  'viz.weights.channel.mean': 'a média dos {channels} canais de entrada',
  'viz.weights.lstm':
    'Matriz de {rows} linhas por {cols} colunas em quatro blocos de {units} unidades: i (porta de entrada), f (porta de esquecimento), c (candidato ao estado da célula) e o (porta de saída).',
  'viz.weights.filter': 'filtro {index}',
  'viz.lstm.block.i': 'i · entrada',
  'viz.lstm.block.f': 'f · esquecimento',
  'viz.lstm.block.c': 'c · célula',
  'viz.lstm.block.o': 'o · saída',

  'viz.gate.i': 'porta de entrada',
  'viz.gate.f': 'porta de esquecimento',
  'viz.gate.o': 'porta de saída',
  'viz.gate.c': 'estado da célula',
  'viz.gate.h': 'estado oculto',
  'viz.gates.ariaLabel': 'Portas e estados da LSTM a cada passo de tempo',
  'viz.gates.ariaDescription':
    'Mapas de calor empilhados, um por linha: {panels}. Eixo horizontal: os {steps} passos de tempo; eixo vertical: as {units} unidades. As portas vão de 0 (fechada) a 1 (aberta); os estados usam cores divergentes centradas em zero.',
  'viz.gates.panelLabel': '{gate}: {steps} passos de tempo por {units} unidades',
  'viz.gates.legend': 'abertura da porta (0 = fechada, 1 = aberta)',

  'viz.image.channel': 'canal {index}',
  'viz.image.item': 'imagem {index}',
  'viz.images.ariaLabel': 'Grade de {count} imagens de {h}×{w} pixels',
  'viz.images.ariaDescription':
    'Imagens em tons de cinza: quanto mais escuro, maior o valor. {normalization}',
  'viz.images.normalization.each': 'Cada imagem tem sua própria escala.',
  'viz.images.normalization.shared': 'Todas as imagens usam a mesma escala, de {min} a {max}.',
  'viz.featureMaps.ariaLabel': 'Mapas de características com formato {shape}',
  'viz.featureMaps.ariaDescription':
    '{count} canais de {h}×{w} pixels em tons de cinza: quanto mais escuro, maior a ativação. {normalization}',
  'viz.digit.ariaLabel': 'Imagem de um dígito, {h}×{w} pixels',
  'viz.digit.ariaDescription': 'Tons de cinza: traço escuro sobre fundo claro.',

  'viz.series.treino': 'treino',
  'viz.series.teste': 'validação',
  'viz.curve.ariaLabel': 'Curvas de {metric} por iteração de treino',
  'viz.curve.ariaDescription': '{series}. Eixo horizontal: iteração; eixo vertical: {metric}.',
  'viz.curve.last': 'Último valor de {series}: {value} na iteração {step}',
  'viz.curve.empty': 'Ainda não há pontos',

  'viz.class.name': 'classe {index}',
  'viz.boundary.x': 'x₁',
  'viz.boundary.y': 'x₂',
  'viz.boundary.ariaLabel': 'Fronteira de decisão do classificador',
  'viz.boundary.ariaDescription':
    'O fundo mostra a classe prevista em cada região do plano, mais forte onde o modelo tem mais certeza. {count} pontos de dados coloridos pela classe real: {classes}.',

  'viz.landscape.ariaLabel':
    'Curvas de nível da função de perda de dois parâmetros com o caminho do otimizador',
  'viz.landscape.ariaDescription':
    'A perda em função de w1 e w2 vai de {min} a {max}; cores mais escuras indicam perda menor. O caminho tem {count} pontos e termina em w1 = {w1}, w2 = {w2}.',
  'viz.landscape.current': 'atual',
  'viz.landscape.loss': 'perda',

  'viz.sequence.ariaLabel': 'Previsão e alvo ao longo do tempo',
  'viz.sequence.ariaDescription':
    '{count} passos de tempo. {series}. Erro quadrático médio: {mse}.',
  'viz.sequence.target': 'alvo',
  'viz.sequence.prediction': 'previsão',
  'viz.sequence.input': 'entrada',

  'viz.bars.ariaLabel': 'Probabilidades previstas para os dígitos de 0 a 9',
  'viz.bars.ariaDescription': 'Dígito mais provável: {digit}, com {percent}. {list}.',

  'viz.table.caption': 'Tensor com formato {shape} e tipo {dtype}',
  'viz.table.truncated': 'mostrando {shown} de {total} valores',
  'viz.table.slice': 'fatia {index}',
} as const;

export type VizLabelKey = keyof typeof viz;

/** Per-call replacements, e.g. strings taken from the i18n table with t(key). */
export type VizLabels = Partial<Record<VizLabelKey, string>>;

export type LabelParams = Record<string, string | number>;

export type Labeler = (key: VizLabelKey, params?: LabelParams) => string;

/** A lookup that prefers `overrides`, then the defaults, and fills {placeholders} from params. */
export function createLabels(overrides: VizLabels = {}): Labeler {
  return (key, params) => {
    const template = overrides[key] ?? viz[key];
    if (params === undefined) return template;
    return (
      template
        .replace(/\{(\w+)\}/g, (whole, name: string) => {
          const value = params[name];
          return value === undefined ? whole : String(value);
        })
        // An empty parameter (e.g. no weight name) must not leave a double space.
        .replace(/ {2,}/g, ' ')
        .trim()
    );
  };
}
