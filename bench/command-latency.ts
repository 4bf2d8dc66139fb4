import { performance } from 'node:perf_hooks';
import type { Caller, Conversation } from '../src/commands/command';
import type { CommandFigures, CorpusFigures } from './bench-report';
import { megabytes, round, summarise } from './percentiles';
import { openBenchNewsdesk } from './bench-newsdesk';
import type { Progress } from './progress';
import type { Newsdesk } from '../src/app/create-newsdesk';
import type { FeedsFeature } from '../src/feeds/feeds-feature';
import { FakeFeedHost } from './fakes/fake-feed-host';
import { feedDocument } from './feed-documents';

/** The commands whose latency is budgeted, each with the texts it is timed with (in rotation). */
export function commandTexts(questions: readonly string[]): Record<string, string[]> {
  return {
    timeline: ['timeline', 'timeline 2025', 'timeline 2', 'timeline 2024-2026'],
    ask: questions.map((q) => `ask ${q}`),
    latest: ['latest'],
    digest: ['digest'],
  };
}

export interface CommandLatencyOptions {
  storiesDir: string;
  /** The story's slash command name. */
  command: string;
  questions: readonly string[];
  /** Untimed calls per command after the first (JIT, caches). */
  warmup: number;
  /** Timed calls per command. */
  iterations: number;
  progress: Progress;
  /**
   * Feeds to poll into the store first (from 127.0.0.x), so `latest` and `digest` work on a
   * feed history as a long-running story has; none by default.
   */
  seedFeeds?: { feeds: number; itemsPerFeed: number; seed: number };
}

export interface CommandLatencyResult {
  corpus: CorpusFigures;
  commands: Record<string, CommandFigures>;
  /** Commands the story's router does not have yet. */
  missing: string[];
}

const CONVERSATION: Conversation = { platform: 'slack', channelId: 'C-bench', workspaceId: 'T-bench' };

/**
 * Times each command through `newsdesk.handleCommand`, as an adapter calls it. Every call
 * comes from a different user so the per-user `ask` limit never answers instead of the bot.
 */
export async function measureCommandLatency(options: CommandLatencyOptions): Promise<CommandLatencyResult> {
  const loadStarted = performance.now();
  const bench = await openBenchNewsdesk(options.storiesDir, { FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' });
  const loadMs = performance.now() - loadStarted;
  try {
    const { newsdesk } = bench;
    const story = newsdesk.story(options.command);
    const feedItems = options.seedFeeds ? await seedFeedHistory(newsdesk, story.definition.id, options.seedFeeds, options.progress) : undefined;
    let callerN = 0;
    const call = async (text: string): Promise<number> => {
      const caller: Caller = { id: `U-bench-${callerN++}`, isAdmin: false };
      const started = performance.now();
      const reply = await newsdesk.handleCommand(options.command, text, caller, CONVERSATION);
      const ms = performance.now() - started;
      if (reply.blocks.length === 0 && !reply.title) throw new Error(`"${text}" gave an empty reply`);
      return ms;
    };
    const texts = commandTexts(options.questions);
    const present = Object.keys(texts).filter((name) => story.router.has(name));
    const missing = Object.keys(texts).filter((name) => !story.router.has(name));
    const commands: Record<string, CommandFigures> = {};
    const first = new Map<string, number>();
    // First call of each command, in order, before any other: it pays for the lazy index build.
    for (const name of present) {
      first.set(name, await call(texts[name]![0]!));
      options.progress(`  ${name}: first call ${round(first.get(name)!)} ms`);
    }
    const heapMb = megabytes(process.memoryUsage().heapUsed);
    for (const name of present) {
      const variants = texts[name]!;
      for (let i = 0; i < options.warmup; i++) await call(variants[i % variants.length]!);
      const samples: number[] = [];
      for (let i = 0; i < options.iterations; i++) samples.push(await call(variants[i % variants.length]!));
      commands[name] = { ...summarise(samples), first_ms: round(first.get(name)!), samples: samples.length };
      options.progress(`  ${name}: p50 ${commands[name].p50_ms} ms, p95 ${commands[name].p95_ms} ms`);
    }
    return {
      corpus: { articles: story.corpus.articles().length, load_ms: round(loadMs), heap_mb: heapMb, ...(feedItems !== undefined ? { feed_items: feedItems } : {}) },
      commands,
      missing,
    };
  } finally {
    await bench.dispose();
  }
}

/** Polls generated feeds into the bot's store once; returns how many items were about the story. */
async function seedFeedHistory(newsdesk: Newsdesk, storyId: string, seed: NonNullable<CommandLatencyOptions['seedFeeds']>, progress: Progress): Promise<number | undefined> {
  const feeds = newsdesk.feature<FeedsFeature>('feeds');
  if (!feeds) {
    progress('  no feeds feature: latest and digest run without a feed history');
    return undefined;
  }
  const host = await FakeFeedHost.start(10);
  try {
    const urls = Array.from({ length: seed.feeds }, (_, i) => host.publish(i, Buffer.from(feedDocument(seed.seed, i, seed.itemsPerFeed).xml)));
    const outcomes = await feeds.service.pollNow(storyId, urls);
    const failed = outcomes.filter((o) => o.status === 'error');
    if (failed.length > 0) throw new Error(`seeding feeds failed: ${failed[0]!.url}: ${failed[0]!.error?.message}`);
    const relevant = outcomes.reduce((n, o) => n + o.relevant, 0);
    progress(`  feed history: ${seed.feeds} feeds polled, ${relevant} items about the story`);
    return relevant;
  } finally {
    await host.close();
  }
}
