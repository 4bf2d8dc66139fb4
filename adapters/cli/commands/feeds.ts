import type { CliCommand } from '../cli-command';
import { storyFeeds } from './story-feeds';
import { renderPlainText } from '../../../src/reply/render-plain-text';
import { cliCaller, cliConversation } from '../cli-identity';

/**
 * `feeds [list | add <url> | remove <id> | resume <id>]`: the chat subcommand, run as the
 * local operator (an admin; feeds added here are trusted like story.json's).
 */
export const feedsCliCommand: CliCommand = {
  name: 'feeds',
  usage: '[list | add <url> | remove <id> | resume <id>]',
  summary: 'the story\'s feeds: status, last success, last error, item counts; add, remove, resume',
  async run(context) {
    const { io, options } = context;
    const found = await storyFeeds(context);
    if (!found) return 2;
    const { story, feeds } = found;
    const action = (options.args[0] ?? 'list').toLowerCase();
    if (action === 'list') await feeds.service.syncStoryFeeds();
    if (options.json && action === 'list') {
      const list = await feeds.service.listFeeds(story.definition.id);
      io.out(
        JSON.stringify({
          story: story.definition.id,
          feeds: list.map((f) => ({
            id: f.id,
            url: f.url,
            outlet: f.outlet ?? f.title,
            status: f.status,
            lastSuccess: f.last_success_at,
            lastError: f.last_error_message ? { kind: f.last_error_kind, message: f.last_error_message, at: f.last_attempt_at } : null,
            consecutiveFailures: f.consecutive_failures,
            nextPoll: f.next_poll_at,
            items: f.itemCount,
            relevant: f.relevantCount,
          })),
        }),
      );
      return 0;
    }
    const reply = await story.router.handle(`feeds ${options.args.join(' ')}`, cliCaller, cliConversation);
    (reply.isError ? io.err : io.out)(renderPlainText(reply));
    return reply.isError ? 1 : 0;
  },
};
