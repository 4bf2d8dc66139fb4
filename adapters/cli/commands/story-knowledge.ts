import type { CliCommand } from '../cli-command';
import { renderPlainText } from '../../../src/reply/render-plain-text';
import { cliCaller, cliConversation } from '../cli-identity';

/** A CLI command that answers exactly as the chat subcommand of the same name does. */
function chatSubcommand(name: string, usage: string, summary: string): CliCommand {
  return {
    name,
    usage,
    summary,
    async run({ io, options, newsdesk }) {
      const bot = await newsdesk();
      const reply = await bot.story(options.story).router.handle(`${name} ${options.args.join(' ')}`, cliCaller, cliConversation);
      io.out(options.json ? JSON.stringify(reply, null, 2) : renderPlainText(reply));
      return reply.isError ? 1 : 0;
    },
  };
}

/** `who`, `quotes` and `claims` from the command line. */
export const storyKnowledgeCliCommands: CliCommand[] = [
  chatSubcommand('who', '<name>', 'who someone is in the story: role, events, quotes'),
  chatSubcommand('quotes', '[name] [page]', 'what people in the story said, with outlets'),
  chatSubcommand('claims', '[topic] [page]', 'figures the sources give, side by side'),
];
