// Labels of exercises (components/exercises, src/exercises): buttons, feedback, progress.
export const exercises = {
  'exercise.kicker': 'Exercício',
  'exercise.kind.codigo': 'código',
  'exercise.kind.previsao': 'previsão',
  'exercise.kind.calculo': 'cálculo à mão',
  'exercise.check': 'Verificar',
  'exercise.hint': 'Dica',
  'exercise.showSolution': 'Ver solução',
  'exercise.useSolution': 'Usar esta solução',
  'exercise.hint.label': 'Dica {n} de {total}',
  'exercise.hint.left': '{total} dicas disponíveis',
  'exercise.hint.leftOne': 'resta 1 dica',
  'exercise.hint.leftMany': 'restam {left} dicas',
  'exercise.hint.none': 'todas as dicas estão à vista',
  'exercise.solution.label': 'Solução',
  'exercise.solution.confirm':
    'Ver a solução antes de tentar? Tentar primeiro, mesmo errando, ensina mais. OK mostra a solução.',
  'exercise.solution.used':
    'A solução está no editor. Seu código anterior volta com Ctrl+Z (Cmd+Z no Mac). Clique em Verificar.',
  'exercise.prediction': 'Sua previsão',
  'exercise.answer': 'Sua resposta',
  'exercise.checking': 'Verificando…',
  'exercise.passed': 'Certo! Exercício resolvido.',
  'exercise.passedBefore': 'Você já resolveu este exercício.',
  'exercise.failed': 'Ainda não.',
  'exercise.run.error':
    'Seu código terminou com um erro (veja a saída da célula acima). Corrija-o e clique em Verificar de novo; o que você digitou continua no editor.',
  'exercise.run.stopped':
    'A execução foi interrompida (Parar) antes da verificação; seu código continua no editor. Se ele não terminava, procure um laço sem fim e clique em Verificar de novo.',
  'exercise.run.crashed':
    'O kernel parou durante a execução ({reason}); um novo kernel foi iniciado. Seu código continua no editor: clique em Verificar de novo.',
  'exercise.run.busy':
    'A célula do exercício ainda está rodando. Espere terminar ou clique em Parar.',
  'exercise.check.undeclared':
    'A verificação procura o nome {name}, que seu código não declarou. Esperado: uma declaração como const {name} = …; recebido: nenhuma.',
  'exercise.check.crashed':
    'A verificação não conseguiu terminar: {name}: {message}. Esperado: um valor que ela possa examinar; confira o que seu código produz.',
  'exercise.predict.empty': 'Escolha ou digite sua previsão antes de verificar.',
  'exercise.predict.right': 'Certo! Você previu {prediction}, e a célula mostrou {output}.',
  'exercise.predict.wrong':
    'Sua previsão foi {prediction}; a célula mostrou {output}. Esperado: o que a célula mostra; recebido: outra coisa. Veja por quê nas dicas.',
  'exercise.predict.wrongNoRun':
    'Sua previsão, {prediction}, não é o que a célula mostra. A célula não pôde rodar para comparar: veja a saída dela acima.',
  'exercise.calc.empty': 'Digite um número antes de verificar (por exemplo 0,7 ou 0.7).',
  'exercise.calc.notNumber':
    'Não entendi {received} como número. Esperado: um número, com vírgula ou ponto decimal (0,7 ou 0.7); recebido: {received}.',
  'exercise.calc.right': 'Certo! {received} é o valor esperado.',
  'exercise.calc.wrong':
    'Você respondeu {received}, que não é o valor esperado. Refaça o cálculo (as dicas ajudam).',
  'exercise.lesson.progress': 'Exercícios desta lição: {passed} de {total} resolvidos.',
  'exercise.lesson.reset': 'Recomeçar lição',
  'exercise.lesson.resetConfirm':
    'Recomeçar esta lição? Todas as suas edições nas células e o progresso dos exercícios desta lição serão apagados.',
  'exercise.lesson.resetFailed': 'Não foi possível apagar os dados salvos: {reason}.',
  'exercise.course.progress': 'Seu progresso no curso: {passed} de {total} exercícios resolvidos.',
  'exercise.sidebar.progress': '{passed} de {total} exercícios resolvidos',
} as const;
