import type { Feature, NewsdeskContext } from './feature';
import { createDigestsFeature } from '../digests/digests-feature';
import { createKnowledgeFeature } from '../knowledge/knowledge-feature';
import { createFeedsFeature } from '../feeds/feeds-feature';
import { createAnswersFeature } from '../answers/answers-feature';
import { createTimelineDevelopments } from '../developments/create-timeline-developments';
import { textReply } from '../reply/reply';

/**
 * Every feature of the bot, in the order their subcommands appear in help.
 * Each feature is one line here; its code lives in its own folder.
 */
export function createFeatures(context: NewsdeskContext): Feature[] {
  const knowledge = createKnowledgeFeature(context);
  // Developments are feed clusters plus the timeline's dated events (all a fresh install has).
  const timeline = createTimelineDevelopments(context, knowledge);
  const feeds = createFeedsFeature(context, { latestFallback: timeline });
  const digests = createDigestsFeature(context, { developments: [feeds.developments, timeline] });
  // A paused feed is told once to every channel following its story (the key makes it once).
  feeds.onFeedPaused(async (e) => void (await digests.notifyStoryChannels(e.storyId, textReply(e.message, { visibility: 'channel', title: 'A feed is paused' }), `feed-paused:${e.feedId}:${e.pausedAt}`)));
  return [
    knowledge,
    createAnswersFeature(context),
    feeds,
    digests,
  ];
}
