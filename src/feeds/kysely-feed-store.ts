import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Schema } from '../store/schema';
import { SqlitePollWrites } from './sqlite-poll-writes';
import type { FeedClusterRow, FeedItemRow, FeedListing, FeedPollRecord, FeedRow, FeedStatus, FeedStore, IngestBatch, NewFeed, PollWrite } from './feed-store';

/** Keeps IN lists well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;
/**
 * Rows per multi-row INSERT: 100 items of 18 columns bind 1,800 values, far under SQLite's
 * 32,766 and PostgreSQL's 65,535, and halve the statements (each one built by Kysely and
 * prepared by the driver anew) compared with 50.
 */
const ROWS_PER_INSERT = 100;

/**
 * Feeds, items and clusters in SQLite or PostgreSQL, with the same queries for both. Given
 * the SQLite driver under `db`, polls are written with prepared statements kept for the
 * store's life (`SqlitePollWrites`) instead of queries built per poll.
 */
export class KyselyFeedStore implements FeedStore {
  private readonly sqliteWrites: SqlitePollWrites | undefined;

  constructor(
    private readonly db: Kysely<Schema>,
    sqlite?: BetterSqlite3.Database,
  ) {
    this.sqliteWrites = sqlite ? new SqlitePollWrites(sqlite) : undefined;
  }

  async addFeed(feed: NewFeed, now: string): Promise<FeedRow> {
    const existing = await this.findFeed(feed.storyId, feed.url);
    if (existing) {
      if (existing.status === 'removed') {
        await this.db
          .updateTable('feeds')
          .set({ status: 'active', consecutive_failures: 0, next_poll_at: null, paused_at: null, origin: feed.origin, public_only: feed.publicOnly ? 1 : 0, updated_at: now })
          .where('id', '=', existing.id)
          .execute();
      }
      return (await this.getFeed(existing.id))!;
    }
    await this.db.insertInto('feeds').values(this.newRow(feed, now)).onConflict((oc) => oc.doNothing()).execute();
    return (await this.findFeed(feed.storyId, feed.url))!;
  }

