import path from 'node:path';
import fs from 'node:fs';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config/load-config';
import { createNewsdesk } from '../../src/app/create-newsdesk';
import { createSilentLogger } from '../../src/logging/logger';
import type { FeedsFeature } from '../../src/feeds/feeds-feature';
import { FakeFeedServer } from '../support/fake-feed-server';
import { openTestDatabase } from '../support/test-database';
import { repoRoot } from '../support/paths';
import { tempDir } from '../support/test-newsdesk';
import { rss } from './feed-kit';

/** A copy of the bundled story whose feeds point at the fake publisher. */
function storyWithFeeds(urls: string[]): string {
  const dir = tempDir('newsdesk-feeds-story-');
  const story = JSON.parse(fs.readFileSync(path.join(repoRoot, 'digests', 'karpathy', 'story.json'), 'utf8')) as Record<string, unknown>;
  fs.mkdirSync(path.join(dir, 'karpathy', 'articles'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'karpathy', 'story.json'), JSON.stringify({ ...story, feeds: urls.map((url) => ({ url, outlet: 'Fake Wire' })) }));
  return dir;
}

describe('the feeds feature in the running bot', () => {
  let server: FakeFeedServer;
  let storiesDir: string;
  beforeEach(async () => {
    server = await new FakeFeedServer().start();
    server.route('/wire.xml', {
      body: rss('Wire', [{ guid: 'w1', title: 'Andrej Karpathy joins Anthropic', description: 'He joins the pre-training team.', pubDate: 'Tue, 19 May 2026 17:00:00 GMT' }]),
    });
    storiesDir = storyWithFeeds([server.url('/wire.xml')]);
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(storiesDir, { recursive: true, force: true });
  });

  test('start records the story feeds, polls what is due, and a restart loads stored items into the corpus', async () => {
    const database = await openTestDatabase();
    const config = loadConfig({ STORIES_DIR: storiesDir, DATABASE_PATH: ':memory:', LOG_LEVEL: 'silent' });
    const clock = new ManualClock('2026-05-21T08:00:00Z');
    const keep = { close: async () => undefined };
    const first = await createNewsdesk(config, createSilentLogger(), { clock, database: { ...database, ...keep } });
    await first.start();
    // stop() waits for the poll round that start() began.
    await first.close();
    expect(server.hits('/wire.xml')).toHaveLength(1);
    expect(first.story('karpathy').corpus.articles().filter((a) => a.origin === 'feed')).toHaveLength(1);

    const second = await createNewsdesk(config, createSilentLogger(), { clock, database });
    try {
      expect(second.story('karpathy').corpus.articles().filter((a) => a.origin === 'feed')).toHaveLength(0);
      await second.feature<FeedsFeature>('feeds')!.loadStoredItems();
      expect(second.story('karpathy').corpus.articles().filter((a) => a.origin === 'feed').map((a) => a.outlet)).toEqual(['Fake Wire']);
      // Not due again yet: the next poll is an interval away on the injected clock.
      expect(await second.feature<FeedsFeature>('feeds')!.service.pollDue()).toEqual([]);
      clock.advance(11 * 60_000);
      expect(await second.feature<FeedsFeature>('feeds')!.service.pollDue()).toEqual([expect.objectContaining({ status: 'ok', new: 0 })]);
    } finally {
      await second.close();
    }
  });
});
