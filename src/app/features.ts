import type { Feature, NewsdeskContext } from './feature';
import { createDigestsFeature } from '../digests/digests-feature';
import { createKnowledgeFeature } from '../knowledge/knowledge-feature';
import { createFeedsFeature } from '../feeds/feeds-feature';
import { createAnswersFeature } from '../answers/answers-feature';
import { textReply } from '../reply/reply';

/**
 * Every feature of the bot, in the order their subcommands appear in help.
 * Each feature is one line here; its code lives in its own folder.
 */
export function createFeatures(context: NewsdeskContext): Feature[] {
  const feeds = createFeedsFeature(context);
  const digests = createDigestsFeature(context, { developments: [feeds.developments] });
  // A paused feed is told once to every channel following its story (the key makes it once).
  feeds.onFeedPaused(async (e) => void (await digests.notifyStoryChannels(e.storyId, textReply(e.message, { visibility: 'channel', title: 'A feed is paused' }), `feed-paused:${e.feedId}:${e.pausedAt}`)));
  return [
    createKnowledgeFeature(context),
    createAnswersFeature(context),
    feeds,
    digests,
  ];
}