  async addFeeds(feeds: NewFeed[], now: string): Promise<FeedRow[]> {
    if (feeds.length === 0) return [];
    const ids = feeds.map((f) => f.id);
    const found = async () => {
      const rows: FeedRow[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await this.db.selectFrom('feeds').selectAll().where('id', 'in', ids.slice(i, i + CHUNK)).execute()));
      return new Map(rows.map((r) => [r.id, r]));
    };
    const existing = await found();
    const missing = feeds.filter((f) => !existing.has(f.id));
    for (let i = 0; i < missing.length; i += 50) {
      await this.db.insertInto('feeds').values(missing.slice(i, i + 50).map((f) => this.newRow(f, now))).onConflict((oc) => oc.doNothing()).execute();
    }
    const removed = feeds.filter((f) => existing.get(f.id)?.status === 'removed');
    for (const f of removed) await this.addFeed(f, now);
    const all = missing.length + removed.length > 0 ? await found() : existing;
    return feeds.map((f) => all.get(f.id)).filter((r): r is FeedRow => r !== undefined);
  }

  async syncStoryFeeds(feeds: NewFeed[], now: string): Promise<void> {
    if (feeds.length === 0) return;
    // Insert-if-absent, then refresh what changed: replicas starting together all run this.
    // (An upsert targeting (story_id, url) fails on PostgreSQL when two inserts race,
    // because the primary key is a second unique index outside the ON CONFLICT target.)
    for (let i = 0; i < feeds.length; i += 50) {
      await this.db.insertInto('feeds').values(feeds.slice(i, i + 50).map((f) => this.newRow(f, now))).onConflict((oc) => oc.doNothing()).execute();
    }
    const stored = new Map<string, Pick<FeedRow, 'story_id' | 'url' | 'outlet' | 'include_json' | 'exclude_json'>>();
    for (const storyId of new Set(feeds.map((f) => f.storyId))) {
      const rows = await this.db.selectFrom('feeds').select(['story_id', 'url', 'outlet', 'include_json', 'exclude_json']).where('story_id', '=', storyId).execute();
      for (const row of rows) stored.set(`${row.story_id}\n${row.url}`, row);
    }
    for (const feed of feeds) {
      const row = stored.get(`${feed.storyId}\n${feed.url}`);
      const wanted = { outlet: feed.outlet ?? null, include_json: JSON.stringify(feed.include), exclude_json: JSON.stringify(feed.exclude) };
      if (row && row.outlet === wanted.outlet && row.include_json === wanted.include_json && row.exclude_json === wanted.exclude_json) continue;
      await this.db.updateTable('feeds').set(wanted).where('story_id', '=', feed.storyId).where('url', '=', feed.url).execute();
    }
  }

  async getFeed(id: string): Promise<FeedRow | undefined> {
    return this.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findFeed(storyId: string, url: string): Promise<FeedRow | undefined> {
    return this.db.selectFrom('feeds').selectAll().where('story_id', '=', storyId).where('url', '=', url).executeTakeFirst();
  }

  async listFeeds(storyId: string): Promise<FeedListing[]> {
    const feeds = await this.storyFeeds(storyId);
    if (feeds.length === 0) return [];
    const counts = await this.db
      .selectFrom('feed_items')
      .select((eb) => ['feed_id', eb.fn.countAll<string | number>().as('r')])
      .where('story_id', '=', storyId)
      .where('relevant', '=', 1)
      .groupBy('feed_id')
      .execute();
    const relevant = new Map(counts.map((c) => [c.feed_id, Number(c.r)]));
    return feeds.map((f) => ({ ...f, itemCount: f.item_count, relevantCount: relevant.get(f.id) ?? 0 }));
  }

  async storyFeeds(storyId: string): Promise<FeedRow[]> {
    return this.db.selectFrom('feeds').selectAll().where('story_id', '=', storyId).where('status', '!=', 'removed').orderBy('created_at').orderBy('url').execute();
  }

  async setStatus(id: string, status: FeedStatus, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('feeds')
      .set({
        status,
        updated_at: now,
        ...(status === 'active' ? { consecutive_failures: 0, paused_at: null, next_poll_at: now } : {}),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async dueFeeds(now: string, limit: number): Promise<FeedRow[]> {
    return this.db
      .selectFrom('feeds')
      .selectAll()
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', now)]))
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_poll_at')
      .limit(limit)
      .execute();
  }

  async claimFeed(id: string, owner: string, now: string, leaseUntil: string): Promise<boolean> {
    const result = await this.db
      .updateTable('feeds')
      .set({ lease_owner: owner, lease_until: leaseUntil, last_attempt_at: now })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', now)]))
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async recordPoll(id: string, r: FeedPollRecord): Promise<PollWrite> {
    return applyPoll(this.db, id, r);
  }

  async existingItems(ids: string[]): Promise<Map<string, Pick<FeedItemRow, 'id' | 'content_hash' | 'cluster_id' | 'first_seen_at' | 'relevant'>>> {
    const out = new Map<string, Pick<FeedItemRow, 'id' | 'content_hash' | 'cluster_id' | 'first_seen_at' | 'relevant'>>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('feed_items')
        .select(['id', 'content_hash', 'cluster_id', 'first_seen_at', 'relevant'])
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) out.set(row.id, row);
    }
    return out;
  }

  async saveBatch(batch: IngestBatch): Promise<PollWrite> {
    const [result] = await this.saveBatches([batch]);
    return result!;
  }

  async saveBatches(batches: IngestBatch[]): Promise<PollWrite[]> {
    if (batches.length === 0) return [];
    const fast = this.sqliteWrites;
    // Synchronous, so holding the connection keeps every other query out meanwhile.
    if (fast && batches.every((b) => b.feed.record.ok)) return this.db.connection().execute(async () => fast.saveBatches(batches));
    return this.db.transaction().execute(async (trx) => {
      // Each feed row first: a poll whose lease was taken over writes nothing of its batch.
      const results: PollWrite[] = [];
      const kept: IngestBatch[] = [];
      for (const batch of batches) {
        const { id, record, seenJson, newItems } = batch.feed;
        const written = await applyPoll(trx, id, record, { seen_json: seenJson, item_count: sql<number>`item_count + ${newItems}` });
        results.push(written);
        if (written.written) kept.push(batch);
      }
      const inserts = kept.flatMap((b) => b.inserts);
      for (let i = 0; i < inserts.length; i += ROWS_PER_INSERT) {
        await trx.insertInto('feed_items').values(inserts.slice(i, i + ROWS_PER_INSERT)).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
      // Edited items as multi-row upserts rather than an UPDATE each; first_seen_at is kept.
      // An item edited by two feeds of the group is written once, as the last one left it
      // (PostgreSQL refuses to upsert one row twice in a statement).
      const updates = [...new Map(kept.flatMap((b) => b.updates).map((r) => [r.id, r])).values()];
      for (let i = 0; i < updates.length; i += ROWS_PER_INSERT) {
        await trx
          .insertInto('feed_items')
          .values(updates.slice(i, i + ROWS_PER_INSERT))
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              feed_id: eb.ref('excluded.feed_id'),
              story_id: eb.ref('excluded.story_id'),
              item_key: eb.ref('excluded.item_key'),
              title: eb.ref('excluded.title'),
              link: eb.ref('excluded.link'),
              summary: eb.ref('excluded.summary'),
              author: eb.ref('excluded.author'),
              outlet: eb.ref('excluded.outlet'),
              published_at: eb.ref('excluded.published_at'),
              date_flag: eb.ref('excluded.date_flag'),
              updated_at: eb.ref('excluded.updated_at'),
              content_hash: eb.ref('excluded.content_hash'),
              relevance: eb.ref('excluded.relevance'),
              relevant: eb.ref('excluded.relevant'),
              cluster_id: eb.ref('excluded.cluster_id'),
            })),
          )
          .execute();
      }
      // A cluster grown by several feeds of the group is written once, as the last one left it
      // (PostgreSQL refuses to upsert one row twice in a statement).
      const clusters = [...new Map(kept.flatMap((b) => b.clusters).map((c) => [c.id, c])).values()];
      for (let i = 0; i < clusters.length; i += ROWS_PER_INSERT) {
        await trx
          .insertInto('feed_clusters')
          .values(clusters.slice(i, i + ROWS_PER_INSERT))
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              headline: eb.ref('excluded.headline'),
              summary: eb.ref('excluded.summary'),
              published_at: eb.ref('excluded.published_at'),
              updated_at: eb.ref('excluded.updated_at'),
              relevance: eb.ref('excluded.relevance'),
              item_count: eb.ref('excluded.item_count'),
              terms_json: eb.ref('excluded.terms_json'),
            })),
          )
          .execute();
      }
      return results;
    });
  }

  async relevantItems(storyId: string): Promise<FeedItemRow[]> {
    return this.db.selectFrom('feed_items').selectAll().where('story_id', '=', storyId).where('relevant', '=', 1).orderBy('published_at').execute();
  }

  async itemsUpdatedSince(storyId: string, since: string | undefined): Promise<FeedItemRow[]> {
    let query = this.db.selectFrom('feed_items').selectAll().where('story_id', '=', storyId);
    if (since) query = query.where('updated_at', '>=', since);
    return query.orderBy('updated_at').execute();
  }

  async recentClusters(storyId: string, since: string): Promise<FeedClusterRow[]> {
    return this.db.selectFrom('feed_clusters').selectAll().where('story_id', '=', storyId).where('published_at', '>=', since).execute();
  }

  async clustersInRange(storyId: string, since: string | undefined, until: string): Promise<FeedClusterRow[]> {
    let query = this.db.selectFrom('feed_clusters').selectAll().where('story_id', '=', storyId);
    query = since
      ? query.where((eb) =>
          eb.or([
            eb.and([eb('first_seen_at', '>=', since), eb('first_seen_at', '<', until)]),
            eb.and([eb('published_at', '>=', since), eb('published_at', '<', until)]),
          ]),
        )
      : query.where((eb) => eb.or([eb('first_seen_at', '<', until), eb('published_at', '<', until)]));
    return query.orderBy('published_at', 'desc').orderBy('id').execute();
  }

  async clusterItems(clusterIds: string[]): Promise<FeedItemRow[]> {
    const out: FeedItemRow[] = [];
    for (let i = 0; i < clusterIds.length; i += CHUNK) {
      out.push(
        ...(await this.db
          .selectFrom('feed_items')
          .selectAll()
          .where('cluster_id', 'in', clusterIds.slice(i, i + CHUNK))
          .where('relevant', '=', 1)
          .orderBy('relevance', 'desc')
          .orderBy('published_at')
          .execute()),
      );
    }
    return out;
  }

  async newestClusters(storyId: string, until: string, limit: number): Promise<{ clusters: FeedClusterRow[]; total: number }> {
    // Only clusters with a relevant item make a development (an edit can leave one empty).
    const listed = this.db
      .selectFrom('feed_clusters')
      .where('story_id', '=', storyId)
      .where((eb) => eb.or([eb('first_seen_at', '<', until), eb('published_at', '<', until)]))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('feed_items')
            .select('feed_items.id')
            .whereRef('feed_items.cluster_id', '=', 'feed_clusters.id')
            .where('feed_items.relevant', '=', 1),
        ),
      );
    const clusters = await listed.selectAll('feed_clusters').orderBy('published_at', 'desc').orderBy('id').limit(limit).execute();
    if (clusters.length < limit) return { clusters, total: clusters.length };
    const counted = await listed.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
    return { clusters, total: Number(counted?.n ?? clusters.length) };
  }

  private newRow(feed: NewFeed, now: string): FeedRow {
    return {
      id: feed.id,
      story_id: feed.storyId,
      url: feed.url,
      outlet: feed.outlet ?? null,
      include_json: JSON.stringify(feed.include),
      exclude_json: JSON.stringify(feed.exclude),
      origin: feed.origin,
      public_only: feed.publicOnly ? 1 : 0,
      status: 'active',
      title: null,
      etag: null,
      last_modified: null,
      consecutive_failures: 0,
      last_attempt_at: null,
      last_success_at: null,
      last_error_kind: null,
      last_error_message: null,
      next_poll_at: null,
      lease_owner: null,
      lease_until: null,
      paused_at: null,
      added_by: feed.addedBy ?? null,
      seen_json: '{}',
      item_count: 0,
      created_at: now,
      updated_at: now,
    };
  }
}

