import { ManualClock } from '../../src/clock';
import type { Database } from '../../src/store/database';
import type { HttpFeedFetcher } from '../../src/feeds/http-feed-fetcher';
import { FeedDevelopmentSource } from '../../src/feeds/feed-development-source';
import { KyselyFeedStore } from '../../src/feeds/kysely-feed-store';
import { createLatestCommand } from '../../src/feeds/latest-command';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { FakeFeedServer } from '../support/fake-feed-server';
import { openTestDatabase } from '../support/test-database';
import { feedService, karpathyStory, rss, type TestItem } from './feed-kit';

/**
 * Two outlets report the same developments in their own words, on the same day, with the
 * same names and figures, next to unrelated news. Each development must come out once, with
 * both outlets; the unrelated news must not come out at all.
 */
const dailyTech: TestItem[] = [
  {
    guid: 'dt-1',
    title: 'Andrej Karpathy joins Anthropic to work on pre-training',
    link: 'https://dailytech.example/karpathy-anthropic',
    description: 'The OpenAI co-founder and former Tesla AI director will build a team under Nick Joseph that uses Claude to speed up pre-training research, Anthropic confirmed on Tuesday.',
    pubDate: 'Tue, 19 May 2026 17:10:00 GMT',
  },
  {
    guid: 'dt-2',
    title: 'Anthropic files for IPO weeks after Karpathy hire, at a $965 billion valuation',
    link: 'https://dailytech.example/anthropic-ipo',
    description: 'Anthropic has filed confidentially for a US listing. Its last round valued it at $965 billion, above OpenAI; the Karpathy hire is seen as a signal to investors.',
    pubDate: 'Wed, 20 May 2026 09:30:00 GMT',
  },
  { guid: 'dt-3', title: 'Apple unveils a thinner iPhone', link: 'https://dailytech.example/iphone', description: 'The phone is 5.1 mm thick and ships in September.', pubDate: 'Wed, 20 May 2026 16:00:00 GMT' },
  { guid: 'dt-4', title: 'OpenAI and Google race to ship new coding models', link: 'https://dailytech.example/coding-models', description: 'Both companies showed agents that write and test code.', pubDate: 'Wed, 20 May 2026 18:00:00 GMT' },
];

const aiWeekly: TestItem[] = [
  {
    guid: 'https://aiweekly.example/p/1',
    title: 'Anthropic hires Karpathy: Claude will help train the next Claude',
    link: 'https://aiweekly.example/p/1?utm_source=rss',
    description: 'Karpathy, who co-founded OpenAI and led AI at Tesla, is now on the pre-training team led by Nick Joseph, where he will set up a group applying Claude to pre-training research.',
    pubDate: 'Tue, 19 May 2026 19:45:00 GMT',
  },
  {
    guid: 'https://aiweekly.example/p/2',
    title: 'Confidential IPO filing: Anthropic, valued at $965 billion, heads for the market',
    link: 'https://aiweekly.example/p/2',
    description: 'The filing follows Karpathy joining the company; the $965 billion valuation briefly put Anthropic ahead of OpenAI in private markets.',
    pubDate: 'Wed, 20 May 2026 11:00:00 GMT',
  },
  { guid: 'https://aiweekly.example/p/3', title: 'Bitcoin climbs past $150,000', link: 'https://aiweekly.example/p/3', description: 'Crypto markets rallied on Wednesday.', pubDate: 'Wed, 20 May 2026 12:00:00 GMT' },
  {
    guid: 'https://aiweekly.example/p/4',
    title: 'Karpathy posts a long thread on vibe coding habits',
    link: 'https://aiweekly.example/p/4',
    description: 'In a thread on X he listed 12 habits he uses when vibe coding with agents.',
    pubDate: 'Thu, 21 May 2026 06:00:00 GMT',
  },
];

