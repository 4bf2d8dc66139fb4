import { ManualClock } from '../../src/clock';
import type { Database } from '../../src/store/database';
import type { StoryRuntime } from '../../src/app/story-runtime';
import type { HttpFeedFetcher } from '../../src/feeds/http-feed-fetcher';
import { backoffMs, PAUSE_AFTER_FAILURES, type FeedPausedEvent } from '../../src/feeds/feed-service';
import { FakeFeedServer } from '../support/fake-feed-server';
import { openTestDatabase } from '../support/test-database';
import { feedService, karpathyStory, rss, type TestItem } from './feed-kit';

const MIN = 60_000;

const items: TestItem[] = [
  { guid: 'a1', title: 'Andrej Karpathy joins Anthropic', link: 'https://example.com/a1?utm_source=rss', description: 'He will work on pre-training with Nick Joseph.', pubDate: 'Tue, 19 May 2026 17:00:00 GMT' },
  { guid: 'a2', title: 'Bakery wins local award', link: 'https://example.com/a2', description: 'Sourdough, again.', pubDate: 'Tue, 19 May 2026 12:00:00 GMT' },
  { guid: 'a3', title: 'Interview: what pre-training means now', link: 'https://example.com/a3', description: 'Karpathy explains why he went back to research at Anthropic.', pubDate: 'Wed, 20 May 2026 09:00:00 GMT' },
];

