import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Clock } from '../clock';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { StoryRuntime } from '../app/story-runtime';
import type { Metrics } from '../ops/metrics';
import type { FeedFetcher } from './feed-fetcher';
import type { FeedListing, FeedOrigin, FeedRow, FeedStore } from './feed-store';
import { FeedError, toFeedError, type FeedErrorKind } from './feed-error';
import { UserFacingError } from '../errors';
import { FetchLimiter } from './fetch-limiter';
import { readFeed, type FeedReadResult } from './read-feed';
import { FeedIngester } from './feed-ingester';
import { FeedParsePool } from './feed-parse-pool';
import { feedId } from './feed-ids';

/** What one poll of one feed did; `poll --json` prints exactly these fields. */
export interface PollOutcome {
  feedId: string;
  url: string;
  status: 'ok' | 'not-modified' | 'error';
  error?: { kind: FeedErrorKind | 'internal'; message: string };
  /** Entries in the feed document (0 for not-modified and errors). */
  items: number;
  /** Entries stored for the first time. */
  new: number;
  /** New entries that are about the story. */
  relevant: number;
  /**
   * Set when this replica's lease on the feed expired and another replica took the poll
   * over: nothing of this poll was stored (the other replica's poll stands).
   */
  superseded?: true;
}

/** Told once when a feed is paused after repeated failures. */
export interface FeedPausedEvent {
  storyId: string;
  feedId: string;
  url: string;
  outlet: string;
  failures: number;
  lastError: string;
  pausedAt: string;
  /** A plain-words notice for the channels following the story. */
  message: string;
}

export type FeedPausedListener = (event: FeedPausedEvent) => void | Promise<void>;

export interface FeedServiceOptions {
  clock: Clock;
  logger: Logger;
  store: FeedStore;
  fetcher: FeedFetcher;
  settings: Config['feeds'];
  stories: StoryRuntime[];
  metrics?: Pick<Metrics, 'feedPolled' | 'itemsIngested'>;
  /** Lease owner id of this process (replicas). */
  owner?: string;
  /** 0..1 randomness for poll jitter (tests pass a fixed one). */
  random?: () => number;
  /** Where feed bodies are parsed; default a worker pool sized to the machine. */
  parsePool?: FeedParsePool;
}

/** Consecutive failures after which a feed is paused and its story's channels are told. */
export const PAUSE_AFTER_FAILURES = 10;
const BACKOFF_BASE_MS = 5 * 60_000;
const BACKOFF_CAP_MS = 6 * 60 * 60_000;
/** A claimed feed is someone else's to poll for this long (covers timeout and ingest). */
const LEASE_MS = 5 * 60_000;
const DUE_BATCH = 1000;

/** Waiting time after the n-th consecutive failure: 5 min, 10, 20, ... at most 6 h. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * The feeds of every story: polling (due feeds claimed with a lease so replicas poll each
 * once), backoff and pausing, manual polls, and adding, removing and resuming feeds.
 */
export class FeedService {
  readonly ingester: FeedIngester;
  private readonly limiter: FetchLimiter;
  private readonly listeners: FeedPausedListener[] = [];
  private readonly owner: string;
  private readonly random: () => number;
  private readonly logger: Logger;
  private readonly parsePool: FeedParsePool;
  /** Polls being read (fetched and parsed) right now, across rounds. */
  private reading = 0;

  constructor(private readonly options: FeedServiceOptions) {
    this.logger = options.logger.child({ component: 'feeds' });
    this.parsePool = options.parsePool ?? new FeedParsePool({ logger: this.logger });
    this.ingester = new FeedIngester(options.store, options.stories, this.logger);
    this.limiter = new FetchLimiter(options.settings.concurrency, options.settings.perHostConcurrency);
    this.owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.random = options.random ?? Math.random;
  }

  /** Stops the parser workers (polls after this parse in the calling thread). */
  async close(): Promise<void> {
    await this.parsePool.close();
  }

