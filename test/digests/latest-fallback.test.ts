import { ManualClock } from '../../src/clock';
import type { FeedsFeature } from '../../src/feeds/feeds-feature';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { FakeFeedServer } from '../support/fake-feed-server';
import { rss } from '../feeds/feed-kit';
import { MemoryDevelopmentSource, channel, createSharedStore, member, startProcess, type DigestProcess, type SharedStore } from './digest-harness';

describe('latest before the feeds have reported anything', () => {
  let store: SharedStore;
  let p: DigestProcess;
  let server: FakeFeedServer | undefined;
  const latest = async (args = '') => renderPlainText(await p.bot.handleCommand('karpathy', `latest ${args}`.trim(), member, channel), { links: false });

  beforeEach(async () => {
    store = await createSharedStore();
    p = await startProcess(store, new ManualClock('2026-05-21T10:00:00Z'), new MemoryDevelopmentSource(), undefined, { FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' }, 'bundled');
  });

  afterEach(async () => {
    await p.bot.close();
    await store.dispose();
    if (server) await server.close();
    server = undefined;
  });

  it('lists the newest dated events of the coverage, newest first, with outlets, and says where they come from', async () => {
    const text = await latest('3');
    expect(text).toMatch(/^Andrej Karpathy joins Anthropic: latest\n\nNo feed reports yet; the latest dated events in the coverage:\n/);
    const lines = text.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^- \d{4}(-\d{2}){0,2} {2}.+ \([^)]+\)$/);
    const dates = lines.map((l) => l.slice(2, 12).trim());
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates[0]).toBe('2026-05-19');
    expect(text).toMatch(/\+\d+ more\. See more with \/karpathy latest 8 or \/karpathy timeline/);
  });

  it('shows the feeds\' developments, not the timeline, once there are some', async () => {
    server = await new FakeFeedServer().start();
    server.route('/one.xml', {
      body: rss('Outlet One', [{ guid: 'k1', title: 'Andrej Karpathy joins Anthropic', link: 'https://one.example/k1', description: 'He joins the pre-training team led by Nick Joseph.', pubDate: 'Wed, 20 May 2026 17:00:00 GMT' }]),
    });
    await p.bot.feature<FeedsFeature>('feeds')!.service.pollNow('karpathy', [server.url('/one.xml')]);
    const text = await latest();
    expect(text).not.toMatch(/No feed reports yet/);
    expect(text).toMatch(/^- 2026-05-20 {2}Andrej Karpathy joins Anthropic: He joins the pre-training team led by Nick Joseph\. \(Outlet One\)$/m);
  });
});