describe('FeedService', () => {
  let server: FakeFeedServer;
  let database: Database;
  let clock: ManualClock;
  let story: StoryRuntime;
  const fetchers: HttpFeedFetcher[] = [];
  const make = (stories = [story], owner?: string) => {
    const made = feedService(database, clock, stories, owner ? { owner } : {});
    fetchers.push(made.fetcher);
    return made;
  };

  beforeEach(async () => {
    server = await new FakeFeedServer().start();
    database = await openTestDatabase();
    clock = new ManualClock('2026-05-21T08:00:00Z');
    story = karpathyStory();
  });
  afterEach(async () => {
    for (const f of fetchers.splice(0)) f.close();
    await server.close();
    await database.close();
  });

  test('stores items once: a restart or a re-emitted item is not new again; an edit updates the stored item', async () => {
    server.route('/feed', { body: rss('Example Tech', items) });
    const first = make();
    const [outcome] = await first.service.pollNow('karpathy', [server.url('/feed')]);
    expect(outcome).toMatchObject({ status: 'ok', items: 3, new: 3, relevant: 2 });
    // Relevant items are in the corpus at once, as feed articles with canonical links.
    const articles = story.corpus.articles();
    expect(articles.map((a) => a.title).sort()).toEqual(['Andrej Karpathy joins Anthropic', 'Interview: what pre-training means now']);
    expect(articles.find((a) => a.title.startsWith('Andrej'))).toMatchObject({ origin: 'feed', outlet: 'Example Tech', url: 'https://example.com/a1' });

    // A restart: a new service (and a fresh corpus) on the same store.
    const restartedStory = karpathyStory();
    const second = make([restartedStory]);
    expect(await second.service.ingester.loadStoredItems()).toBe(2);
    expect(restartedStory.corpus.articles()).toHaveLength(2);
    const [again] = await second.service.pollNow('karpathy', [server.url('/feed')]);
    expect(again).toMatchObject({ status: 'ok', items: 3, new: 0, relevant: 0 });

    // The publisher edits one item (same guid, new title) and re-emits another with tracking tags.
    const edited = [{ ...items[0]!, title: 'Andrej Karpathy joins Anthropic to speed up pre-training' }, { ...items[1]!, link: 'https://example.com/a2?utm_campaign=x' }, items[2]!];
    server.route('/feed', { body: rss('Example Tech', edited) });
    const [afterEdit] = await second.service.pollNow('karpathy', [server.url('/feed')]);
    expect(afterEdit).toMatchObject({ new: 0 });
    const titles = restartedStory.corpus.articles().map((a) => a.title);
    expect(titles).toContain('Andrej Karpathy joins Anthropic to speed up pre-training');
    expect(titles).not.toContain('Andrej Karpathy joins Anthropic');
    // Items about the story are stored (the edit kept its first-seen time); the others are
    // only remembered as seen, and counted.
    const rows = await database.db.selectFrom('feed_items').select(['title', 'first_seen_at']).orderBy('title').execute();
    expect(rows).toEqual([
      { title: 'Andrej Karpathy joins Anthropic to speed up pre-training', first_seen_at: '2026-05-21T08:00:00.000Z' },
      { title: 'Interview: what pre-training means now', first_seen_at: '2026-05-21T08:00:00.000Z' },
    ]);
    expect((await second.service.listFeeds('karpathy'))[0]).toMatchObject({ itemCount: 3, relevantCount: 2 });
  });

  test('conditional GET: the second poll sends the validators and a 304 is "not-modified"', async () => {
    server.route('/feed', (req) => (req.headers['if-none-match'] === '"e1"' ? { status: 304 } : { body: rss('Example Tech', items), headers: { etag: '"e1"' } }));
    const { service } = make();
    await service.pollNow('karpathy', [server.url('/feed')]);
    const [second] = await service.pollNow('karpathy', [server.url('/feed')]);
    expect(second).toMatchObject({ status: 'not-modified', new: 0 });
    expect(server.hits('/feed')[1]!.headers['if-none-match']).toBe('"e1"');
  });

  test('polls on the interval, backs off 5 min x 2^n on failures, pauses after 10 and tells listeners once; resume polls again', async () => {
    let healthy = true;
    server.route('/feed', () => (healthy ? { body: rss('Example Tech', items) } : { status: 503, body: 'down' }));
    const { service, store } = make();
    const events: FeedPausedEvent[] = [];
    service.onFeedPaused((e) => void events.push(e));
    await service.pollNow('karpathy', [server.url('/feed')]);
    const id = (await store.storyFeeds('karpathy'))[0]!.id;

    // Not due before the interval (10 min; the test's jitter is exactly the middle).
    clock.advance(9 * MIN);
    expect(await service.pollDue()).toHaveLength(0);
    clock.advance(1 * MIN);
    expect(await service.pollDue()).toEqual([expect.objectContaining({ status: 'ok', new: 0 })]);

    healthy = false;
    const delays: number[] = [];
    for (let n = 1; n <= PAUSE_AFTER_FAILURES; n++) {
      clock.advance(backoffMs(Math.max(1, n - 1)) + (n === 1 ? 10 * MIN : 0));
      const outcomes = await service.pollDue();
      expect(outcomes).toEqual([expect.objectContaining({ status: 'error', error: { kind: 'http-status', message: expect.stringContaining('503') } })]);
      const feed = (await store.getFeed(id))!;
      delays.push(Date.parse(feed.next_poll_at!) - clock.now().getTime());
    }
    expect(delays.slice(0, 4)).toEqual([5 * MIN, 10 * MIN, 20 * MIN, 40 * MIN]);
    expect(delays[9]).toBe(6 * 60 * MIN);
    expect((await store.getFeed(id))!.status).toBe('paused');
    expect(events).toHaveLength(1);
    expect(events[0]!.message).toMatch(/stopped checking the Example Tech feed .* failed 10 times in a row, .*503.*\/karpathy feeds resume/);

    // Paused: no more polls, however long we wait, and no second notice.
    clock.advance(24 * 60 * MIN);
    expect(await service.pollDue()).toHaveLength(0);
    expect(events).toHaveLength(1);

    healthy = true;
    expect(await service.resumeFeed('karpathy', id)).toMatchObject({ status: 'ok' });
    expect((await store.getFeed(id))!).toMatchObject({ status: 'active', consecutive_failures: 0, last_error_message: null });
  });

  test('a paused feed resumes when a manual poll succeeds', async () => {
    server.route('/feed', { status: 500 });
    const { service, store } = make();
    await service.pollNow('karpathy', [server.url('/feed')]);
    const id = (await store.storyFeeds('karpathy'))[0]!.id;
    for (let n = 0; n < PAUSE_AFTER_FAILURES; n++) {
      clock.advance(7 * 60 * MIN);
      await service.pollDue();
    }
    expect((await store.getFeed(id))!.status).toBe('paused');
    server.route('/feed', { body: rss('Example Tech', items) });
    await service.pollNow('karpathy');
    expect((await store.getFeed(id))!.status).toBe('active');
  });

  test('two replicas polling at the same moment fetch each due feed exactly once', async () => {
    const paths = ['/f1', '/f2', '/f3', '/f4', '/f5'];
    for (const p of paths) server.route(p, { body: rss(`Outlet ${p}`, items.map((i) => ({ ...i, guid: `${p}-${i.guid}` }))) });
    const a = make([story], 'replica-a');
    const b = make([karpathyStory()], 'replica-b');
    for (const p of paths) await a.store.addFeed({ id: `feed${p.slice(2)}`, storyId: 'karpathy', url: server.url(p), include: [], exclude: [], origin: 'cli', publicOnly: false }, clock.now().toISOString());
    const [fromA, fromB] = await Promise.all([a.service.pollDue(), b.service.pollDue()]);
    expect(fromA.length + fromB.length).toBe(paths.length);
    for (const p of paths) expect(server.hits(p)).toHaveLength(1);
    expect(await database.db.selectFrom('feed_items').select('id').execute()).toHaveLength(10);
    expect((await a.service.listFeeds('karpathy')).map((f) => f.itemCount)).toEqual([3, 3, 3, 3, 3]);
  });

  test('per-feed include/exclude rules keep items out of the story', async () => {
    server.route('/feed', { body: rss('Example Tech', items) });
    const { service, store } = make();
    await store.addFeed({ id: 'filtered', storyId: 'karpathy', url: server.url('/feed'), include: [], exclude: ['/\\binterview\\b/i'], origin: 'cli', publicOnly: false }, clock.now().toISOString());
    const [outcome] = await service.pollDue();
    expect(outcome).toMatchObject({ new: 3, relevant: 1 });
  });

  test('feeds the bot cannot reach are recorded with the reason, and listed', async () => {
    const { service } = make();
    const [outcome] = await service.pollNow('karpathy', ['http://127.0.0.1:9/feed.xml']);
    expect(outcome).toMatchObject({ status: 'error', error: { kind: 'network' } });
    const [listed] = await service.listFeeds('karpathy');
    expect(listed).toMatchObject({ last_error_kind: 'network', consecutive_failures: 1, itemCount: 0 });
    expect(listed!.last_error_message).toMatch(/refused the connection/);
  });
});