describe('same-development clustering across feeds', () => {
  let server: FakeFeedServer;
  let database: Database;
  let fetcher: HttpFeedFetcher;

  beforeEach(async () => {
    server = await new FakeFeedServer().start();
    server.route('/daily.xml', { body: rss('Daily Tech', dailyTech) });
    server.route('/weekly.xml', { body: rss('AI Weekly', aiWeekly) });
    database = await openTestDatabase();
  });
  afterEach(async () => {
    fetcher?.close();
    await server.close();
    await database.close();
  });

  test('relevant developments appear once each with both outlets; unrelated news is left out', async () => {
    const clock = new ManualClock('2026-05-21T08:00:00Z');
    const story = karpathyStory();
    const made = feedService(database, clock, [story]);
    fetcher = made.fetcher;
    const outcomes = await made.service.pollNow('karpathy', [server.url('/daily.xml'), server.url('/weekly.xml')]);
    expect(outcomes.map((o) => [o.status, o.new, o.relevant])).toEqual([
      ['ok', 4, 2],
      ['ok', 4, 3],
    ]);

    const source = new FeedDevelopmentSource(new KyselyFeedStore(database.db));
    const developments = await source.listDevelopments('karpathy', { until: clock.now() });
    const summary = developments.map((d) => ({ outlets: d.sources.map((s) => s.outlet).sort(), headline: d.headline }));
    expect(summary).toHaveLength(3);
    const joined = developments.find((d) => /joins|hires/.test(d.headline))!;
    const ipo = developments.find((d) => /IPO/.test(d.headline))!;
    const thread = developments.find((d) => /vibe coding/.test(d.headline))!;
    expect(joined.sources.map((s) => s.outlet).sort()).toEqual(['AI Weekly', 'Daily Tech']);
    expect(ipo.sources.map((s) => s.outlet).sort()).toEqual(['AI Weekly', 'Daily Tech']);
    expect(thread.sources.map((s) => s.outlet)).toEqual(['AI Weekly']);
    expect(joined.sources.find((s) => s.outlet === 'AI Weekly')!.url).toBe('https://aiweekly.example/p/1');
    // Newest first; plain one-sentence summaries.
    expect(developments.map((d) => d.id)).toEqual([thread.id, ipo.id, joined.id]);
    for (const d of developments) expect(d.summary).not.toMatch(/<|\n/);
    const everything = JSON.stringify(developments);
    for (const unrelated of ['iPhone', 'Bitcoin', 'coding models']) expect(everything).not.toContain(unrelated);

    // The ids are stable: a later poll of a third outlet joins an existing development.
    server.route('/third.xml', {
      body: rss('Model Times', [
        {
          guid: 'mt-1',
          title: 'Karpathy heads to Anthropic pre-training team under Nick Joseph',
          description: 'Claude will be used to accelerate pre-training research, the company said.',
          pubDate: 'Wed, 20 May 2026 07:00:00 GMT',
          link: 'https://modeltimes.example/k',
        },
      ]),
    });
    clock.advance(60 * 60 * 1000);
    await made.service.pollNow('karpathy', [server.url('/third.xml')]);
    const later = await source.listDevelopments('karpathy', { until: clock.now() });
    expect(later).toHaveLength(3);
    expect(later.find((d) => d.id === joined.id)!.sources.map((s) => s.outlet).sort()).toEqual(['AI Weekly', 'Daily Tech', 'Model Times']);

    // `latest` shows them clustered, with outlets.
    const reply = await createLatestCommand(story, source, clock).run({ sub: 'latest', args: ['2'], text: '2', caller: { id: 'u', isAdmin: false }, conversation: { platform: 'console', channelId: 'c' } });
    const text = renderPlainText(reply, { links: false });
    expect(text).toMatch(/vibe coding.*\(AI Weekly\)/);
    expect(text).toMatch(/IPO.*\((Daily Tech|AI Weekly) \+1\)/);
    expect(text).toMatch(/\+1 more/);
    // Reading only the newest two gives the same two, in the same order, as listing all.
    const newest = await source.newestDevelopments('karpathy', clock.now(), 2);
    expect(newest.total).toBe(3);
    expect(newest.developments.map((d) => d.id)).toEqual(later.slice(0, 2).map((d) => d.id));
  });
});
