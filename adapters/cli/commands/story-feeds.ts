import type { StoryRuntime } from '../../../src/app/story-runtime';
import type { FeedsFeature } from '../../../src/feeds/feeds-feature';
import type { CliContext } from '../cli-command';

/** The chosen story and the feeds feature, or an error printed and undefined. */
export async function storyFeeds({ io, options, newsdesk }: CliContext): Promise<{ story: StoryRuntime; feeds: FeedsFeature } | undefined> {
  const bot = await newsdesk();
  const story = bot.story(options.story);
  const feeds = bot.feature<FeedsFeature>('feeds');
  if (!feeds) {
    io.err('Feeds are not enabled in this build.');
    return undefined;
  }
  return { story, feeds };
}
