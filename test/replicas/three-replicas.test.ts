import fs from 'node:fs';
import { ManualClock } from '../../src/clock';
import type { ChannelSender } from '../../src/delivery/channel-sender';
import type { Reply } from '../../src/reply/reply';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { createTestSchema, describeWithPostgres, type TestSchema } from '../support/test-database';
import { tempDir } from '../support/test-newsdesk';
import { FakeFeedServer } from '../support/fake-feed-server';
import { rss } from '../feeds/feed-kit';
import { admin } from '../digests/digest-harness';
import { offlineStoriesDir } from './support/offline-stories';
import { startInProcessReplica, outboxRows, type InProcessReplica } from './support/digest-replica';

const MIN = 60_000;
// 08:00 in Berlin is 06:00 UTC in May.
const START = '2026-05-20T05:00:00Z';
const DUE = '2026-05-20T06:00:00Z';
const FEEDS = ['techcrunch', 'verge', 'decoder', 'wired'];
const CHANNELS = ['C-one', 'C-two', 'C-three', 'C-four', 'C-five'];

/** A chat platform that records what each replica posted. */
class RecordingSender implements ChannelSender {
  readonly platform = 'slack' as const;
  readonly posts: Array<{ channelId: string; reply: Reply }> = [];
  async send(channelId: string, reply: Reply): Promise<void> {
    this.posts.push({ channelId, reply });
  }
}

/** Each round is a different development, reported by every outlet. */
const ROUNDS: Record<number, { title: string; text: string; published: string }> = {
  1: { title: "Andrej Karpathy joins Anthropic's pre-training team", text: 'Andrej Karpathy will work with Nick Joseph on using Claude to speed up pre-training research.', published: '2026-05-19T17:00:00Z' },
  2: { title: 'Karpathy publishes his first autoresearch results', text: 'Coding agents ran hundreds of small experiments overnight, Karpathy wrote in a blog post about the results.', published: '2026-05-21T04:00:00Z' },
};

function feedXml(outlet: string, round: number): string {
  const r = ROUNDS[round]!;
  const items = [1, 2].map((n) => ({
    guid: `${outlet}-${round}-${n}`,
    title: n === 1 ? `${r.title} (${outlet})` : `${r.title}: what it means (${outlet})`,
    link: `https://${outlet}.example/${round}/${n}`,
    description: r.text,
    pubDate: new Date(Date.parse(r.published) + n * MIN).toUTCString(),
  }));
  return rss(outlet, items);
}

