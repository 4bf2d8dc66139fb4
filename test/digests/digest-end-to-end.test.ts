import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../../src/config/load-config';
import { createSilentLogger } from '../../src/logging/logger';
import { createNewsdesk } from '../../src/app/create-newsdesk';
import { fixedClock } from '../../src/clock';
import type { FeedsFeature } from '../../src/feeds/feeds-feature';
import { runCli } from '../../adapters/cli/main';
import { FakeFeedServer } from '../support/fake-feed-server';
import { tempDir } from '../support/test-newsdesk';
import { repoRoot } from '../support/paths';

/** An RSS 2.0 feed in our own words; items are [title, description, link, pubDate]. */
function rss(title: string, items: Array<[string, string, string, string]>): string {
  const entries = items
    .map(([t, d, link, date]) => `<item><title>${t}</title><description>${d}</description><link>${link}</link><guid>${link}</guid><pubDate>${new Date(date).toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>https://example.com/</link><description>news</description>${entries}</channel></rss>`;
}

const NOW = '2026-05-20T18:00:00Z';

describe('digest end to end: two feeds polled into a fresh store, then `digest --json`', () => {
  let server: FakeFeedServer;
  let dir: string;

  beforeAll(async () => {
    server = await new FakeFeedServer().start();
    server.route('/tc.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss('TechCrunch', [
        ['Andrej Karpathy joins Anthropic to work on pre-training', 'The OpenAI co-founder and former Tesla AI director Andrej Karpathy is joining Anthropic, where he will work on pre-training for Claude.', 'https://tc.example/karpathy-anthropic', '2026-05-20T09:00:00Z'],
        ['Eureka Labs keeps its LLM101n course going without Karpathy', 'The education start-up Karpathy founded says volunteers will finish the LLM101n course chapters and publish them openly.', 'https://tc.example/eureka-course', '2026-05-20T11:00:00Z'],
        ['A new folding phone goes on sale in Europe', 'The handset costs less than last year and ships with a bigger battery.', 'https://tc.example/phone', '2026-05-20T10:00:00Z'],
      ]),
    });
    server.route('/verge.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss('The Verge', [
        ['Anthropic hires Andrej Karpathy for pre-training work', 'Andrej Karpathy, who co-founded OpenAI and led AI at Tesla, has joined Anthropic to work on pre-training Claude.', 'https://verge.example/karpathy-joins', '2026-05-20T09:30:00Z'],
        ['LLM101n course from Eureka Labs will be finished by volunteers', 'Eureka Labs, the start-up Karpathy founded, plans to have volunteers complete the LLM101n course and publish its chapters.', 'https://verge.example/eureka-llm101n', '2026-05-20T12:00:00Z'],
        ['Streaming service raises its monthly prices again', 'Subscribers will pay two dollars more from June.', 'https://verge.example/streaming', '2026-05-20T08:00:00Z'],
      ]),
    });
    dir = tempDir('newsdesk-digest-e2e-');
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every relevant development once with all its outlets, nothing unrelated, within the budget', async () => {
    const db = path.join(dir, 'fresh.db');
    const env = { STORIES_DIR: path.join(repoRoot, 'digests'), FEEDS_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'silent' };
    const config = loadConfig({ ...env, DATABASE_PATH: db });
    // Poll an hour before `--now`, as the running bot would have.
    const bot = await createNewsdesk(config, createSilentLogger(), { clock: fixedClock(new Date('2026-05-20T17:00:00Z')) });
    try {
      const outcomes = await bot.feature<FeedsFeature>('feeds')!.service.pollNow('karpathy', [server.url('/tc.xml'), server.url('/verge.xml')]);
      expect(outcomes).toHaveLength(2);
    } finally {
      await bot.close();
    }

    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['digest', '--json', '--db', db, '--now', NOW], { out: (t) => out.push(t), err: (t) => err.push(t), tty: false }, env);
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n')) as {
      story: string;
      stories: Array<{ title: string; summary: string; links: string[]; sources: string[] }>;
      text: string;
    };
    expect(result.story).toBe('karpathy');
    // The two feed developments, each once with both outlets ...
    const fromFeeds = result.stories.filter((s) => s.sources.includes('TechCrunch') || s.sources.includes('The Verge'));
    expect(fromFeeds).toHaveLength(2);
    for (const s of fromFeeds) {
      expect([...s.sources].sort()).toEqual(['TechCrunch', 'The Verge']);
      expect(s.links).toHaveLength(2);
    }
    const joins = fromFeeds.filter((s) => /joins|hires/i.test(s.title));
    const course = fromFeeds.filter((s) => /LLM101n/i.test(s.title));
    expect(joins).toHaveLength(1);
    expect(course).toHaveLength(1);
    // ... and dated events of the bundled articles, which count as seen on their publication
    // day (2026-05-20, inside the window); the most reported one comes first.
    const events = result.stories.filter((s) => !fromFeeds.includes(s));
    expect(events.length).toBeGreaterThan(0);
    expect(result.stories.length).toBeLessThanOrEqual(5);
    expect(events[0]!.sources.length).toBeGreaterThan(1);
    expect(result.text).toMatch(/^- 20\d\d(-\d\d){0,2} {2}.*Anthropic/m);
    expect(result.text).not.toMatch(/phone|streaming/i);
    expect(JSON.stringify(result.stories)).not.toMatch(/phone|streaming/i);
    expect(result.text.length).toBeLessThanOrEqual(1200);
    expect(result.text).toMatch(/TechCrunch \+1|The Verge \+1/);
    for (const s of fromFeeds) expect(result.text.split(s.title).length - 1).toBe(1);
  });
});