type Executor = Kysely<Schema> | Transaction<Schema>;

/**
 * Writes a poll's outcome to the feed row; `extra` adds columns (the items seen) written in
 * the same statement. Under a lease (`r.leaseOwner`) it applies only while that owner still
 * holds the lease, and releases it: a replica whose lease expired and was taken over must
 * not overwrite the state the new owner writes.
 */
async function applyPoll(db: Executor, id: string, r: FeedPollRecord, extra: { seen_json?: string; item_count?: RawBuilder<number> } = {}): Promise<PollWrite> {
  const owner = r.leaseOwner;
  const common = {
    last_attempt_at: r.at,
    updated_at: r.at,
    consecutive_failures: r.consecutiveFailures,
    next_poll_at: r.nextPollAt,
    ...(owner !== undefined ? { lease_owner: null, lease_until: null } : {}),
  };
  const feedRow = () => {
    const query = db.updateTable('feeds').where('id', '=', id);
    return owner !== undefined ? query.where('lease_owner', '=', owner) : query;
  };
  if (r.ok) {
    const result = await feedRow()
      .set({
        ...common,
        ...extra,
        last_success_at: r.at,
        last_error_kind: null,
        last_error_message: null,
        ...(r.title ? { title: r.title } : {}),
        ...(r.etag !== undefined ? { etag: r.etag } : {}),
        ...(r.lastModified !== undefined ? { last_modified: r.lastModified } : {}),
        ...(r.resume ? { status: 'active', paused_at: null } : {}),
      })
      .where('status', '!=', 'removed')
      .executeTakeFirst();
    return { written: Number(result.numUpdatedRows) === 1, paused: false };
  }
  const failure = { ...common, last_error_kind: r.errorKind ?? 'network', last_error_message: r.errorMessage ?? null };
  if (r.pause) {
    // Only the poll that moves the feed from active to paused reports it: one notice.
    const paused = await feedRow()
      .set({ ...failure, status: 'paused', paused_at: r.at })
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(paused.numUpdatedRows) === 1) return { written: true, paused: true };
  }
  const result = await feedRow().set(failure).executeTakeFirst();
  return { written: Number(result.numUpdatedRows) === 1, paused: false };
}