describeWithPostgres('three replicas on one PostgreSQL act as one bot', () => {
  let schema: TestSchema;
  let server: FakeFeedServer;
  let dir: string;
  let clock: ManualClock;
  let replicas: InProcessReplica[];
  let senders: RecordingSender[];
  let round = 1;

  beforeEach(async () => {
    schema = await createTestSchema();
    server = await new FakeFeedServer().start();
    round = 1;
    for (const f of FEEDS) server.route(`/${f}.xml`, () => ({ body: feedXml(f, round) }));
    dir = tempDir('newsdesk-replicas-');
    const storiesDir = offlineStoriesDir(dir, FEEDS.map((f) => ({ url: server.url(`/${f}.xml`), outlet: f })));
    clock = new ManualClock(START);
    senders = [new RecordingSender(), new RecordingSender(), new RecordingSender()];
    replicas = [];
    for (const sender of senders) {
      // Each replica has its own pool and its own ManualClock view of the same instant.
      const r = await startInProcessReplica(schema, storiesDir, clock, { env: { FEEDS_ALLOW_PRIVATE_NETWORKS: 'true', FEED_POLL_MINUTES: '10', FEED_PER_HOST_CONCURRENCY: '4' } });
      r.bot.registerSender(sender);
      replicas.push(r);
    }
    await Promise.all(replicas.map((r) => r.feeds.service.syncStoryFeeds()));
  });

  afterEach(async () => {
    for (const r of replicas) await r.bot.close();
    await server.close();
    await schema.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const hitsPerFeed = () => FEEDS.map((f) => server.hits(`/${f}.xml`).length);
  const pollAll = () => Promise.all(replicas.map((r) => r.feeds.service.pollDue()));
  const itemCount = async () => Number((await replicas[0]!.bot.context.database.db.selectFrom('feed_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('polls each feed once per interval, whichever replica gets it', async () => {
    const outcomes = (await pollAll()).flat();
    expect(hitsPerFeed()).toEqual([1, 1, 1, 1]);
    expect(outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(await itemCount()).toBe(8);

    // Five minutes on nothing is due (the interval is 10 minutes, ±10%).
    clock.advance(5 * MIN);
    await pollAll();
    await pollAll();
    expect(hitsPerFeed()).toEqual([1, 1, 1, 1]);

    // Past the interval: each feed once more, its new items stored once.
    round = 2;
    clock.advance(7 * MIN);
    await Promise.all([pollAll(), pollAll()]);
    expect(hitsPerFeed()).toEqual([2, 2, 2, 2]);
    expect(await itemCount()).toBe(16);
  });

  it('delivers each day\'s digest once per channel, with the polled developments, however the replicas race', async () => {
    await pollAll();
    for (const c of CHANNELS) {
      const reply = await replicas[CHANNELS.indexOf(c) % 3]!.bot.handleCommand('karpathy', 'subscribe 08:00 Europe/Berlin', admin, { platform: 'slack', channelId: c, workspaceId: 'T-1' });
      expect(reply.isError).toBeFalsy();
    }
    clock.set(DUE);
    await Promise.all(replicas.flatMap((r) => [r.digests.scheduler.tick(), r.digests.scheduler.tick()]));
    await Promise.all(replicas.map((r) => r.digests.scheduler.tick()));
    const first = senders.flatMap((s) => s.posts);
    expect(first.map((p) => p.channelId).sort()).toEqual([...CHANNELS].sort());
    expect(renderPlainText(first[0]!.reply)).toMatch(/Karpathy joins Anthropic's pre-training team/);
    // The work was shared: not every digest went out through one replica (with 5 channels and 3 replicas racing, that is a fair check).
    expect(senders.filter((s) => s.posts.length > 0).length).toBeGreaterThan(1);

    // The next day, after new items: once more per channel.
    round = 2;
    clock.set('2026-05-21T05:00:00Z');
    await pollAll();
    clock.set('2026-05-21T06:00:30Z');
    await Promise.all(replicas.flatMap((r) => [r.digests.scheduler.tick(), r.digests.scheduler.tick()]));
    const all = senders.flatMap((s) => s.posts);
    expect(all).toHaveLength(2 * CHANNELS.length);
    const second = all.filter((p) => !first.includes(p));
    for (const p of second) expect(renderPlainText(p.reply)).toMatch(/first autoresearch results/);
    for (const c of CHANNELS) expect(all.filter((p) => p.channelId === c)).toHaveLength(2);
    const rows = await outboxRows(replicas[0]!);
    expect(rows.filter((r) => r.status === 'delivered')).toHaveLength(2 * CHANNELS.length);
  });

  it('takes over the feed leases of a replica that died mid-poll, once they expire', async () => {
    // The first replica claims every feed, then its fetches hang and it dies (pool gone, no clean stop).
    const hung: Array<() => void> = [];
    for (const f of FEEDS) server.route(`/${f}.xml`, () => ({ stream: (res) => hung.push(() => res.destroy()) }));
    const dying = replicas[0]!;
    const polling = dying.feeds.service.pollDue();
    await waitUntil(() => hung.length === FEEDS.length);
    await dying.bot.context.database.close();
    replicas.shift();

    for (const f of FEEDS) server.route(`/${f}.xml`, () => ({ body: feedXml(f, round) }));
    // A minute later the leases still hold: the survivors poll nothing.
    clock.advance(1 * MIN);
    await pollAll();
    expect(hitsPerFeed()).toEqual([1, 1, 1, 1]);

    // After the 5-minute lease, the survivors share the feeds, each polled once.
    clock.advance(5 * MIN);
    await Promise.all([pollAll(), pollAll()]);
    expect(hitsPerFeed()).toEqual([2, 2, 2, 2]);
    expect(await itemCount()).toBe(8);

    for (const end of hung) end();
    await polling.catch(() => undefined);
    await dying.feeds.stop();
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
