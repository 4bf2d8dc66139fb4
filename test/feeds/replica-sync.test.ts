import { ManualClock } from '../../src/clock';
import type { Database } from '../../src/store/database';
import type { StoryRuntime } from '../../src/app/story-runtime';
import type { HttpFeedFetcher } from '../../src/feeds/http-feed-fetcher';
import { FakeFeedServer } from '../support/fake-feed-server';
import { openTestDatabase } from '../support/test-database';
import { feedService, karpathyStory, rss, type TestItem } from './feed-kit';

const MIN = 60_000;

const items: TestItem[] = [
  { guid: 'a1', title: 'Andrej Karpathy joins Anthropic', link: 'https://example.com/a1', description: 'He will work on pre-training with Nick Joseph.', pubDate: 'Tue, 19 May 2026 17:00:00 GMT' },
  { guid: 'a2', title: 'Bakery wins local award', link: 'https://example.com/a2', description: 'Sourdough, again.', pubDate: 'Tue, 19 May 2026 12:00:00 GMT' },
  { guid: 'a3', title: 'Interview: what pre-training means now', link: 'https://example.com/a3', description: 'Karpathy explains why he went back to research at Anthropic.', pubDate: 'Wed, 20 May 2026 09:00:00 GMT' },
];

describe('replicas on one store share what either polled', () => {
  let server: FakeFeedServer;
  let database: Database;
  let clock: ManualClock;
  const fetchers: HttpFeedFetcher[] = [];

  beforeEach(async () => {
    server = await new FakeFeedServer().start();
    database = await openTestDatabase();
    clock = new ManualClock('2026-05-21T08:00:00Z');
  });
  afterEach(async () => {
    for (const f of fetchers.splice(0)) f.close();
    await server.close();
    await database.close();
  });

  const replica = (story: StoryRuntime, owner: string) => {
    const made = feedService(database, clock, [story], { owner });
    fetchers.push(made.fetcher);
    return made;
  };
  const titles = (story: StoryRuntime) => story.corpus.articles().map((a) => a.title).sort();

  test("items polled by one replica reach the other's corpus on its next round: new, edited and no longer relevant ones", async () => {
    server.route('/feed', { body: rss('Example Tech', items) });
    const storyA = karpathyStory();
    const storyB = karpathyStory();
    const a = replica(storyA, 'replica-a');
    const b = replica(storyB, 'replica-b');
    await a.store.addFeed({ id: 'feed1', storyId: 'karpathy', url: server.url('/feed'), include: [], exclude: [], origin: 'cli', publicOnly: false }, clock.now().toISOString());
    await b.service.ingester.loadStoredItems();

    // A polls the feed (it was first); B finds nothing due but picks up A's items.
    expect(await a.service.pollDue()).toHaveLength(1);
    expect(await b.service.pollDue()).toHaveLength(0);
    expect(server.hits('/feed')).toHaveLength(1);
    expect(titles(storyB)).toEqual(['Andrej Karpathy joins Anthropic', 'Interview: what pre-training means now']);

    // A round with nothing new elsewhere leaves B's corpus (and its indexes) as they were.
    const version = storyB.corpus.version;
    clock.advance(MIN);
    await b.service.pollDue();
    expect(storyB.corpus.version).toBe(version);

    // The publisher edits one item and rewrites another so it is no longer about the story.
    server.route('/feed', {
      body: rss('Example Tech', [
        { ...items[0]!, title: 'Andrej Karpathy joins Anthropic to speed up pre-training' },
        items[1]!,
        { ...items[2]!, title: 'Interview: what bread means now', description: 'A baker explains sourdough.' },
      ]),
    });
    clock.advance(10 * MIN);
    expect(await a.service.pollDue()).toEqual([expect.objectContaining({ status: 'ok', new: 0 })]);
    clock.advance(MIN);
    expect(await b.service.pollDue()).toHaveLength(0);
    expect(titles(storyB)).toEqual(['Andrej Karpathy joins Anthropic to speed up pre-training']);
    expect(titles(storyA)).toEqual(titles(storyB));
  });

  test('a replica whose lease expired and was taken over stores nothing of its late poll and leaves the feed state alone', async () => {
    // The first request hangs until released; later ones answer at once with an edited feed.
    let release: (() => void) | undefined;
    let requests = 0;
    server.route('/feed', () => {
      requests++;
      if (requests === 1) {
        return {
          stream: (res) => {
            release = () => res.writeHead(200, { 'content-type': 'application/xml' }).end(rss('Example Tech', [{ ...items[0]!, title: 'Andrej Karpathy joins Anthropic (late copy)' }]));
          },
        };
      }
      return { body: rss('Example Tech', items), headers: { etag: '"fresh"' } };
    });
    const storyA = karpathyStory();
    const storyB = karpathyStory();
    const a = replica(storyA, 'replica-a');
    const b = replica(storyB, 'replica-b');
    await a.store.addFeed({ id: 'feed1', storyId: 'karpathy', url: server.url('/feed'), include: [], exclude: [], origin: 'cli', publicOnly: false }, clock.now().toISOString());

    const slow = a.service.pollDue();
    while (!release) await new Promise((resolve) => setImmediate(resolve));
    // A's lease (5 min) runs out; B takes the feed over and polls it.
    clock.advance(6 * MIN);
    expect(await b.service.pollDue()).toEqual([expect.objectContaining({ status: 'ok', new: 3, relevant: 2 })]);
    const afterB = (await b.store.getFeed('feed1'))!;
    expect(afterB).toMatchObject({ etag: '"fresh"', lease_owner: null, item_count: 3 });

    release();
    const [late] = await slow;
    expect(late).toMatchObject({ status: 'ok', new: 0, relevant: 0, superseded: true });
    // B's poll stands: the feed row, the stored items and A's corpus are as B left them.
    expect(await b.store.getFeed('feed1')).toEqual(afterB);
    const stored = await database.db.selectFrom('feed_items').select('title').orderBy('title').execute();
    expect(stored.map((r) => r.title)).toEqual(['Andrej Karpathy joins Anthropic', 'Interview: what pre-training means now']);
    expect(titles(storyA)).toEqual(['Andrej Karpathy joins Anthropic', 'Interview: what pre-training means now']);
  });

  test('a failed poll under a lost lease does not overwrite the new owner\'s record either', async () => {
    const a = replica(karpathyStory(), 'replica-a');
    const now = clock.now();
    await a.store.addFeed({ id: 'feed1', storyId: 'karpathy', url: server.url('/feed'), include: [], exclude: [], origin: 'cli', publicOnly: false }, now.toISOString());
    const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
    expect(await a.store.claimFeed('feed1', 'replica-a', iso(0), iso(5 * MIN))).toBe(true);
    expect(await a.store.claimFeed('feed1', 'replica-b', iso(6 * MIN), iso(11 * MIN))).toBe(true);
    const late = await a.store.recordPoll('feed1', { at: iso(7 * MIN), ok: false, errorKind: 'timeout', errorMessage: 'slow', consecutiveFailures: 10, nextPollAt: iso(60 * MIN), pause: true, leaseOwner: 'replica-a' });
    expect(late).toEqual({ written: false, paused: false });
    expect(await a.store.getFeed('feed1')).toMatchObject({ status: 'active', consecutive_failures: 0, lease_owner: 'replica-b', last_error_kind: null });
    const own = await a.store.recordPoll('feed1', { at: iso(7 * MIN), ok: true, consecutiveFailures: 0, nextPollAt: iso(17 * MIN), leaseOwner: 'replica-b' });
    expect(own).toEqual({ written: true, paused: false });
    expect(await a.store.getFeed('feed1')).toMatchObject({ lease_owner: null, lease_until: null, next_poll_at: iso(17 * MIN) });
  });
});
