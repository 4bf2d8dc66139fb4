import type BetterSqlite3 from 'better-sqlite3';
import type { FeedClusterRow, FeedItemRow, IngestBatch, PollWrite } from './feed-store';

/** The item columns in the order the statements below bind them. */
const ITEM_COLUMNS = [
  'id',
  'feed_id',
  'story_id',
  'item_key',
  'title',
  'link',
  'summary',
  'author',
  'outlet',
  'published_at',
  'date_flag',
  'first_seen_at',
  'updated_at',
  'content_hash',
  'relevance',
  'relevant',
  'cluster_id',
] as const;
const CLUSTER_COLUMNS = ['id', 'story_id', 'headline', 'summary', 'published_at', 'first_seen_at', 'updated_at', 'relevance', 'item_count', 'terms_json'] as const;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const excluded = (columns: readonly string[]) => columns.map((c) => `${c} = excluded.${c}`).join(', ');

const INSERT_ITEM = `insert into feed_items (${ITEM_COLUMNS.join(', ')}) values (${placeholders(ITEM_COLUMNS.length)}) on conflict (id) do nothing`;
// An edited item keeps its first_seen_at.
const UPSERT_ITEM = `insert into feed_items (${ITEM_COLUMNS.join(', ')}) values (${placeholders(ITEM_COLUMNS.length)}) on conflict (id) do update set ${excluded(ITEM_COLUMNS.filter((c) => c !== 'id' && c !== 'first_seen_at'))}`;
const UPSERT_CLUSTER = `insert into feed_clusters (${CLUSTER_COLUMNS.join(', ')}) values (${placeholders(CLUSTER_COLUMNS.length)}) on conflict (id) do update set ${excluded(['headline', 'summary', 'published_at', 'updated_at', 'relevance', 'item_count', 'terms_json'])}`;
/**
 * A successful poll's record (what `applyPoll` in the Kysely store writes for `ok`): title,
 * etag and last-modified only when given, the lease released when the poll held it, a
 * manual poll resuming a paused feed; never a removed feed, and under a lease only while
 * its owner still holds it.
 */
const RECORD_POLL = `update feeds set
  last_attempt_at = @at, updated_at = @at, last_success_at = @at, consecutive_failures = @failures, next_poll_at = @next,
  last_error_kind = null, last_error_message = null,
  seen_json = @seen, item_count = item_count + @newItems,
  title = coalesce(@title, title),
  etag = case when @setEtag then @etag else etag end,
  last_modified = case when @setLastModified then @lastModified else last_modified end,
  status = case when @resume then 'active' else status end,
  paused_at = case when @resume then null else paused_at end,
  lease_owner = case when @owner is null then lease_owner else null end,
  lease_until = case when @owner is null then lease_until else null end
where id = @id and status != 'removed' and (@owner is null or lease_owner = @owner)`;

/**
 * The poll write of the SQLite store with prepared statements kept for the store's life:
 * one row per statement, no query built or SQL compiled per poll. The same rows and the
 * same outcome as the Kysely path (used for PostgreSQL); it runs synchronously, so the
 * caller holds the connection for it.
 */
export class SqlitePollWrites {
  private readonly insertItem: BetterSqlite3.Statement;
  private readonly upsertItem: BetterSqlite3.Statement;
  private readonly upsertCluster: BetterSqlite3.Statement;
  private readonly recordPoll: BetterSqlite3.Statement;
  private readonly inTransaction: (batches: IngestBatch[]) => PollWrite[];

  constructor(db: BetterSqlite3.Database) {
    this.insertItem = db.prepare(INSERT_ITEM);
    this.upsertItem = db.prepare(UPSERT_ITEM);
    this.upsertCluster = db.prepare(UPSERT_CLUSTER);
    this.recordPoll = db.prepare(RECORD_POLL);
    this.inTransaction = db.transaction((batches: IngestBatch[]) => this.write(batches));
  }

  /** `FeedStore.saveBatches` for successful polls, in one transaction; nothing is written when it throws. */
  saveBatches(batches: IngestBatch[]): PollWrite[] {
    return this.inTransaction(batches);
  }

  private write(batches: IngestBatch[]): PollWrite[] {
    // Each feed row first: a poll whose lease was taken over writes nothing of its batch.
    const results: PollWrite[] = [];
    const kept: IngestBatch[] = [];
    for (const batch of batches) {
      const { id, record: r, seenJson, newItems } = batch.feed;
      const etag = r.etag !== undefined;
      const lastModified = r.lastModified !== undefined;
      const { changes } = this.recordPoll.run({
        id,
        at: r.at,
        failures: r.consecutiveFailures,
        next: r.nextPollAt,
        seen: seenJson,
        newItems,
        title: r.title || null,
        setEtag: etag ? 1 : 0,
        etag: etag ? r.etag : null,
        setLastModified: lastModified ? 1 : 0,
        lastModified: lastModified ? r.lastModified : null,
        resume: r.resume ? 1 : 0,
        owner: r.leaseOwner ?? null,
      });
      const written = changes === 1;
      results.push({ written, paused: false });
      if (written) kept.push(batch);
    }
    for (const batch of kept) for (const row of batch.inserts) this.insertItem.run(...itemValues(row));
    // An item or cluster in several batches of the group is written as the last one left it.
    const updates = new Map<string, FeedItemRow>();
    const clusters = new Map<string, FeedClusterRow>();
    for (const batch of kept) {
      for (const row of batch.updates) updates.set(row.id, row);
      for (const row of batch.clusters) clusters.set(row.id, row);
    }
    for (const row of updates.values()) this.upsertItem.run(...itemValues(row));
    for (const c of clusters.values()) this.upsertCluster.run(c.id, c.story_id, c.headline, c.summary, c.published_at, c.first_seen_at, c.updated_at, c.relevance, c.item_count, c.terms_json);
    return results;
  }
}

function itemValues(r: FeedItemRow): unknown[] {
  return [r.id, r.feed_id, r.story_id, r.item_key, r.title, r.link, r.summary, r.author, r.outlet, r.published_at, r.date_flag, r.first_seen_at, r.updated_at, r.content_hash, r.relevance, r.relevant, r.cluster_id];
}
