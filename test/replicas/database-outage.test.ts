import fs from 'node:fs';
import { ManualClock } from '../../src/clock';
import { Readiness } from '../../src/ops/readiness';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { createPostgresDatabase } from '../../src/store/postgres-database';
import type { Database } from '../../src/store/database';
import { createTestSchema, describeWithPostgres, testPostgresUrl, type TestSchema } from '../support/test-database';
import { tempDir } from '../support/test-newsdesk';
import { FakeFeedServer } from '../support/fake-feed-server';
import { rss } from '../feeds/feed-kit';
import { MemoryDevelopmentSource, admin, development, member } from '../digests/digest-harness';
import type { ChannelSender } from '../../src/delivery/channel-sender';
import type { Reply } from '../../src/reply/reply';
import { CuttableProxy } from './support/cuttable-proxy';
import { offlineStoriesDir } from './support/offline-stories';
import { startInProcessReplica, type InProcessReplica } from './support/digest-replica';

const MIN = 60_000;
const channel = { platform: 'slack' as const, channelId: 'C-news', workspaceId: 'T-1' };

const before = [
  { guid: 'joins', title: 'Andrej Karpathy joins Anthropic to work on pre-training', link: 'https://outlet.example/joins', description: 'Karpathy will report to Nick Joseph on the pre-training team.', pubDate: 'Tue, 19 May 2026 17:00:00 GMT' },
];
const during = [
  ...before,
  { guid: 'first-week', title: 'Karpathy describes his first week at Anthropic', link: 'https://outlet.example/first-week', description: 'Andrej Karpathy says the team already runs experiments written by Claude.', pubDate: 'Tue, 26 May 2026 09:00:00 GMT' },
  { guid: 'eureka', title: 'What happens to Eureka Labs now that Karpathy is at Anthropic', link: 'https://outlet.example/eureka', description: 'Karpathy says the education start-up continues without him day to day.', pubDate: 'Tue, 26 May 2026 10:00:00 GMT' },
];

