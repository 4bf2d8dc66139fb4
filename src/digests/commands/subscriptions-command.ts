import type { CommandHandler } from '../../commands/command';
import type { StoryRuntime } from '../../app/story-runtime';
import type { Reply } from '../../reply/reply';
import { textReply } from '../../reply/reply';
import type { DigestsServices } from '../digests-feature';

/** `subscriptions`: the channels of this workspace that get the story's digest, and their state. */
export function createSubscriptionsCommand(story: StoryRuntime, services: DigestsServices): CommandHandler {
  const command = story.definition.command;
  return {
    name: 'subscriptions',
    usage: '',
    summary: 'which channels here get the daily digest, when, and whether it is paused',
    async run(request): Promise<Reply> {
      const { platform, workspaceId, channelId } = request.conversation;
      const list = await services.subscriptions.listForWorkspace(story.definition.id, platform, workspaceId);
      if (list.length === 0) return textReply(`No channel here gets the daily digest of ${story.definition.title}. An admin can start one with /${command} subscribe.`);
      return {
        title: `${story.definition.title}: daily digests here`,
        visibility: 'private',
        blocks: [
          {
            kind: 'list',
            items: list.map((s) => ({
              label: s.channelId === channelId ? `${s.channelId} (this channel)` : s.channelId,
              text:
                s.status === 'paused'
                  ? `${s.time} ${s.timezone}, paused: ${s.pausedReason ?? 'no reason recorded'}. An admin resumes it with /${command} subscribe in that channel.`
                  : `${s.time} ${s.timezone}, active`,
            })),
          },
        ],
      };
    },
  };
}
