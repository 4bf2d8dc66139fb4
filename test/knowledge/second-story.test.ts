import path from 'node:path';
import { createTestNewsdesk, memberCaller, testChannel } from '../support/test-newsdesk';
import { repoRoot } from '../support/paths';
import { ManualClock } from '../../src/clock';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { runCli } from '../../adapters/cli/main';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { TimelineJson } from '../../src/knowledge/timeline-json';
import { buildArticle } from '../../src/corpus/build-article';

const storiesDir = path.join(repoRoot, 'test', 'fixtures', 'stories');

describe('knowledge of a second story folder (no code change)', () => {
  let bot: Newsdesk;
  beforeAll(async () => {
    bot = await createTestNewsdesk({ STORIES_DIR: storiesDir }, { clock: new ManualClock('2025-09-20T08:00:00Z') });
  });
  afterAll(async () => {
    await bot.close();
  });
  const ask = async (text: string) => renderPlainText(await bot.handleCommand('bridge', text, memberCaller, testChannel), { links: false });

  it('builds the timeline: merged across outlets, forecasts and questions left out', async () => {
    expect(await ask('timeline')).toBe(
      [
        'The Harbor Bridge reopens: timeline (4 events)',
        [
          '- 1961  The bridge first opened in 1961. (Port Elling Courier)',
          '- 2022  Mara Lindqvist became chief engineer of the project in 2022. (Port Elling Courier)',
          '- 2023-03  The bridge was closed in March 2023 when inspectors found cracked steel. (Port Elling Courier +1)',
          '- 2025-09-12  The Harbor Bridge reopened to traffic on September 12, 2025. (Port Elling Courier +1)',
        ].join('\n'),
      ].join('\n\n'),
    );
  });

  it('filters by year and span, and says plainly when nothing matches or the argument is bad', async () => {
    expect(await ask('timeline 2023')).toContain('2023-03  The bridge was closed in March 2023');
    expect(await ask('timeline 2022-2023')).toContain('(2 events)');
    expect(await ask('timeline 1990')).toBe('No dated events in 1990. The timeline runs from 1961 to 2025-09-12.');
    const bad = await bot.handleCommand('bridge', 'timeline soon', memberCaller, testChannel);
    expect(bad.isError).toBe(true);
    expect(renderPlainText(bad)).toContain('timeline 2024');
  });

  it('answers who, quotes (pronoun and "X wrote:" speakers) and claims', async () => {
    const who = await ask('who lindqvist');
    expect(who).toContain('Mara Lindqvist: chief engineer of the repair project.');
    expect(who).toContain('2022  Mara Lindqvist became chief engineer');
    expect(who).toContain('"We replaced every cable and most of the deck"');
    expect(await ask('quotes berg')).toContain('Tomas Berg  "Two years of detours are over. Thank you for your patience." (Elling Radio)');
    const claims = await ask('claims cost');
    expect(claims).toContain('$84 million');
    expect(claims).toContain('about $90 million');
    expect(claims).toContain('Sources give different figures for 1 measure');
  });

  it('rebuilds lazily when the corpus version changes, without a restart', async () => {
    const story = bot.story('harbor-bridge');
    const before = await ask('timeline 2026');
    expect(before).toContain('No dated events in 2026');
    story.corpus.upsert([
      buildArticle({ id: 'feed-1', outlet: 'Feed Daily', title: 'Toll decision', origin: 'feed', published: '2026-01-15', body: 'Port Elling scrapped the bridge toll on January 10, 2026.' }),
    ]);
    expect(await ask('timeline 2026')).toContain('2026-01-10  Port Elling scrapped the bridge toll on January 10, 2026. (Feed Daily)');
  });
});

describe('timeline --json from the CLI', () => {
  it('prints the story, and events in date order with sources and cited sentences', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['timeline', '--json', '--now', '2025-09-20'], { out: (t) => out.push(t), err: (t) => err.push(t), tty: false }, {
      STORIES_DIR: storiesDir,
      DATABASE_PATH: ':memory:',
      LOG_LEVEL: 'silent',
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(out.join('\n')) as TimelineJson;
    expect(json.story).toBe('harbor-bridge');
    expect(json.events.map((e) => e.date)).toEqual(['1961', '2022', '2023-03', '2025-09-12']);
    const reopening = json.events[3]!;
    expect(reopening.sources).toEqual(['Port Elling Courier', 'Elling Radio']);
    expect(reopening.citations[0]).toEqual({
      outlet: 'Port Elling Courier',
      title: 'Harbor Bridge reopens after two years of repairs',
      url: 'https://example.test/courier/bridge-reopens',
      sentence: 'The Harbor Bridge reopened to traffic on September 12, 2025, after repairs that took two years.',
    });
    for (const e of json.events) for (const c of e.citations) expect(c.sentence).toMatch(/\d{4}/);
  });
});
