import type { CliCommand } from '../cli-command';
import { storyFeeds } from './story-feeds';
import type { PollOutcome } from '../../../src/feeds/feed-service';

/** Above this many feeds a terminal gets a progress bar (on stderr, so stdout stays clean). */
const PROGRESS_FROM = 4;

/**
 * `poll [--feed URL]... [--json]`: polls the story's feeds once, or the given URLs (which are
 * added to the story), stores new items and prints what each feed gave.
 */
export const pollCliCommand: CliCommand = {
  name: 'poll',
  usage: '[--feed URL]...',
  summary: 'poll the story\'s feeds (or the given ones) once and store new items',
  async run(context) {
    const { io, options } = context;
    const found = await storyFeeds(context);
    if (!found) return 2;
    const { story, feeds } = found;
    const progress = io.tty && process.stderr.isTTY ? progressBar() : undefined;
    const outcomes = await feeds.service.pollNow(story.definition.id, options.feeds, 'cli', (done, total) => {
      if (total >= PROGRESS_FROM) progress?.(done, total);
    });
    if (options.json) {
      io.out(JSON.stringify({ feeds: outcomes.map(toJson) }));
    } else if (outcomes.length === 0) {
      io.out(`The story "${story.definition.id}" follows no feeds. Give some with --feed <url>.`);
    } else {
      for (const o of outcomes) io.out(describe(o));
    }
    return outcomes.length > 0 && outcomes.every((o) => o.status === 'error') ? 1 : 0;
  },
};

function toJson(o: PollOutcome) {
  return { url: o.url, status: o.status, ...(o.error ? { error: o.error } : {}), items: o.items, new: o.new, relevant: o.relevant };
}

function describe(o: PollOutcome): string {
  if (o.status === 'error') return `${o.url}: error (${o.error?.kind}): ${o.error?.message}`;
  if (o.status === 'not-modified') return `${o.url}: not modified`;
  return `${o.url}: ${o.items} items, ${o.new} new, ${o.relevant} new about the story`;
}

function progressBar(): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\rpolling [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

