// Labels of the notebook: code cells, their outputs and errors, the kernel bar. Placeholders: {name}.
export const notebook = {
  'notebook.run': 'Executar',
  'notebook.stop': 'Parar',
  'notebook.restore': 'Restaurar original',
  'notebook.edited': 'editado',
  'notebook.runAll': 'Executar tudo',
  'notebook.scratch.add': 'Nova célula',
  'notebook.scratch.remove': 'Remover célula',
  'notebook.scratch.removed': 'Você removeu uma célula sua.',
  'notebook.scratch.undo': 'Desfazer',
  'notebook.scratch.label': 'Sua célula {n}',
  'notebook.scratch.toolbar': 'Ações da sua célula {n}',
  'notebook.scratch.editor':
    'Código da sua célula {n}, em TypeScript. Shift+Enter executa e vai para a próxima célula; Ctrl+Enter (Cmd+Enter no Mac) executa sem sair dela.',
  'notebook.scratch.output': 'Saída da sua célula {n}',
  'notebook.scratch.readFailed':
    'Não foi possível ler as suas células salvas desta lição ({reason}).',
  'notebook.restartKernel': 'Reiniciar kernel',
  'notebook.toolbar': 'Ações da célula {n}',
  'notebook.cell.label': 'Célula de código {n}',
  'notebook.editor.label':
    'Código da célula {n}, em TypeScript. Shift+Enter executa e vai para a próxima célula; Ctrl+Enter (Cmd+Enter no Mac) executa sem sair dela.',
  'notebook.output.label': 'Saída da célula {n}',
  'notebook.bar.label': 'Caderno desta página',

  'notebook.kernel.status': 'Kernel: {state}',
  'notebook.kernel.off': 'não iniciado (inicia na primeira execução)',
  'notebook.kernel.starting': 'iniciando…',
  'notebook.kernel.idle': 'livre · backend {backend}',
  'notebook.kernel.busy': 'ocupado · backend {backend}',
  'notebook.kernel.restarting': 'reiniciando…',
  'notebook.kernel.failed': 'não pôde iniciar: {reason}',
  'notebook.kernel.lost':
    'O kernel parou ({reason}). Um novo kernel foi iniciado e todas as variáveis se perderam: rode de novo as células de que você precisa, de cima para baixo.',
  'notebook.kernel.loss.closed': 'a célula chamou close()',
  'notebook.kernel.loss.crashed': 'o worker do kernel falhou',
  'notebook.kernel.loss.unresponsive': 'o worker deixou de responder, talvez por falta de memória',
  'notebook.kernel.loss.message': 'uma mensagem do kernel não pôde ser lida',
  'notebook.kernel.loss.unknown': 'motivo desconhecido',
  'notebook.kernel.restarted':
    'O kernel foi reiniciado e todas as variáveis se perderam. Execute de novo as células de que você precisa, de cima para baixo.',

  'notebook.cell.queued': 'na fila',
  'notebook.cell.running': 'executando…',
  'notebook.cell.ok': 'executada em {ms} ms',
  'notebook.cell.error': 'terminou com erro',
  'notebook.cell.stopping': 'parando…',
  'notebook.cell.stale': 'Esta saída é de antes do reinício do kernel.',

  'notebook.output.showAll': 'Mostrar tudo ({lines} linhas)',
  'notebook.output.showLess': 'Mostrar menos',
  'notebook.output.consoleText': 'Texto impresso pela célula',
  'notebook.output.valueText': 'Valor da célula',
  'notebook.output.omitted':
    '… {lines} linhas omitidas: cada execução mostra no máximo cerca de 200 mil caracteres.',
  'notebook.output.tensor': 'Tensor · posto {rank} · formato {shape} · {dtype} · {values}',
  'notebook.output.tensorValues': 'Valores do tensor',
  'notebook.output.values.one': '1 valor',
  'notebook.output.values': '{size} valores',
  'notebook.output.summary': 'Modelo “{name}”',
  'notebook.output.summary.layer': 'Camada (tipo)',
  'notebook.output.summary.shape': 'Formato da saída',
  'notebook.output.summary.params': 'Parâmetros',
  'notebook.output.summary.total': 'Total de parâmetros: {total} (treináveis: {trainable})',
  'notebook.output.summary.unbuilt': 'ainda não construída',
  'notebook.output.image': 'Imagem de {width}×{height} pixels',
  'notebook.output.chart': 'Gráfico: {y} por {x}',
  'notebook.output.chartFailed': 'Não foi possível desenhar o gráfico: {reason}',
  'notebook.training.title': 'Treino ao vivo',
  'notebook.training.waiting': 'aguardando a primeira iteração…',
  'notebook.training.status': 'iteração {step} · época {epoch} · perda {loss}',
  'notebook.training.done': 'treino concluído',
  'notebook.training.stopped': 'treino interrompido',
  'notebook.training.error': 'treino terminou com erro',
  'notebook.training.weights': 'Pesos',

  'notebook.store.conflict':
    'O código original desta célula mudou desde que você a editou. Abaixo está a nova versão da lição; a sua versão continua salva. Qual você quer usar?',
  'notebook.store.keepMine': 'Usar a minha versão',
  'notebook.store.useNew': 'Usar a nova versão da lição',
  'notebook.store.mine': 'Sua versão salva',
  'notebook.store.saveFailed':
    'Não foi possível salvar sua edição neste navegador ({reason}). Ela vale só até fechar a página: copie o código se quiser guardá-lo.',
  'notebook.store.readFailed':
    'Não foi possível ler as edições salvas neste navegador ({reason}); a célula mostra o código da lição.',

  'notebook.error.position': 'linha {line}, coluna {column}',
  'notebook.error.original': 'Mensagem original: {message}',
  'notebook.error.excerpt': 'Trecho do código onde está o erro',
  'notebook.error.syntax': 'Erro de sintaxe',
  'notebook.error.syntax.hint':
    'O código não pôde ser lido. Confira parênteses, chaves, vírgulas e aspas perto da posição indicada.',
  'notebook.error.module': 'import e export não são usados nas células',
  'notebook.error.module.hint':
    'As células não importam módulos: tf (TensorFlow.js) e anatomia (o núcleo do curso) já estão disponíveis.',
  'notebook.error.reference': 'Nome não definido',
  'notebook.error.reference.hint':
    '“{name}” não existe neste ponto. Confira a grafia, ou execute antes a célula que o declara.',
  'notebook.error.type': 'Erro de tipo',
  'notebook.error.type.hint':
    'Um valor não é do tipo que a operação espera: por exemplo, chamar algo que não é função ou ler uma propriedade de undefined.',
  'notebook.error.const-assign': 'Atribuição a uma constante: {name}',
  'notebook.error.const-assign.unnamed': 'Atribuição a uma constante',
  'notebook.error.const-assign.hint':
    'Uma variável declarada com const não pode receber outro valor, nem em outra célula. Se ela precisa mudar, declare-a com let na célula que a cria; ou guarde o novo valor com outro nome.',
  'notebook.error.range': 'Valor fora do intervalo permitido',
  'notebook.error.range.hint': 'Um número ou tamanho está fora do que a operação aceita.',
  'notebook.error.stack-overflow': 'Estouro da pilha de chamadas',
  'notebook.error.stack-overflow.hint':
    'Uma função chamou a si mesma vezes demais. Falta um caso base na recursão?',
  'notebook.error.memory': 'Memória insuficiente',
  'notebook.error.memory.hint':
    'A operação pediu mais memória do que o navegador pode dar. Use tensores menores.',
  'notebook.error.shape': 'Formatos incompatíveis',
  'notebook.error.shape.hint':
    'Os formatos (shapes) dos tensores não se encaixam nesta operação. Confira o formato de cada entrada.',
  'notebook.error.config': 'Configuração inválida',
  'notebook.error.config.hint': 'Uma opção de camada, modelo ou treino não é válida.',
  'notebook.error.browser-global': 'Recurso da página indisponível nas células',
  'notebook.error.browser-global.hint':
    '“{name}” não existe aqui: as células rodam num Web Worker, separado da página, sem document, window nem localStorage. Para mostrar algo, use display(…) ou deixe o valor na última linha.',
  'notebook.error.rejection': 'Erro assíncrono não tratado',
  'notebook.error.rejection.hint':
    'Uma promessa foi rejeitada, ou uma função agendada lançou um erro, sem que nada a esperasse com await.',
  'notebook.error.core': 'Erro no núcleo de treino',
  'notebook.error.core.hint': '',
  'notebook.error.stopped': 'Execução interrompida',
  'notebook.error.stopped.hint':
    'Você parou esta célula. O kernel foi reiniciado e as variáveis se perderam: execute de novo as células de que esta depende.',
  'notebook.error.kernel-crash': 'O kernel parou ({reason})',
  'notebook.error.kernel-crash.hint':
    'Um novo kernel foi iniciado e as variáveis se perderam: rode de novo as células de que esta depende. O seu código continua aqui.',
  'notebook.error.kernel-start': 'O kernel não pôde iniciar',
  'notebook.error.kernel-start.hint':
    'Recarregue a página. Se o erro continuar, este navegador talvez não rode Web Workers ou WebAssembly.',
  'notebook.error.other': 'Erro',
  'notebook.error.other.hint': '',
} as const;