  /** Calls `listener` once per feed pause (only on the replica whose poll paused it). Returns an unsubscribe function. */
  onFeedPaused(listener: FeedPausedListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Records each story's bundled feeds in the store (removed ones stay removed). */
  async syncStoryFeeds(): Promise<void> {
    const feeds = this.options.stories.flatMap((story) =>
      story.definition.feeds.map((f) => ({
        id: feedId(story.definition.id, f.url),
        storyId: story.definition.id,
        url: f.url,
        ...(f.outlet ? { outlet: f.outlet } : {}),
        include: f.include,
        exclude: f.exclude,
        origin: 'story' as const,
        publicOnly: false,
      })),
    );
    await this.options.store.syncStoryFeeds(feeds, this.now());
  }

  /**
   * Polls every due feed of every story once (the clock decides what is due), then loads
   * what other replicas stored since the last round into the stories' corpora.
   */
  async pollDue(): Promise<PollOutcome[]> {
    this.ingester.newRound();
    const now = this.options.clock.now();
    const due = await this.options.store.dueFeeds(now.toISOString(), DUE_BATCH);
    if (due.length > 0) this.parsePool.warm();
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    const outcomes = await Promise.all(
      due.map(async (feed) => {
        if (!(await this.options.store.claimFeed(feed.id, this.owner, now.toISOString(), leaseUntil))) return undefined;
        return this.pollFeed(feed, false);
      }),
    );
    try {
      await this.ingester.syncStoredItems();
    } catch (error) {
      // The next round looks again from the same watermark.
      this.logger.error({ err: error }, 'could not load items stored by other replicas');
    }
    return outcomes.filter((o): o is PollOutcome => o !== undefined);
  }

  /**
   * Polls now, whatever is due: the story's feeds (paused ones included), or the given URLs
   * (added to the story first). A success resumes a paused feed.
   */
  async pollNow(storyId: string, urls: string[] = [], origin: FeedOrigin = 'cli', onDone?: (done: number, total: number) => void): Promise<PollOutcome[]> {
    this.ingester.newRound();
    this.parsePool.warm();
    const story = this.story(storyId);
    let feeds: FeedRow[];
    if (urls.length > 0) {
      const unique = [...new Set(urls.map(normaliseFeedUrl))];
      feeds = await this.options.store.addFeeds(
        unique.map((url) => ({ id: feedId(story.definition.id, url), storyId: story.definition.id, url, include: [], exclude: [], origin, publicOnly: origin === 'chat' })),
        this.now(),
      );
    } else {
      await this.syncStoryFeeds();
      feeds = await this.options.store.storyFeeds(story.definition.id);
    }
    let done = 0;
    return Promise.all(
      feeds.map(async (feed) => {
        const outcome = await this.pollFeed(feed, true);
        onDone?.(++done, feeds.length);
        return outcome;
      }),
    );
  }

  /** Adds a feed from chat or the CLI after one successful read; a URL that is not a feed is refused. */
  async addFeed(storyId: string, url: string, origin: FeedOrigin, addedBy?: string): Promise<{ feed: FeedRow; outcome: PollOutcome; existed: boolean }> {
    const story = this.story(storyId);
    const normalised = normaliseFeedUrl(url);
    const id = feedId(story.definition.id, normalised);
    const existing = await this.options.store.findFeed(story.definition.id, normalised);
    const publicOnly = origin === 'chat';
    if (!existing || existing.status === 'removed') {
      // Read it once before storing: refuse what is not a feed or not allowed.
      try {
        await this.limiter.run(hostOf(normalised), () => readFeed(this.options.fetcher, { url: normalised, publicOnly }, { now: this.options.clock.now(), maxBytes: this.options.settings.maxBytes }));
      } catch (error) {
        const e = toFeedError(error);
        if (e.kind === 'blocked-address' || e.kind === 'not-a-feed') throw e;
        // A feed that is down right now can still be added; backoff takes care of it.
      }
    }
    const feed = await this.options.store.addFeed({ id, storyId: story.definition.id, url: normalised, include: [], exclude: [], origin, publicOnly, ...(addedBy ? { addedBy } : {}) }, this.now());
    const outcome = await this.pollFeed(feed, true);
    return { feed: (await this.options.store.getFeed(feed.id)) ?? feed, outcome, existed: Boolean(existing && existing.status !== 'removed') };
  }

  async removeFeed(storyId: string, id: string): Promise<FeedRow> {
    const feed = await this.feedOf(storyId, id);
    await this.options.store.setStatus(feed.id, 'removed', this.now());
    return feed;
  }

  /** Resumes a paused feed and polls it at once. */
  async resumeFeed(storyId: string, id: string): Promise<PollOutcome> {
    const feed = await this.feedOf(storyId, id);
    await this.options.store.setStatus(feed.id, 'active', this.now());
    const fresh = (await this.options.store.getFeed(feed.id)) ?? feed;
    return this.pollFeed(fresh, true);
  }

  listFeeds(storyId: string): Promise<FeedListing[]> {
    return this.options.store.listFeeds(this.story(storyId).definition.id);
  }

  /** Polls one feed and records the outcome; never throws. */
  private async pollFeed(feed: FeedRow, manual: boolean): Promise<PollOutcome> {
    const started = this.options.clock.now();
    const at = started.toISOString();
    const base: PollOutcome = { feedId: feed.id, url: feed.url, status: 'ok', items: 0, new: 0, relevant: 0 };
    // Scheduled polls run under this replica's lease; manual ones under none.
    const lease = manual ? {} : { leaseOwner: this.owner };
    try {
      const result = await this.read(feed, started);
      const nextPollAt = this.nextPoll(started);
      if (result.status === 'not-modified') {
        const { written } = await this.options.store.recordPoll(feed.id, { at, ok: true, consecutiveFailures: 0, nextPollAt, resume: manual, ...lease });
        this.options.metrics?.feedPolled(feed.url, true);
        return { ...base, status: 'not-modified', ...(written ? {} : this.superseded(feed)) };
      }
      // Only the count is kept past the ingest: the items are not held while it waits to be written.
      const itemCount = result.digest?.count ?? result.items.length;
      const counts = await this.ingester.ingest(feed, result.digest ?? result.items, started, {
        at,
        ok: true,
        consecutiveFailures: 0,
        nextPollAt,
        resume: manual,
        ...(result.feedTitle ? { title: result.feedTitle } : {}),
        etag: result.etag ?? null,
        lastModified: result.lastModified ?? null,
        ...lease,
      });
      this.options.metrics?.feedPolled(feed.url, true);
      if (counts.new > 0) this.options.metrics?.itemsIngested(feed.story_id, counts.new);
      return { ...base, items: itemCount, new: counts.new, relevant: counts.relevant, ...(counts.written ? {} : this.superseded(feed)) };
    } catch (error) {
      return this.recordFailure(feed, error, started, lease);
    }
  }

  /** Fetches and parses one feed under the limiter, telling the ingester when no read is left. */
  private async read(feed: FeedRow, started: Date): Promise<FeedReadResult> {
    if (this.reading++ === 0) this.ingester.setReading(true);
    try {
      return await this.limiter.run(hostOf(feed.url), () =>
        readFeed(
          this.options.fetcher,
          { url: feed.url, publicOnly: feed.public_only === 1, ...(feed.etag ? { etag: feed.etag } : {}), ...(feed.last_modified ? { lastModified: feed.last_modified } : {}) },
          {
            now: started,
            maxBytes: this.options.settings.maxBytes,
            parse: this.parsePool.parse,
            judge: this.ingester.judgeInput(feed),
            // The items are held against the seen list where they are parsed: only those the store may need come back.
            seen: { feedId: feed.id, json: feed.seen_json },
            ...(feed.outlet ? { outlet: feed.outlet } : {}),
          },
        ),
      );
    } finally {
      if (--this.reading === 0) this.ingester.setReading(false);
    }
  }

  private superseded(feed: FeedRow): { superseded: true } {
    this.logger.info({ feed: feed.url }, 'poll result dropped: the lease expired and another replica polled this feed');
    return { superseded: true };
  }

  private async recordFailure(feed: FeedRow, error: unknown, at: Date, lease: { leaseOwner?: string }): Promise<PollOutcome> {
    const internal = !(error instanceof FeedError);
    const e = internal ? undefined : (error as FeedError);
    const kind: FeedErrorKind | 'internal' = e ? e.kind : 'internal';
    const message = e ? e.message : 'newsdesk could not store this feed\'s items (see the logs)';
    if (internal) this.logger.error({ err: error, feed: feed.url }, 'feed poll failed inside newsdesk');
    else this.logger.info({ feed: feed.url, kind, reason: message }, 'feed poll failed');
    const failures = feed.consecutive_failures + 1;
    const pause = failures >= PAUSE_AFTER_FAILURES && feed.status === 'active';
    try {
      const { paused } = await this.options.store.recordPoll(feed.id, {
        at: at.toISOString(),
        ok: false,
        errorKind: kind,
        errorMessage: message,
        consecutiveFailures: failures,
        nextPollAt: new Date(at.getTime() + backoffMs(failures)).toISOString(),
        pause,
        ...lease,
      });
      if (paused) await this.emitPaused(feed, failures, message, at.toISOString());
    } catch (storeError) {
      this.logger.error({ err: storeError, feed: feed.url }, 'could not record a feed poll');
    }
    this.options.metrics?.feedPolled(feed.url, false);
    return { feedId: feed.id, url: feed.url, status: 'error', error: { kind, message }, items: 0, new: 0, relevant: 0 };
  }

  private async emitPaused(feed: FeedRow, failures: number, lastError: string, pausedAt: string): Promise<void> {
    const story = this.options.stories.find((s) => s.definition.id === feed.story_id);
    const outlet = feed.outlet ?? feed.title ?? hostOf(feed.url);
    const command = story ? `/${story.definition.command} feeds resume ${feed.id}` : `feeds resume ${feed.id}`;
    const event: FeedPausedEvent = {
      storyId: feed.story_id,
      feedId: feed.id,
      url: feed.url,
      outlet,
      failures,
      lastError,
      pausedAt,
      message: `I have stopped checking the ${outlet} feed (${feed.url}): it failed ${failures} times in a row, most recently because ${lastError}. New reports from it will not appear until an admin runs ${command}.`,
    };
    this.logger.warn({ feed: feed.url, failures }, 'feed paused after repeated failures');
    for (const listener of [...this.listeners]) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.error({ err: error, feed: feed.url }, 'feed-paused listener failed');
      }
    }
  }

  private nextPoll(from: Date): string {
    const interval = this.options.settings.pollMinutes * 60_000;
    // ±10% jitter, so feeds added together do not stay in lockstep.
    return new Date(from.getTime() + interval * (0.9 + 0.2 * this.random())).toISOString();
  }

  private async feedOf(storyId: string, id: string): Promise<FeedRow> {
    const story = this.story(storyId);
    const feed = await this.options.store.getFeed(id.trim().toLowerCase());
    if (!feed || feed.story_id !== story.definition.id || feed.status === 'removed') {
      throw new UserFacingError(`There is no feed "${id}" in this story. See "feeds list" for the ids.`, 'feed-unknown');
    }
    return feed;
  }

  private story(storyId: string): StoryRuntime {
    const story = this.options.stories.find((s) => s.definition.id === storyId);
    if (!story) throw new Error(`unknown story ${storyId}`);
    return story;
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

/** Only http(s) URLs with a host; the fragment is dropped. Throws `blocked-address` otherwise. */
export function normaliseFeedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^<(.*)>$/, '$1'));
  } catch {
    throw new FeedError('blocked-address', `"${raw}" is not a URL; give the feed's full address, e.g. https://example.com/feed.xml`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedError('blocked-address', `only http and https feeds can be added (got ${url.protocol.replace(/:$/, '')}:)`);
  if (url.username || url.password) throw new FeedError('blocked-address', 'feed URLs with a user name or password are not accepted');
  url.hash = '';
  return url.toString();
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
