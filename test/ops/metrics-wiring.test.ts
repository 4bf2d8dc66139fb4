import fs from 'node:fs';
import { ManualClock } from '../../src/clock';
import { DeliveryError } from '../../src/delivery/channel-sender';
import { PrometheusMetrics } from '../../src/ops/prometheus-metrics';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { FeedsFeature } from '../../src/feeds/feeds-feature';
import type { DigestsFeature } from '../../src/digests/digests-feature';
import { createTestNewsdesk, tempDir, adminCaller } from '../support/test-newsdesk';
import { FakeFeedServer } from '../support/fake-feed-server';
import { rss } from '../feeds/feed-kit';
import { MemoryDevelopmentSource, development } from '../digests/digest-harness';
import { offlineStoriesDir } from '../replicas/support/offline-stories';

// What operators see on /metrics when the bot works: the core's features report into the
// metrics port they get from the composition root.
describe('metrics reported by the running features', () => {
  let server: FakeFeedServer;
  let dir: string;
  let metrics: PrometheusMetrics;
  let bot: Newsdesk;
  const clock = new ManualClock('2026-05-20T10:00:00Z');

  beforeEach(async () => {
    server = await new FakeFeedServer().start();
    server.route('/good.xml', {
      body: rss('Good Outlet', [{ guid: 'g1', title: 'Andrej Karpathy joins Anthropic to work on pre-training', link: 'https://good.example/1', description: 'Karpathy will report to Nick Joseph.', pubDate: 'Tue, 19 May 2026 17:00:00 GMT' }]),
    });
    dir = tempDir('newsdesk-metrics-');
    const storiesDir = offlineStoriesDir(dir, [
      { url: server.url('/good.xml'), outlet: 'Good Outlet' },
      { url: server.url('/missing.xml'), outlet: 'Gone Outlet' },
    ]);
    metrics = new PrometheusMetrics({ processMetrics: false });
    bot = await createTestNewsdesk({ STORIES_DIR: storiesDir, FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' }, { metrics, clock });
  });

  afterEach(async () => {
    await bot.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts commands by subcommand and outcome in the latency histogram', async () => {
    await bot.handleCommand('karpathy', 'sources', adminCaller, { platform: 'slack', channelId: 'C-1' });
    await bot.handleCommand('karpathy', 'sources', adminCaller, { platform: 'slack', channelId: 'C-1' });
    const text = await metrics.render();
    expect(text).toContain('newsdesk_command_duration_seconds_count{command="sources",outcome="ok"} 2');
  });

  it('reports feeds ok and failing, and items ingested', async () => {
    const feeds = bot.feature<FeedsFeature>('feeds')!;
    await feeds.service.syncStoryFeeds();
    await feeds.service.pollDue();
    const text = await metrics.render();
    expect(text).toContain('newsdesk_feeds{state="ok"} 1');
    expect(text).toContain('newsdesk_feeds{state="failing"} 1');
    expect(text).toContain('newsdesk_items_ingested_total{story="karpathy"} 1');
  });

  it('counts digests delivered and failed delivery attempts', async () => {
    const digests = bot.feature<DigestsFeature>('digests')!;
    const source = new MemoryDevelopmentSource();
    source.add(development('2026-05-20T09:00:00Z', ['TechCrunch'], { id: 'joins', headline: 'Karpathy moves to Anthropic' }));
    digests.addDevelopmentSource(source);
    let failNext = true;
    bot.registerSender({
      platform: 'slack',
      async send() {
        if (failNext) {
          failNext = false;
          throw new DeliveryError('transient', 'Slack answered 503');
        }
      },
    });
    for (const channelId of ['C-1', 'C-2']) {
      expect((await bot.handleCommand('karpathy', 'subscribe 08:00 Europe/Berlin', adminCaller, { platform: 'slack', channelId })).isError).toBeFalsy();
    }
    clock.set('2026-05-21T06:00:00Z');
    await digests.scheduler.tick();
    let text = await metrics.render();
    expect(text).toContain('newsdesk_digests_failed_total{platform="slack",kind="transient"} 1');
    expect(text).toContain('newsdesk_digests_delivered_total{platform="slack"} 1');
    clock.set('2026-05-21T06:30:00Z'); // past the retry backoff
    await digests.scheduler.tick();
    text = await metrics.render();
    expect(text).toContain('newsdesk_digests_delivered_total{platform="slack"} 2');
  });
});
