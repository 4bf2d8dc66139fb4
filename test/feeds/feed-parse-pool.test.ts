import path from 'node:path';
import { FeedParsePool } from '../../src/feeds/feed-parse-pool';
import { parseFeedBytes, type FeedBytes } from '../../src/feeds/parse-feed-bytes';
import { FeedError } from '../../src/feeds/feed-error';
import { rss, karpathyStory } from './feed-kit';

/**
 * A worker entry that compiles the TypeScript sources on the fly (tests run from sources,
 * and a worker thread does not get ts-jest's transform), then runs the real parse worker.
 */
const workerScript = path.join(__dirname, 'support', 'ts-parse-worker.js');

const story = karpathyStory();
const judge = { names: { people: story.definition.people, organisations: story.definition.organisations, keywords: story.definition.keywords, ...(story.definition.mainPerson ? { mainPerson: story.definition.mainPerson } : {}) }, include: [], exclude: [] };

function body(xml: string, judged = true): FeedBytes {
  return { body: Buffer.from(xml, 'utf8'), maxBytes: 1024 * 1024, finalUrl: 'https://example.com/feed.xml', nowMs: Date.parse('2026-05-21T08:00:00Z'), ...(judged ? { judge } : {}) };
}

const xml = rss('Example Tech', [
  { guid: 'a1', title: 'Andrej Karpathy joins Anthropic', link: 'https://example.com/a1?utm_source=rss', description: '<p>He will work on pre-training with Nick Joseph.</p>', pubDate: 'Tue, 19 May 2026 17:00:00 GMT' },
  { guid: 'a2', title: 'Bakery wins local award', link: 'https://example.com/a2', description: 'Sourdough, again.', pubDate: 'Tue, 19 May 2026 12:00:00 GMT' },
]);

describe('feed parser worker pool', () => {
  let pool: FeedParsePool;
  beforeEach(() => {
    pool = new FeedParsePool({ size: 2, script: workerScript });
  });
  afterEach(async () => {
    await pool.close();
  });

  test('a worker gives the same items, relevance and terms as parsing in this thread', async () => {
    expect(pool.workers).toBe(2);
    await pool.whenReady();
    const [inWorker, another] = await Promise.all([pool.parse(body(xml)), pool.parse(body(xml))]);
    const here = await parseFeedBytes(body(xml));
    expect(inWorker).toEqual(here);
    expect(another).toEqual(here);
    expect(inWorker.items.map((i) => [i.title, i.link, i.relevance])).toEqual([
      ['Andrej Karpathy joins Anthropic', 'https://example.com/a1', expect.any(Number)],
      ['Bakery wins local award', 'https://example.com/a2', 0],
    ]);
    expect(inWorker.items[0]!.relevance).toBeGreaterThanOrEqual(0.5);
    expect(inWorker.items[0]!.terms?.get('anthropic')).toBeGreaterThan(0);
  });

  test("with the feed's seen list, only the items the store may need come back, as held here", async () => {
    await pool.whenReady();
    const seen = { feedId: 'f1', json: '{}' };
    const inWorker = await pool.parse({ ...body(xml), seen });
    expect(inWorker).toEqual(await parseFeedBytes({ ...body(xml), seen }));
    // The bakery item is new and not about the story: counted, not sent.
    expect(inWorker.digest).toMatchObject({ count: 2, seenOnly: 1 });
    expect(inWorker.items.map((i) => i.title)).toEqual(['Andrej Karpathy joins Anthropic']);
    expect(inWorker.digest!.candidates).toEqual([{ item: inWorker.items[0], id: expect.stringMatching(/^f1-/), known: false, relevance: inWorker.items[0]!.relevance }]);
    // Polled again with the seen list the first poll left: nothing is new or changed.
    const again = await pool.parse({ ...body(xml), seen: { feedId: 'f1', json: inWorker.digest!.seenJson } });
    expect(again.digest).toEqual({ count: 2, candidates: [], seenOnly: 0, seenJson: inWorker.digest!.seenJson });
  });

  test('bad bytes come back as the same classified FeedError', async () => {
    await pool.whenReady();
    const page = body('<!doctype html><html><body>Not a feed</body></html>');
    const error = await pool.parse(page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ kind: 'not-a-feed', message: expect.stringMatching(/web page/) });
  });

  test('while no worker has started yet, bodies are parsed in the calling thread', async () => {
    const starting = new FeedParsePool({ size: 1, script: path.join(__dirname, 'support', 'never-ready-worker.js') });
    try {
      // The worker never gets ready (nor answers): the parse can only come from this thread.
      expect(await starting.parse(body(xml))).toEqual(await parseFeedBytes(body(xml)));
    } finally {
      await starting.close();
    }
  });

  test('after close, bodies are parsed in the calling thread', async () => {
    await pool.close();
    expect((await pool.parse(body(xml, false))).items).toHaveLength(2);
  });
});
