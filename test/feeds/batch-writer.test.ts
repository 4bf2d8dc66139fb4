import { BatchWriter } from '../../src/feeds/batch-writer';
import { KyselyFeedStore } from '../../src/feeds/kysely-feed-store';
import type { FeedItemRow, IngestBatch } from '../../src/feeds/feed-store';
import type { Database } from '../../src/store/database';
import { openTestDatabase } from '../support/test-database';

const NOW = '2026-05-21T08:00:00.000Z';

function item(feed: string, n: number): FeedItemRow {
  return {
    id: `${feed}-item${n}`,
    feed_id: feed,
    story_id: 'karpathy',
    item_key: `g:${n}`,
    title: `Karpathy item ${n} of ${feed}`,
    link: null,
    summary: 'Text.',
    author: null,
    outlet: 'Example',
    published_at: NOW,
    date_flag: 'ok',
    first_seen_at: NOW,
    updated_at: NOW,
    content_hash: `h${n}`,
    relevance: 1,
    relevant: 1,
    cluster_id: null,
  };
}

function batch(feed: string, inserts: FeedItemRow[]): IngestBatch {
  return { inserts, updates: [], clusters: [], feed: { id: feed, record: { at: NOW, ok: true, consecutiveFailures: 0, nextPollAt: NOW, title: `Title of ${feed}` }, seenJson: '{}', newItems: inserts.length } };
}

