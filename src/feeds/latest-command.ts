import type { CommandHandler } from '../commands/command';
import type { StoryRuntime } from '../app/story-runtime';
import type { Clock } from '../clock';
import type { DevelopmentSource } from '../developments/development';
import type { Reply } from '../reply/reply';
import { UserFacingError } from '../errors';

const DEFAULT_COUNT = 5;
const MAX_COUNT = 20;

/** `latest [n]`: the newest developments from the feeds, each once with all its outlets. */
export function createLatestCommand(story: StoryRuntime, developments: DevelopmentSource, clock: Clock): CommandHandler {
  return {
    name: 'latest',
    usage: '[n]',
    summary: 'the newest developments from the feeds, with the outlets reporting each',
    async run(request): Promise<Reply> {
      const raw = request.args[0];
      const n = raw === undefined ? DEFAULT_COUNT : Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) throw new UserFacingError(`"latest" takes a number from 1 to ${MAX_COUNT}, e.g. /${story.definition.command} latest 5.`);
      const all = await developments.listDevelopments(story.definition.id, { until: clock.now() });
      if (all.length === 0) {
        return {
          visibility: 'channel',
          title: `${story.definition.title}: latest`,
          blocks: [{ kind: 'text', text: 'No new reports from the feeds yet. See "feeds list" for what is followed and how it is doing.' }],
        };
      }
      const shown = all.slice(0, n);
      return {
        visibility: 'channel',
        title: `${story.definition.title}: latest`,
        blocks: [
          {
            kind: 'list',
            items: shown.map((d) => ({ label: d.publishedAt.slice(0, 10), headline: d.headline, text: d.summary, sources: d.sources })),
            ...(all.length > n ? { more: { count: all.length - n, hint: `See more with /${story.definition.command} latest ${Math.min(MAX_COUNT, n + 5)}` } } : {}),
          },
        ],
      };
    },
  };
}
