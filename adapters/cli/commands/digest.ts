import type { CliCommand } from '../cli-command';
import type { DigestsFeature } from '../../../src/digests/digests-feature';
import { renderPlainText } from '../../../src/reply/render-plain-text';

const DAY_MS = 24 * 3_600_000;

/**
 * `digest [--since ISO] [--now ISO] [--json]`: the digest of the developments ingested or
 * published since `--since` (default: the 24 hours before now), in the same short form the
 * channels get. Reads the store; changes nothing.
 */
export const digestCliCommand: CliCommand = {
  name: 'digest',
  usage: '[--since ISO] [--now ISO]',
  summary: 'the short digest of what is new (default: the last 24 hours)',
  async run({ io, options, newsdesk }) {
    const bot = await newsdesk();
    const story = bot.story(options.story);
    const digests = bot.feature<DigestsFeature>('digests');
    if (!digests) {
      io.err('Digests are not enabled in this build.');
      return 2;
    }
    if (!digests.composer.hasSources()) {
      io.err('No development source is wired (the feeds feature is missing), so there is nothing to digest.');
      return 2;
    }
    const now = bot.context.clock.now();
    const since = options.since ?? new Date(now.getTime() - DAY_MS);
    if (since.getTime() > now.getTime()) {
      io.err(`--since (${since.toISOString()}) is after --now (${now.toISOString()}).`);
      return 2;
    }
    const { reply, shown } = await digests.composer.forWindow(story.definition.id, since, now);
    const text = renderPlainText(reply);
    if (!options.json) {
      io.out(text);
      return 0;
    }
    const stories = shown.map((d) => ({
      title: d.headline,
      summary: d.summary,
      links: [...new Set(d.sources.map((s) => s.url).filter((u): u is string => Boolean(u)))],
      sources: [...new Set(d.sources.map((s) => s.outlet))],
    }));
    io.out(JSON.stringify({ story: story.definition.id, stories, text }, null, 2));
    return 0;
  },
};
