import { performance } from 'node:perf_hooks';
import { ManualClock } from '../src/clock';
import type { DigestsFeature } from '../src/digests/digests-feature';
import type { Development, DevelopmentSource } from '../src/developments/development';
import { createSilentLogger } from '../src/logging/logger';
import { startSlack } from '../adapters/slack/start-slack';
import type { DeliveryFigures } from './bench-report';
import { openBenchNewsdesk } from './bench-newsdesk';
import { FakeSlackWebApi } from './fakes/fake-slack-web-api';
import { round } from './percentiles';
import type { Progress } from './progress';

export interface DeliveryOptions {
  storiesDir: string;
  storyId: string;
  channels: number;
  progress: Progress;
}

/** The scheduler ticks once a minute (node-cron); between passes the bench moves the clock instead of waiting. */
const TICK_MS = 60_000;
const MAX_PASSES = 120;
const DUE = '2026-06-01T08:00:00.000Z';

/**
 * Every channel subscribed to the story gets its daily digest at the same minute. The real
 * digests feature (scheduler, outbox, claims) delivers through the real Slack
 * `ChannelSender` (Bolt's Web API client) to a fake Slack that accepts one message per
 * second per channel and answers 429 with Retry-After beyond.
 *
 * Time: the real time of each scheduler pass, plus one minute between passes when a pass
 * leaves digests pending (the production scheduler runs one pass a minute).
 *
 * Then a notice goes to every channel at once, right after its digest (as when a feed is
 * paused just after the daily digest): the second message within a second meets the
 * per-channel limit, so 429 handling is part of the run. `lost` counts channels missing
 * either message.
 */
export async function measureDigestDelivery(options: DeliveryOptions): Promise<DeliveryFigures> {
  const fake = await FakeSlackWebApi.start({ perChannelIntervalMs: 1000 });
  const clock = new ManualClock('2026-05-31T12:00:00.000Z');
  const bench = await openBenchNewsdesk(
    options.storiesDir,
    { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_API_URL: fake.apiUrl, DIGEST_WHEN_EMPTY: 'note' },
    { clock },
  );
  const { newsdesk } = bench;
  const slack = await startSlack(newsdesk, newsdesk.context.config.slack!, createSilentLogger(), { host: '127.0.0.1', port: 0 });
  try {
    const digests = newsdesk.feature<DigestsFeature>('digests');
    if (!digests) throw new Error('the digests feature is not registered');
    digests.addDevelopmentSource(new BenchDevelopments(options.storyId));
    const subscriptions = [];
    for (let i = 0; i < options.channels; i++) {
      const target = { storyId: options.storyId, platform: 'slack' as const, channelId: `C${String(i).padStart(6, '0')}`, workspaceId: 'TBENCH' };
      subscriptions.push((await digests.subscriptions.subscribe(target, { time: '08:00', timezone: 'UTC', createdBy: 'UBENCH' }, clock.now())).subscription);
    }
    options.progress(`  ${options.channels} channels subscribed; delivering`);
    clock.set(DUE);
    let busyMs = 0;
    let passes = 0;
    for (;;) {
      const started = performance.now();
      await digests.scheduler.tick();
      busyMs += performance.now() - started;
      passes++;
      const pending = await digests.outbox.due(new Date(Date.parse(DUE) + 365 * 86_400_000), 1);
      options.progress(`  pass ${passes}: ${fake.posted.size} channels served, ${fake.http429} answers 429`);
      if (pending.length === 0 || passes >= MAX_PASSES) break;
      clock.advance(TICK_MS);
    }
    const digestPosts = new Map(fake.posted);
    options.progress('  a notice to every channel right after its digest');
    const noticeStarted = performance.now();
    await digests.notifyStoryChannels(options.storyId, { visibility: 'channel', blocks: [{ kind: 'text', text: 'A feed of this story was paused after repeated failures.' }] }, 'bench-notice');
    let pending = await digests.outbox.due(new Date(Date.parse(DUE) + 365 * 86_400_000), 1);
    for (let extra = 0; pending.length > 0 && extra < MAX_PASSES; extra++) {
      // Retries the outbox scheduled for later (a Retry-After longer than the sender waits).
      clock.advance(TICK_MS);
      await digests.delivery.deliverDue();
      pending = await digests.outbox.due(new Date(Date.parse(DUE) + 365 * 86_400_000), 1);
    }
    const noticeMs = performance.now() - noticeStarted;
    let delivered = 0;
    for (const s of subscriptions) {
      const history = await digests.outbox.history(s.id, 5);
      const digestSent = history.some((e) => e.status === 'delivered') && (digestPosts.get(s.channelId) ?? 0) > 0;
      const noticeSent = (fake.posted.get(s.channelId) ?? 0) > (digestPosts.get(s.channelId) ?? 0);
      if (digestSent && noticeSent) delivered++;
    }
    const seconds = busyMs / 1000 + ((passes - 1) * TICK_MS) / 1000;
    return {
      channels: options.channels,
      seconds: round(seconds),
      http_429: fake.http429,
      lost: options.channels - delivered,
      messages: fake.postCount,
      busy_seconds: round(busyMs / 1000),
      passes,
      notice_seconds: round(noticeMs / 1000),
    };
  } finally {
    await slack.stop();
    await bench.dispose();
    await fake.close();
  }
}

/** A handful of developments, as the feed clusters would report them, so each digest has content. */
class BenchDevelopments implements DevelopmentSource {
  private readonly developments: Development[];

  constructor(storyId: string) {
    const outlets = ['The Harbour Ledger', 'Meridian Wire', 'Northern Courier', 'Daily Signal'];
    this.developments = Array.from({ length: 8 }, (_, i) => {
      const at = new Date(Date.parse('2026-05-31T14:00:00.000Z') + i * 3_600_000).toISOString();
      return {
        id: `bench-dev-${i}`,
        storyId,
        headline: `Development ${i + 1} of the story, reported on the day`,
        summary: `A short plain summary of what happened in development ${i + 1}, with a figure of ${(i + 2) * 7} and a date.`,
        publishedAt: at,
        firstSeenAt: at,
        updatedAt: at,
        relevance: 0.9 - i * 0.05,
        sources: outlets.slice(0, 1 + (i % 3)).map((outlet) => ({ outlet, title: `${outlet} on development ${i + 1}`, url: `https://news.example/${i}/${outlet.length}` })),
      };
    });
  }

  async listDevelopments(storyId: string, range: { since?: Date; until: Date }): Promise<Development[]> {
    const since = range.since?.toISOString();
    const until = range.until.toISOString();
    return this.developments
      .filter((d) => d.storyId === storyId && (since === undefined || d.firstSeenAt >= since) && d.firstSeenAt < until)
      .sort((a, b) => b.firstSeenAt.localeCompare(a.firstSeenAt));
  }
}
