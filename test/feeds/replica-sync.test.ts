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
});