describeWithPostgres('the database unreachable for a while', () => {
  let schema: TestSchema;
  let proxy: CuttableProxy;
  let server: FakeFeedServer;
  let dir: string;
  let replica: InProcessReplica;
  let direct: Database;
  let storiesDir: string;
  let source: MemoryDevelopmentSource;

  beforeEach(async () => {
    schema = await createTestSchema();
    const target = new URL(testPostgresUrl);
    proxy = await CuttableProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    server = await new FakeFeedServer().start();
    dir = tempDir('newsdesk-outage-');
    // The replica reaches PostgreSQL only through the proxy; the test checks the store directly.
    storiesDir = offlineStoriesDir(dir, [{ url: server.url('/outlet.xml'), outlet: 'Outlet' }]);
    source = new MemoryDevelopmentSource();
    source.add(development('2026-05-26T10:00:00Z', ['Outlet'], { id: 'first-week', headline: 'Karpathy describes his first week at Anthropic' }));
    replica = await startInProcessReplica({ ...schema, url: proxy.route(schema.url) }, storiesDir, new ManualClock('2026-05-26T12:00:00Z'), {
      source,
      env: { FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' },
      pool: { connectTimeoutMs: 1000, queryTimeoutMs: 3000 },
    });
    direct = await createPostgresDatabase(schema.url, { maxConnections: 1 });
  });

  afterEach(async () => {
    proxy.restore();
    await replica.bot.close();
    await direct.close();
    await proxy.close();
    await server.close();
    await schema.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const storedItems = async () => (await direct.db.selectFrom('feed_items').select(['item_key']).orderBy('item_key').execute()).map((r) => r.item_key.replace(/^g:/, ''));

  it('keeps answering commands, retries the writes, and loses no item fetched during the outage', async () => {
    const readiness = new Readiness(2000);
    readiness.add('database', () => replica.bot.context.database.ping());
    server.route('/outlet.xml', { body: rss('Outlet', before) });
    await replica.feeds.service.syncStoryFeeds();
    await replica.feeds.service.pollDue();
    expect(await storedItems()).toEqual(['joins']);

    // The next poll fetches two new items; the database goes away the moment the feed answers.
    server.route('/outlet.xml', () => {
      proxy.cut();
      return { body: rss('Outlet', during) };
    });
    (replica.bot.context.clock as ManualClock).advance(15 * MIN);
    const polling = replica.feeds.service.pollDue();
    while (server.hits('/outlet.xml').length < 2) await new Promise((r) => setTimeout(r, 20));

    // While it is away: not ready, but commands that need only the in-memory story are answered.
    expect(await readiness.evaluate()).toEqual({ ready: false, checks: { database: false } });
    const timeline = await replica.bot.handleCommand('karpathy', 'timeline', member, channel);
    expect(timeline.isError).toBeFalsy();
    expect(renderPlainText(timeline)).toMatch(/Karpathy/);
    const answer = await replica.bot.handleMention('who leads the pre-training team?', member, channel);
    expect(answer.isError).toBeFalsy();
    expect(renderPlainText(answer)).toMatch(/Nick Joseph/);
    for (const command of ['help', 'who Nick Joseph', 'quotes']) {
      const reply = await replica.bot.handleCommand('karpathy', command, member, channel);
      expect({ command, isError: reply.isError ?? false }).toEqual({ command, isError: false });
    }

    // Two seconds later nothing is written yet: the poll holds its items and keeps retrying.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await storedItems()).toEqual(['joins']);

    // The database comes back: the held items are written, once, and the poll is recorded as a success.
    proxy.restore();
    const outcomes = await polling;
    expect(outcomes).toEqual([expect.objectContaining({ status: 'ok', items: 3, new: 2 })]);
    expect(await storedItems()).toEqual(['eureka', 'first-week', 'joins']);
    const feed = await direct.db.selectFrom('feeds').select(['last_success_at', 'consecutive_failures', 'lease_owner']).executeTakeFirstOrThrow();
    expect(feed).toEqual({ last_success_at: '2026-05-26T12:15:00.000Z', consecutive_failures: 0, lease_owner: null });
    expect(replica.bot.story().corpus.articles().map((a) => a.title)).toEqual(
      expect.arrayContaining(['Karpathy describes his first week at Anthropic', 'What happens to Eureka Labs now that Karpathy is at Anthropic']),
    );
    expect(await readiness.evaluate()).toEqual({ ready: true, checks: { database: true } });
  }, 30000);

  it('a digest the platform accepted just before the database went away is recorded when it returns, not sent twice', async () => {
    const posts: Array<{ channelId: string; reply: Reply }> = [];
    const sender: ChannelSender = {
      platform: 'slack',
      async send(channelId, reply) {
        posts.push({ channelId, reply });
        proxy.cut(); // the platform has the post; the database goes away before it is recorded
      },
    };
    replica.bot.registerSender(sender);
    const clock = replica.bot.context.clock as ManualClock;
    expect((await replica.bot.handleCommand('karpathy', 'subscribe 08:00 Europe/Berlin', admin, channel)).isError).toBeFalsy();
    clock.set('2026-05-27T06:00:00Z');
    const ticking = replica.digests.scheduler.tick();
    while (posts.length === 0) await new Promise((r) => setTimeout(r, 20));

    await new Promise((r) => setTimeout(r, 2000));
    const pending = await direct.db.selectFrom('digest_outbox').select(['status', 'claim_owner']).executeTakeFirstOrThrow();
    expect(pending.status).toBe('pending');
    expect(pending.claim_owner).not.toBeNull();

    proxy.restore();
    await ticking;
    expect(await direct.db.selectFrom('digest_outbox').select(['status', 'claim_owner']).execute()).toEqual([{ status: 'delivered', claim_owner: null }]);

    // Another replica, long after the claim would have ended, finds nothing to send.
    const other = await startInProcessReplica(schema, storiesDir, new ManualClock('2026-05-27T06:30:00Z'), { source });
    try {
      const otherPosts: string[] = [];
      other.bot.registerSender({ platform: 'slack', send: async (c) => void otherPosts.push(c) });
      await other.digests.scheduler.tick();
      expect(otherPosts).toEqual([]);
    } finally {
      await other.bot.close();
    }
    expect(posts.map((p) => p.channelId)).toEqual(['C-news']);
    expect(renderPlainText(posts[0]!.reply)).toMatch(/first week at Anthropic/);
  }, 30000);
});
