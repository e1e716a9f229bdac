// How the core's typed errors (src/core/errors.ts) read to a learner. Placeholders: {name}.
export const errors = {
  'error.shapeMismatch':
    'A camada {layer} esperava uma entrada de formato {expected}, mas recebeu {received}.',
  'error.divergence':
    'O treino divergiu: a perda virou {loss} na iteração {step}. Tente uma taxa de aprendizado menor.',
  'error.invalidConfig': 'Configuração inválida em {field}: {reason} (recebido: {received}).',
  'error.backendUnavailable': 'O backend {backend} não pôde ser iniciado: {reason}.',
} as const;
