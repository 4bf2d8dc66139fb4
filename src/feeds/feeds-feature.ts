import type { Feature, NewsdeskContext } from '../app/feature';
import type { StoryRuntime } from '../app/story-runtime';
import type { CommandHandler } from '../commands/command';
import type { DevelopmentSource } from '../developments/development';
import type { FeedFetcher } from './feed-fetcher';
import { HttpFeedFetcher } from './http-feed-fetcher';
import { KyselyFeedStore } from './kysely-feed-store';
import { withStoreRetries } from '../ops/store-retry';
import { FeedService, type FeedPausedListener } from './feed-service';
import { FeedDevelopmentSource } from './feed-development-source';
import { createFeedsCommand } from './feeds-command';
import { createLatestCommand } from './latest-command';

/** How often the poll loop looks for due feeds; what is due is decided by each feed's schedule. */
const TICK_MS = 30_000;

export interface FeedsFeatureOptions {
  fetcher?: FeedFetcher;
  owner?: string;
  random?: () => number;
  /** Where `latest` looks when the feeds have nothing yet (the story's dated timeline events). */
  latestFallback?: DevelopmentSource;
}

/**
 * Feeds: `feeds` and `latest` subcommands, polling while the bot runs, the development
 * source digests use, and a notice hook for paused feeds.
 */
export class FeedsFeature implements Feature {
  readonly name = 'feeds';
  readonly service: FeedService;
  readonly developments: FeedDevelopmentSource;
  private readonly fetcher: FeedFetcher;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly latestFallback: DevelopmentSource | undefined;

  constructor(
    private readonly context: NewsdeskContext,
    options: FeedsFeatureOptions = {},
  ) {
    this.latestFallback = options.latestFallback;
    // Ingestion's writes wait out a store outage (fetched items held in memory, nothing
    // acknowledged before it is stored); other store calls fail at once.
    const store = withStoreRetries(new KyselyFeedStore(context.database.db, context.database.sqlite), ['existingItems', 'saveBatch', 'saveBatches', 'recordPoll'], { logger: context.logger, component: 'feeds' });
    this.fetcher = options.fetcher ?? new HttpFeedFetcher({ timeoutMs: context.config.feeds.timeoutMs, maxBytes: context.config.feeds.maxBytes, allowPrivateNetworks: context.config.feeds.allowPrivateNetworks });
    this.service = new FeedService({
      clock: context.clock,
      logger: context.logger,
      store,
      fetcher: this.fetcher,
      settings: context.config.feeds,
      stories: context.stories,
      metrics: context.metrics,
      ...(options.owner ? { owner: options.owner } : {}),
      ...(options.random ? { random: options.random } : {}),
    });
    this.developments = new FeedDevelopmentSource(store);
  }

  /** Called once per feed pause, on the replica that paused it; returns an unsubscribe function. */
  onFeedPaused(listener: FeedPausedListener): () => void {
    return this.service.onFeedPaused(listener);
  }

  /** Loads stored relevant items into each story's corpus; one-shot CLI commands call it too. */
  async loadStoredItems(): Promise<number> {
    return this.service.ingester.loadStoredItems();
  }

  commands(story: StoryRuntime): CommandHandler[] {
    return [createLatestCommand(story, this.developments, this.context.clock, this.latestFallback), createFeedsCommand(story, this.service)];
  }

  async load(): Promise<void> {
    await this.loadStoredItems();
  }

  async start(): Promise<void> {
    await this.service.syncStoryFeeds();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    if (this.fetcher instanceof HttpFeedFetcher) this.fetcher.close();
    await this.service.close();
  }

  /** One poll round unless the previous one is still going. */
  private tick(): void {
    if (this.running) return;
    this.running = this.service
      .pollDue()
      .catch((error: unknown) => this.context.logger.error({ err: error, component: 'feeds' }, 'poll round failed'))
      .finally(() => {
        this.running = undefined;
      });
  }
}

export function createFeedsFeature(context: NewsdeskContext, options: FeedsFeatureOptions = {}): FeedsFeature {
  return new FeedsFeature(context, options);
}
