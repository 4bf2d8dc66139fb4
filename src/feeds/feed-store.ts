import type { FeedClustersTable, FeedItemsTable, FeedsTable } from '../store/schema';

export type FeedRow = FeedsTable;
export type FeedItemRow = FeedItemsTable;
export type FeedClusterRow = FeedClustersTable;
export type FeedStatus = 'active' | 'paused' | 'removed';
export type FeedOrigin = 'story' | 'chat' | 'cli';

/** A feed as `feeds list` shows it. */
export interface FeedListing extends FeedRow {
  itemCount: number;
  relevantCount: number;
}

export interface NewFeed {
  id: string;
  storyId: string;
  url: string;
  outlet?: string;
  include: string[];
  exclude: string[];
  origin: FeedOrigin;
  publicOnly: boolean;
  addedBy?: string;
}

/** What one poll of one feed writes, all in one transaction. */
export interface IngestBatch {
  inserts: FeedItemRow[];
  updates: FeedItemRow[];
  clusters: FeedClusterRow[];
  /** The poll's outcome for the feed row, with the items now seen and how many were new. */
  feed: { id: string; record: FeedPollRecord; seenJson: string; newItems: number };
}

/** The outcome of a poll written back to the feed row (and the lease released). */
export interface FeedPollRecord {
  at: string;
  ok: boolean;
  title?: string;
  etag?: string | null;
  lastModified?: string | null;
  errorKind?: string;
  errorMessage?: string;
  consecutiveFailures: number;
  nextPollAt: string;
  /** Set when this failure pauses the feed; the update only applies while it is active. */
  pause?: boolean;
  /** A successful manual poll resumes a paused feed. */
  resume?: boolean;
  /**
   * The lease the poll ran under (scheduled polls): the record is written, and the lease
   * released, only while this owner still holds it. Without it (manual polls) the record is
   * written and whoever holds a lease keeps it.
   */
  leaseOwner?: string;
}

/** What writing a poll's outcome did. */
export interface PollWrite {
  /** False when the lease was lost to another replica (or the feed removed): nothing was written. */
  written: boolean;
  /** This record moved the feed from active to paused (tell the channels once). */
  paused: boolean;
}

/** The port for feeds, their items and clusters. */
export interface FeedStore {
  /** Inserts a feed, or re-activates a removed one with the same story and URL; returns the row. */
  addFeed(feed: NewFeed, now: string): Promise<FeedRow>;
  /** `addFeed` for many at once (one poll of many `--feed` URLs); rows in the order given. */
  addFeeds(feeds: NewFeed[], now: string): Promise<FeedRow[]>;
  /** Inserts story.json feeds not yet present; refreshes their outlet and rules; never revives removed ones. */
  syncStoryFeeds(feeds: NewFeed[], now: string): Promise<void>;
  getFeed(id: string): Promise<FeedRow | undefined>;
  findFeed(storyId: string, url: string): Promise<FeedRow | undefined>;
  listFeeds(storyId: string): Promise<FeedListing[]>;
  /** Feeds of a story that are not removed. */
  storyFeeds(storyId: string): Promise<FeedRow[]>;
  setStatus(id: string, status: FeedStatus, now: string): Promise<boolean>;
  /** Active feeds whose next poll is due and whose lease is free or expired. */
  dueFeeds(now: string, limit: number): Promise<FeedRow[]>;
  /**
   * Claims a due feed for `owner` until `leaseUntil` with one conditional UPDATE; true only
   * for the one caller that got it (several replicas may try at once).
   */
  claimFeed(id: string, owner: string, now: string, leaseUntil: string): Promise<boolean>;
  /** Writes a poll's outcome and releases the lease (see `FeedPollRecord.leaseOwner`). */
  recordPoll(id: string, record: FeedPollRecord): Promise<PollWrite>;
  /** Stored items of a feed among `ids`: content hash, cluster and first-seen time. */
  existingItems(ids: string[]): Promise<Map<string, Pick<FeedItemRow, 'id' | 'content_hash' | 'cluster_id' | 'first_seen_at' | 'relevant'>>>;
  /**
   * Writes one poll's items, clusters and feed state in one transaction; when the feed
   * record is refused (lease lost, feed removed) nothing of the batch is written.
   */
  saveBatch(batch: IngestBatch): Promise<PollWrite>;
  /**
   * `saveBatch` for several polls in ONE transaction (fewer commits while many feeds come in);
   * a refused feed record skips only that poll's batch. Results in the order given. When it
   * rejects, nothing of any batch was written.
   */
  saveBatches(batches: IngestBatch[]): Promise<PollWrite[]>;
  /** Relevant items of a story (loaded into the corpus at start). */
  relevantItems(storyId: string): Promise<FeedItemRow[]>;
  /**
   * Items of a story (relevant or not) whose `updated_at` is at or after `since`, all of them
   * when `since` is undefined: what other replicas stored or edited since this one last looked.
   */
  itemsUpdatedSince(storyId: string, since: string | undefined): Promise<FeedItemRow[]>;
  /** Clusters of a story published at or after `since`. */
  recentClusters(storyId: string, since: string): Promise<FeedClusterRow[]>;
  /** Clusters first seen or published in `[since, until)`, newest first. */
  clustersInRange(storyId: string, since: string | undefined, until: string): Promise<FeedClusterRow[]>;
  /** Relevant items of these clusters. */
  clusterItems(clusterIds: string[]): Promise<FeedItemRow[]>;
  /**
   * The `limit` newest clusters (by publication, then id) first seen or published before
   * `until` that have at least one relevant item, and how many such clusters there are in all.
   */
  newestClusters(storyId: string, until: string, limit: number): Promise<{ clusters: FeedClusterRow[]; total: number }>;
}
