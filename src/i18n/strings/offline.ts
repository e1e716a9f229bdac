// The offline controls: the download box at the foot of every page and the update offer.
export const offline = {
  'offline.title': 'Usar sem internet',
  'offline.intro':
    'Depois da primeira visita, as lições abrem sem conexão. Para treinar os laboratórios e usar o MNIST offline, baixe também os arquivos grandes.',
  'offline.download': 'Baixar o curso para usar offline',
  'offline.size': 'O curso inteiro ocupa {total}; {saved} já estão neste aparelho.',
  'offline.sizeUnknown': 'Calculando o tamanho do curso…',
  'offline.progress': 'Baixando: {done} de {total} ({percent} %).',
  'offline.progressLabel': 'Progresso do download do curso',
  'offline.done': 'Pronto: o curso inteiro ({total}) funciona sem internet neste aparelho.',
  'offline.waiting': 'Preparando o modo offline…',
  'offline.error': 'Não foi possível baixar {file}: {reason}. Verifique a conexão e tente de novo.',
  'offline.unsupported':
    'Este navegador não permite guardar o curso para uso offline (o modo anônimo costuma bloquear).',
  'offline.update': 'Nova versão disponível — recarregar',
} as const;
