import type { CommandHandler } from '../commands/command';
import type { AskService } from './ask-service';
import { answerReply } from './answer-reply';

/** `/<story> ask <question>` (alias `q`); @mentions reach it too. */
export function createAskCommand(service: AskService): CommandHandler {
  return {
    name: 'ask',
    aliases: ['q'],
    usage: '<question>',
    summary: 'a short answer from the coverage, with sources (or an honest "I don\'t know")',
    async run(request) {
      const answer = await service.ask(request.text, request.caller.id);
      return answerReply(answer, service.story.definition);
    },
  };
}
