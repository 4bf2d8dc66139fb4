import type { CliCommand } from '../cli-command';
import { listSources } from '../../../src/commands/handlers/sources-command';
import { renderPlainText } from '../../../src/reply/render-plain-text';
import { cliCaller, cliConversation } from '../cli-identity';

export const sourcesCliCommand: CliCommand = {
  name: 'sources',
  usage: '',
  summary: 'the articles the story is built from',
  async run({ io, options, newsdesk }) {
    const bot = await newsdesk();
    const story = bot.story(options.story);
    if (options.json) {
      io.out(JSON.stringify({ story: story.definition.id, articles: listSources(story.corpus.articles()) }, null, 2));
      return 0;
    }
    const reply = await story.router.handle(`sources ${options.args.join(' ')}`, cliCaller, cliConversation);
    io.out(renderPlainText(reply));
    return reply.isError ? 1 : 0;
  },
};
