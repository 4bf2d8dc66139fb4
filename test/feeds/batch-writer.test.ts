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
    store = new KyselyFeedStore(database.db);
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
