import type { CommandHandler, CommandRequest } from '../../commands/command';
import type { StoryRuntime } from '../../app/story-runtime';
import type { Reply, ReplyItem } from '../../reply/reply';
import { textReply } from '../../reply/reply';
import type { OutboxEntry } from '../digest-outbox';
import type { DigestsServices } from '../digests-feature';

const HISTORY_LENGTH = 10;

/**
 * `digest`: this channel's next digest as it stands now (the story so far for a channel
 * without one), shown only to whoever asked (the channel gets the scheduled one); it changes
 * neither the schedule nor what counts as delivered. `digest history`: the channel's recent digests.
 */
export function createDigestCommand(story: StoryRuntime, services: DigestsServices): CommandHandler {
  return {
    name: 'digest',
    usage: '[history]',
    summary: "this channel's digest of what is new (history: the recent ones)",
    async run(request): Promise<Reply> {
      if (request.args[0]?.toLowerCase() === 'history') return history(story, services, request);
      return preview(story, services, request);
    },
  };
}

async function preview(story: StoryRuntime, services: DigestsServices, request: CommandRequest): Promise<Reply> {
  const { composer, subscriptions, context } = services;
  if (!composer.hasSources()) {
    return textReply(`Digests need the story's feeds, and none are set up here yet. See /${story.definition.command} sources for what the story rests on.`);
  }
  const now = context.clock.now();
  const subscription = await subscriptions.find({ storyId: story.definition.id, ...request.conversation });
  if (subscription && subscription.status !== 'ended') {
    const planned = await composer.forSubscription(subscription, now);
    const reply = planned.reply ?? textReply(`Nothing new in ${story.definition.title} since this channel's last digest.`);
    return { ...reply, visibility: 'private' };
  }
  // A channel without a daily digest gets what its catch-up would be: the story so far.
  const composed = await composer.storySoFar(story.definition.id, now);
  const reply = composed?.reply ?? textReply(`Nothing in ${story.definition.title} yet: no feed reports and no dated events.`);
  return {
    ...reply,
    visibility: 'private',
    footer: `This channel has no daily digest. An admin can start one with /${story.definition.command} subscribe.`,
  };
}

async function history(story: StoryRuntime, services: DigestsServices, request: CommandRequest): Promise<Reply> {
  const subscription = await services.subscriptions.find({ storyId: story.definition.id, ...request.conversation });
  if (!subscription) {
    return textReply(`This channel has never had a digest of ${story.definition.title}. An admin can start one with /${story.definition.command} subscribe.`);
  }
  const entries = await services.outbox.history(subscription.id, HISTORY_LENGTH);
  if (entries.length === 0) {
    if (subscription.status === 'ended') {
      return textReply(`No digests were sent here before this channel unsubscribed. An admin can start again with /${story.definition.command} subscribe.`);
    }
    if (subscription.status === 'paused') {
      return textReply(`No digests yet, and the daily digest is paused${subscription.pausedReason ? `: ${subscription.pausedReason}` : ''}. An admin can resume it with /${story.definition.command} subscribe.`);
    }
    return textReply(`No digests yet: the first one comes at ${subscription.time} (${subscription.timezone}).`);
  }
  return {
    title: `${story.definition.title}: recent digests in this channel`,
    visibility: 'private',
    blocks: [{ kind: 'list', items: entries.map(historyItem) }],
  };
}

function historyItem(entry: OutboxEntry): ReplyItem {
  const count = entry.developmentIds.length;
  const developments = `${count} development${count === 1 ? '' : 's'}`;
  const what = entry.kind === 'catch-up' ? `catch-up, ${developments}` : entry.kind === 'note' ? 'nothing new (note sent)' : developments;
  let text: string;
  switch (entry.status) {
    case 'delivered':
      text = `delivered at ${entry.deliveredAt?.slice(11, 16) ?? '?'} UTC: ${what}`;
      break;
    case 'pending':
      text = entry.attempts > 0 ? `not delivered yet (${entry.attempts} failed attempt${entry.attempts === 1 ? '' : 's'}: ${entry.lastError ?? 'unknown error'}); retrying` : `being delivered: ${what}`;
      break;
    case 'failed':
      text = `failed: ${entry.lastError ?? 'unknown error'}`;
      break;
    case 'skipped':
      text = `skipped (${entry.lastError ?? 'missed'})`;
      break;
    case 'empty':
      text = 'nothing new, nothing sent';
      break;
  }
  return { label: entry.period, text };
}