describe('BatchWriter: several polls per transaction', () => {
  let database: Database;
  let store: KyselyFeedStore;

  beforeEach(async () => {
    database = await openTestDatabase();
    store = new KyselyFeedStore(database.db, database.sqlite);
    for (const id of ['f1', 'f2', 'f3']) {
      await store.addFeed({ id, storyId: 'karpathy', url: `https://example.com/${id}.xml`, include: [], exclude: [], origin: 'cli', publicOnly: false }, NOW);
    }
  });
  afterEach(async () => {
    await database.close();
  });

  test('polls finishing together are stored together; one bad batch fails only its own poll', async () => {
    const writer = new BatchWriter(store);
    const groups: number[] = [];
    const counting = Object.assign(Object.create(store) as KyselyFeedStore, {
      saveBatches: (batches: IngestBatch[]) => {
        groups.push(batches.length);
        return store.saveBatches(batches);
      },
    });
    const counted = new BatchWriter(counting);
    // Two good polls in one transaction.
    await Promise.all([counted.write(batch('f1', [item('f1', 1)])), counted.write(batch('f2', [item('f2', 1)]))]);
    expect(groups).toEqual([2]);

    // A group where one batch breaks a constraint (an item without a title).
    const broken = { ...item('f2', 2), title: null as unknown as string };
    const results = await Promise.allSettled([writer.write(batch('f1', [item('f1', 2)])), writer.write(batch('f2', [broken])), writer.write(batch('f3', [item('f3', 1)]))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const ids = (await database.db.selectFrom('feed_items').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids).toEqual(['f1-item1', 'f1-item2', 'f2-item1', 'f3-item1']);
    expect((await store.getFeed('f3'))!.title).toBe('Title of f3');
    expect((await store.getFeed('f2'))!.item_count).toBe(1);
  });
});

describe('BatchWriter: waiting for company only while polls are being read', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  test('a batch waits for the gather time while reads go on, and is written at once when none is left', async () => {
    // Only the gather timer is faked: a write that waited for it would never finish.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const groups: string[][] = [];
    const store = {
      saveBatches: async (batches: IngestBatch[]) => {
        groups.push(batches.map((b) => b.feed.id));
        return batches.map(() => ({ written: true, paused: false }));
      },
      saveBatch: async () => ({ written: true, paused: false }),
    };
    const writer = new BatchWriter(store);
    writer.setReading(true);
    const first = writer.write(batch('f1', []));
    const second = writer.write(batch('f2', []));
    await new Promise((resolve) => setImmediate(resolve));
    expect(groups).toEqual([]);
    // The last read finished: what is queued goes out together, and later batches at once.
    writer.setReading(false);
    await Promise.all([first, second]);
    expect(groups).toEqual([['f1', 'f2']]);
    await writer.write(batch('f3', []));
    expect(groups).toEqual([['f1', 'f2'], ['f3']]);
  });
});

describe('SQLite poll writes: prepared statements store what the Kysely path stores', () => {
  const cluster = (id: string, count: number) => ({ id, story_id: 'karpathy', headline: `Headline ${count}`, summary: 'One sentence.', published_at: NOW, first_seen_at: NOW, updated_at: NOW, relevance: 1, item_count: count, terms_json: `[["karpathy",${count}]]` });
  const LATER = '2026-05-21T09:00:00.000Z';

  /** Two rounds of polls on a fresh store: new items and clusters, then edits, a cluster grown twice, a lost lease and a resume. */
  async function tablesAfterPolls(fast: boolean): Promise<unknown[]> {
    const database = await openTestDatabase();
    try {
      const store = new KyselyFeedStore(database.db, fast ? database.sqlite : undefined);
      for (const id of ['f1', 'f2', 'f3']) {
        await store.addFeed({ id, storyId: 'karpathy', url: `https://example.com/${id}.xml`, include: [], exclude: [], origin: 'cli', publicOnly: false }, NOW);
      }
      await store.claimFeed('f3', 'replica-a', NOW, LATER);
      await store.setStatus('f2', 'paused', NOW);
      const first = await store.saveBatches([
        { ...batch('f1', [{ ...item('f1', 1), cluster_id: 'c1' }, item('f1', 2)]), clusters: [cluster('c1', 1)] },
        { ...batch('f2', [item('f2', 1)]), feed: { id: 'f2', record: { at: NOW, ok: true, consecutiveFailures: 0, nextPollAt: LATER, etag: '"e1"', lastModified: null, resume: true }, seenJson: '{"a":"1"}', newItems: 1 } },
        // Polled under a lease another replica holds: nothing of it is stored.
        { ...batch('f3', [item('f3', 1)]), feed: { id: 'f3', record: { at: NOW, ok: true, consecutiveFailures: 0, nextPollAt: LATER, leaseOwner: 'replica-b' }, seenJson: '{"b":"2"}', newItems: 1 } },
      ]);
      const edited = { ...item('f1', 2), title: 'Edited title', updated_at: LATER, first_seen_at: LATER, content_hash: 'h2b', cluster_id: 'c1' };
      const second = await store.saveBatches([
        { ...batch('f1', []), updates: [edited], clusters: [cluster('c1', 2)], feed: { id: 'f1', record: { at: LATER, ok: true, consecutiveFailures: 0, nextPollAt: LATER, etag: null }, seenJson: '{"c":"3"}', newItems: 0 } },
        { ...batch('f3', [item('f3', 2)]), clusters: [cluster('c1', 3)], feed: { id: 'f3', record: { at: LATER, ok: true, consecutiveFailures: 0, nextPollAt: LATER, leaseOwner: 'replica-a', title: 'Feed three' }, seenJson: '{"d":"4"}', newItems: 1 } },
      ]);
      const items = await database.db.selectFrom('feed_items').selectAll().orderBy('id').execute();
      const clusters = await database.db.selectFrom('feed_clusters').selectAll().orderBy('id').execute();
      const feeds = await database.db.selectFrom('feeds').selectAll().orderBy('id').execute();
      return [first, second, items, clusters, feeds];
    } finally {
      await database.close();
    }
  }

  test('same results and rows on both paths (on PostgreSQL both runs take the Kysely path)', async () => {
    const [kysely, fast] = [await tablesAfterPolls(false), await tablesAfterPolls(true)];
    expect(fast).toEqual(kysely);
    const [first, second, , clusters, feeds] = fast as [Array<{ written: boolean }>, Array<{ written: boolean }>, unknown, Array<{ item_count: number }>, Array<Record<string, unknown>>];
    expect(first.map((r) => r.written)).toEqual([true, true, false]);
    expect(second.map((r) => r.written)).toEqual([true, true]);
    expect(clusters.map((c) => c.item_count)).toEqual([3]);
    expect(feeds.map((f) => [f.id, f.status, f.etag, f.lease_owner, f.title, f.item_count])).toEqual([
      ['f1', 'active', null, null, 'Title of f1', 2],
      ['f2', 'active', '"e1"', null, null, 1],
      ['f3', 'active', null, null, 'Feed three', 1],
    ]);
  });
});
