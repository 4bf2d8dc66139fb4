import type { CliCommand } from '../cli-command';
import type { KnowledgeFeature } from '../../../src/knowledge/knowledge-feature';
import { timelineJson } from '../../../src/knowledge/timeline-json';
import { renderPlainText } from '../../../src/reply/render-plain-text';
import { NewsdeskError } from '../../../src/errors';
import { cliCaller, cliConversation } from '../cli-identity';

export const timelineCliCommand: CliCommand = {
  name: 'timeline',
  usage: '[year | from-to] [page]',
  summary: "the story's dated events with their sources (--json: every event and citation)",
  async run({ io, options, newsdesk }) {
    const bot = await newsdesk();
    const story = bot.story(options.story);
    if (options.json) {
      if (options.args.length > 0) {
        io.err(`timeline --json prints every event; leave out "${options.args.join(' ')}", or drop --json to see one year, span or page.`);
        return 2;
      }
      const feature = bot.feature<KnowledgeFeature>('knowledge');
      if (!feature) throw new NewsdeskError('feature-missing', 'the knowledge feature is not enabled');
      io.out(JSON.stringify(timelineJson(story.definition.id, feature.knowledge(story)), null, 2));
      return 0;
    }
    const reply = await story.router.handle(`timeline ${options.args.join(' ')}`, cliCaller, cliConversation);
    io.out(renderPlainText(reply));
    return reply.isError ? 1 : 0;
  },
};
