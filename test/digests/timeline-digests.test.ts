import { ManualClock } from '../../src/clock';
import { buildArticle } from '../../src/corpus/build-article';
import type { FeedsFeature } from '../../src/feeds/feeds-feature';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { FakeFeedServer } from '../support/fake-feed-server';
import { rss } from '../feeds/feed-kit';
import {
  MemoryDevelopmentSource,
  ScriptedSender,
  admin,
  channel,
  createSharedStore,
  startProcess,
  type DigestProcess,
  type SharedStore,
} from './digest-harness';

// 08:00 in Berlin is 06:00 UTC in May.
const SUBSCRIBED = '2026-05-21T10:00:00Z';
const FIRST_DUE = '2026-05-22T06:00:30Z';
const SECOND_DUE = '2026-05-23T06:00:30Z';
const THIRD_DUE = '2026-05-24T06:00:30Z';

/** Item lines of a rendered digest ("- 2026-05-19  ..."). */
const itemLines = (text: string) => text.split('\n').filter((l) => l.startsWith('- '));

describe('digests of a story whose only news is its articles\' timeline', () => {
  let store: SharedStore;
  let clock: ManualClock;
  let sender: ScriptedSender;
  let p: DigestProcess;
  let server: FakeFeedServer | undefined;

  beforeEach(async () => {
    store = await createSharedStore();
    clock = new ManualClock(SUBSCRIBED);
    sender = new ScriptedSender();
    // No feed clusters at all: a fresh install, or offline.
    p = await startProcess(store, clock, new MemoryDevelopmentSource(), sender, { DIGEST_WHEN_EMPTY: 'note', FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' }, 'bundled');
    expect((await p.bot.handleCommand('karpathy', 'subscribe 08:00 Europe/Berlin', admin, channel)).isError).toBeFalsy();
  });

  afterEach(async () => {
    await p.bot.close();
    await store.dispose();
    if (server) await server.close();
    server = undefined;
  });

  async function deliver(at: string): Promise<string> {
    const before = sender.delivered.length;
    clock.set(at);
    await p.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(before + 1);
    return renderPlainText(sender.delivered[before]!.reply);
  }

  it('catches up with dated events and their outlets, within the budget, then never repeats them', async () => {
    const catchUp = await deliver(FIRST_DUE);
    expect(catchUp).toMatch(/^Andrej Karpathy joins Anthropic: the story so far/);
    expect(catchUp.length).toBeLessThanOrEqual(1200);
    const lines = itemLines(catchUp);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(5);
    // Each line: a date as precise as the articles give it, the event, and its outlets.
    for (const line of lines) expect(line).toMatch(/^- \d{4}(-\d{2}){0,2} {2}.+ \([^)]+\)$/);
    // The most reported recent event leads: Karpathy's move to Anthropic, told by several outlets.
    expect(lines[0]).toMatch(/^- 2026-05-\d{2} {2}.*Anthropic.*\(.+ \+\d+\)$/);
    // Old history (his birth, 1986) does not crowd out what happened lately.
    expect(catchUp).not.toMatch(/1986/);
    expect(catchUp).toMatch(/\+\d+ more\. See \/karpathy latest or \/karpathy timeline for more\./);

    // The corpus holds nothing new: the next days say so instead of repeating the catch-up.
    const second = await deliver(SECOND_DUE);
    expect(second).toMatch(/Nothing new in the story since 2026-05-22 06:00 UTC/);
    expect(itemLines(second)).toHaveLength(0);
    expect(await deliver(THIRD_DUE)).toMatch(/Nothing new/);
  });

  it('tells an event of a newly added article in the next digest, once', async () => {
    await deliver(FIRST_DUE);
    clock.set('2026-05-22T15:00:00Z');
    const story = p.bot.story('karpathy');
    story.corpus.upsert([
      buildArticle({
        id: 'added-course-launch',
        outlet: 'Example Weekly',
        title: 'Karpathy opens his first Anthropic reading group',
        published: '2026-05-22',
        origin: 'folder',
        body: 'On May 22, 2026 Karpathy opened a weekly pre-training reading group for Anthropic researchers.',
      }),
    ]);
    const next = await deliver(SECOND_DUE);
    expect(next).toMatch(/digest for 2026-05-23/);
    expect(itemLines(next)).toEqual([expect.stringMatching(/^- 2026-05-22 {2}.*reading group.*\(Example Weekly\)$/)]);
    expect(await deliver(THIRD_DUE)).toMatch(/Nothing new/);
  });

  it('shows a newly polled feed item once: as its cluster, not again as the timeline event taken from it', async () => {
    await deliver(FIRST_DUE);
    server = await new FakeFeedServer().start();
    const item = {
      guid: 'reading-group',
      title: 'Karpathy starts a pre-training reading group at Anthropic',
      link: 'https://news.example/reading-group',
      description: 'On May 22, 2026 Andrej Karpathy opened a weekly pre-training reading group for Anthropic researchers.',
      pubDate: 'Fri, 22 May 2026 14:00:00 GMT',
    };
    server.route('/one.xml', { body: rss('Outlet One', [item]) });
    server.route('/two.xml', { body: rss('Outlet Two', [{ ...item, guid: 'rg-2', link: 'https://two.example/reading-group' }]) });
    clock.set('2026-05-22T15:00:00Z');
    const feeds = p.bot.feature<FeedsFeature>('feeds')!;
    await feeds.service.pollNow('karpathy', [server.url('/one.xml'), server.url('/two.xml')]);

    // The timeline has the event from the feed items ...
    const timeline = renderPlainText(await p.bot.handleCommand('karpathy', 'timeline 2026-05-22', admin, channel));
    expect(timeline).toMatch(/reading group/);

    // ... but the digest tells the development once, with both outlets.
    const next = await deliver(SECOND_DUE);
    const lines = itemLines(next);
    expect(lines.filter((l) => /reading group/i.test(l))).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\(Outlet One \+1\)/);
    expect(await deliver(THIRD_DUE)).toMatch(/Nothing new/);
  });
});
