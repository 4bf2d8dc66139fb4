import type { CommandHandler } from '../../commands/command';
import type { StoryRuntime } from '../../app/story-runtime';
import type { Reply } from '../../reply/reply';
import { textReply } from '../../reply/reply';
import type { DigestsServices } from '../digests-feature';

/** `unsubscribe` (admins): no more daily digests in this channel. */
export function createUnsubscribeCommand(story: StoryRuntime, services: DigestsServices): CommandHandler {
  return {
    name: 'unsubscribe',
    usage: '',
    summary: "stop this channel's daily digest (admins)",
    adminOnly: () => true,
    async run(request): Promise<Reply> {
      const ended = await services.subscriptions.unsubscribe({ storyId: story.definition.id, ...request.conversation }, services.context.clock.now());
      if (!ended) return textReply(`This channel has no daily digest of ${story.definition.title}, so there is nothing to stop.`);
      return textReply(`This channel will no longer get the daily digest of ${story.definition.title}. Start again any time with /${story.definition.command} subscribe.`, {
        visibility: 'channel',
      });
    },
  };
}
