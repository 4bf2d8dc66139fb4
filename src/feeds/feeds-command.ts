import type { CommandHandler, CommandRequest } from '../commands/command';
import type { StoryRuntime } from '../app/story-runtime';
import type { Reply, ReplyItem } from '../reply/reply';
import { UserFacingError } from '../errors';
import { FeedError } from './feed-error';
import type { FeedService, PollOutcome } from './feed-service';
import type { FeedListing } from './feed-store';

const CHANGING = new Set(['add', 'remove', 'resume']);

/** `feeds list | add <url> | remove <id> | resume <id>`; the changing ones are for admins. */
export function createFeedsCommand(story: StoryRuntime, service: FeedService): CommandHandler {
  const storyId = story.definition.id;
  const usage = `/${story.definition.command} feeds [list | add <url> | remove <id> | resume <id>]`;
  return {
    name: 'feeds',
    usage: '[list | add <url> | remove <id> | resume <id>]',
    summary: 'the RSS/Atom feeds this story follows and how they are doing',
    adminOnly: (request: CommandRequest) => CHANGING.has((request.args[0] ?? '').toLowerCase()),
    async run(request): Promise<Reply> {
      const action = (request.args[0] ?? 'list').toLowerCase();
      const arg = request.args[1];
      if (action === 'list') return listReply(story, await service.listFeeds(storyId));
      if (!CHANGING.has(action)) throw new UserFacingError(`I do not know "feeds ${action}". Use ${usage}.`);
      if (!arg) throw new UserFacingError(`"feeds ${action}" needs ${action === 'add' ? 'a feed URL' : 'a feed id (see "feeds list")'}, e.g. ${usage}.`);
      try {
        if (action === 'add') {
          const { feed, outcome, existed } = await service.addFeed(storyId, arg, request.conversation.platform === 'cli' ? 'cli' : 'chat', request.caller.id);
          const name = feed.outlet ?? feed.title ?? feed.url;
          const head = existed ? `${name} was already followed (id ${feed.id}).` : `Now following ${name} (id ${feed.id}).`;
          return { visibility: 'private', blocks: [{ kind: 'text', text: `${head} ${describeOutcome(outcome)}` }] };
        }
        if (action === 'remove') {
          const feed = await service.removeFeed(storyId, arg);
          return { visibility: 'private', blocks: [{ kind: 'text', text: `Stopped following ${feed.outlet ?? feed.title ?? feed.url} (id ${feed.id}). Its items already stored stay in the story.` }] };
        }
        const outcome = await service.resumeFeed(storyId, arg);
        return { visibility: 'private', blocks: [{ kind: 'text', text: `Resumed feed ${outcome.feedId}. ${describeOutcome(outcome)}` }] };
      } catch (error) {
        if (error instanceof FeedError) throw new UserFacingError(`I could not ${action} that feed: ${error.message.replace(/[.!?]?$/, '.')}`, 'feed-refused', { cause: error });
        throw error;
      }
    },
  };
}

function describeOutcome(outcome: PollOutcome): string {
  if (outcome.status === 'error') return `Reading it failed just now (${outcome.error?.message}); I will keep trying with growing pauses.`;
  if (outcome.status === 'not-modified') return 'Nothing new in it since the last check.';
  return `Read ${outcome.items} item${outcome.items === 1 ? '' : 's'}: ${outcome.new} new, ${outcome.relevant} about this story.`;
}

function listReply(story: StoryRuntime, feeds: FeedListing[]): Reply {
  const command = `/${story.definition.command}`;
  if (feeds.length === 0) {
    return { visibility: 'private', title: `${story.definition.title}: feeds`, blocks: [{ kind: 'text', text: `This story follows no feeds yet. An admin can add one with ${command} feeds add <url>.` }] };
  }
  const items: ReplyItem[] = feeds.map((f) => {
    const name = f.outlet ?? f.title ?? new URL(f.url).host;
    const parts = [
      `${name} [${f.id}]`,
      f.last_success_at ? `last success ${shortTime(f.last_success_at)}` : 'no successful read yet',
      `${f.itemCount} item${f.itemCount === 1 ? '' : 's'} (${f.relevantCount} about the story)`,
    ];
    if (f.last_error_message) parts.push(`last error: ${f.last_error_message}${f.consecutive_failures > 1 ? ` (${f.consecutive_failures} failures in a row)` : ''}`);
    if (f.status === 'active' && f.consecutive_failures > 0 && f.next_poll_at) parts.push(`next try ${shortTime(f.next_poll_at)}`);
    if (f.status === 'paused') parts.push(`resume with ${command} feeds resume ${f.id}`);
    return { label: statusLabel(f), text: `${parts.join('; ')} - ${f.url}` };
  });
  return { visibility: 'private', title: `${story.definition.title}: ${feeds.length} feed${feeds.length === 1 ? '' : 's'}`, blocks: [{ kind: 'list', items }] };
}

function statusLabel(f: FeedListing): string {
  if (f.status === 'paused') return 'paused';
  if (f.consecutive_failures > 0) return 'failing';
  if (f.last_success_at) return 'ok';
  return 'waiting';
}

function shortTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
