// Site-wide labels. Keys are dotted by area; values are pt-BR.
export const site = {
  'site.title': 'Anatomia',
  'site.tagline': 'A anatomia de uma rede neural, com TensorFlow.js de verdade',
} as const;
