import type { CommandHandler } from '../../commands/command';
import type { StoryRuntime } from '../../app/story-runtime';
import type { Reply } from '../../reply/reply';
import { textReply } from '../../reply/reply';
import { parseSubscribeArgs } from '../parse-subscribe-args';
import { nextDueAt } from '../due-digest';
import { localDate } from '../local-time';
import type { DigestsServices } from '../digests-feature';

/** `subscribe [HH:MM] [time zone]` (admins): a daily digest of the story in this channel. */
export function createSubscribeCommand(story: StoryRuntime, services: DigestsServices): CommandHandler {
  const command = story.definition.command;
  return {
    name: 'subscribe',
    usage: '[HH:MM] [time zone]',
    summary: 'a short daily digest of the story in this channel (admins)',
    adminOnly: () => true,
    async run(request): Promise<Reply> {
      const { config, clock } = services.context;
      const defaults = {
        time: config.digest.time ?? story.definition.digest.time,
        timezone: config.digest.timezone ?? story.definition.digest.timezone,
      };
      const choice = parseSubscribeArgs(request.args, defaults, command);
      const now = clock.now();
      const { subscription, started } = await services.subscriptions.subscribe(
        { storyId: story.definition.id, ...request.conversation },
        { ...choice, createdBy: request.caller.id },
        now,
      );
      const first = nextDueAt(subscription, now);
      const when = `every day at ${subscription.time} (${subscription.timezone})`;
      const firstDay = localDate(first, subscription.timezone);
      const text = started
        ? `This channel will get a short digest of ${story.definition.title} ${when}. The first one, on ${firstDay}, catches up on the story so far; after that, only what is new. Stop with /${command} unsubscribe.`
        : `Updated: this channel's digest of ${story.definition.title} now comes ${when}; the next one is on ${firstDay}.`;
      return textReply(text, { visibility: 'channel' });
    },
  };
}
