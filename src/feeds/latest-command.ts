import type { CommandHandler } from '../commands/command';
import type { StoryRuntime } from '../app/story-runtime';
import type { Clock } from '../clock';
import type { Development, DevelopmentSource } from '../developments/development';
import type { Reply } from '../reply/reply';
import { UserFacingError } from '../errors';
import { developmentItem } from '../digests/compose-digest';

const DEFAULT_COUNT = 5;
const MAX_COUNT = 20;

/**
 * `latest [n]`: the newest developments from the feeds, each once with all its outlets. When
 * the feeds have none yet (a fresh install, offline), the newest dated events of the story's
 * timeline from `fallback`, saying so.
 */
/** Where `latest` reads feed developments: the newest few, and how many there are in all. */
export interface NewestDevelopments {
  newestDevelopments(storyId: string, until: Date, limit: number): Promise<{ developments: Development[]; total: number }>;
}

export function createLatestCommand(story: StoryRuntime, developments: NewestDevelopments, clock: Clock, fallback?: DevelopmentSource): CommandHandler {
  return {
    name: 'latest',
    usage: '[n]',
    summary: 'the newest developments from the feeds, with the outlets reporting each',
    async run(request): Promise<Reply> {
      const raw = request.args[0];
      const n = raw === undefined ? DEFAULT_COUNT : Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) throw new UserFacingError(`"latest" takes a number from 1 to ${MAX_COUNT}, e.g. /${story.definition.command} latest 5.`);
      const now = clock.now();
      // Only the n shown are read from the store, with the count of the rest.
      const { developments: shown, total } = await developments.newestDevelopments(story.definition.id, now, n);
      if (total === 0 && fallback) {
        const events = await fallback.listDevelopments(story.definition.id, { until: now });
        if (events.length > 0) return latestEvents(story, events, n);
      }
      if (total === 0) {
        return {
          visibility: 'channel',
          title: `${story.definition.title}: latest`,
          blocks: [{ kind: 'text', text: 'No new reports from the feeds yet. See "feeds list" for what is followed and how it is doing.' }],
        };
      }
      return {
        visibility: 'channel',
        title: `${story.definition.title}: latest`,
        blocks: [
          {
            kind: 'list',
            items: shown.map((d) => ({ label: d.publishedAt.slice(0, 10), headline: d.headline, text: d.summary, sources: d.sources })),
            ...(total > n ? { more: { count: total - n, hint: `See more with /${story.definition.command} latest ${Math.min(MAX_COUNT, n + 5)}` } } : {}),
          },
        ],
      };
    },
  };
}

/** The newest dated events, newest first, after one line saying the feeds have nothing yet. */
function latestEvents(story: StoryRuntime, events: Development[], n: number): Reply {
  const newest = [...events].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
  const shown = newest.slice(0, n);
  const command = story.definition.command;
  return {
    visibility: 'channel',
    title: `${story.definition.title}: latest`,
    blocks: [
      { kind: 'text', text: 'No feed reports yet; the latest dated events in the coverage:' },
      {
        kind: 'list',
        items: shown.map((d) => developmentItem(d)),
        ...(newest.length > n ? { more: { count: newest.length - n, hint: `See more with /${command} latest ${Math.min(MAX_COUNT, n + 5)} or /${command} timeline` } } : {}),
      },
    ],
  };
}
