import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../adapters/cli/main';
import type { CliIo } from '../../adapters/cli/cli-command';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { FakeFeedServer } from '../support/fake-feed-server';
import { repoRoot } from '../support/paths';
import { adminCaller, createTestNewsdesk, memberCaller, tempDir } from '../support/test-newsdesk';
import { rss } from './feed-kit';

const karpathyItem = (n: number) => ({
  guid: `k${n}`,
  title: `Andrej Karpathy joins Anthropic (${n})`,
  link: `https://example.com/k${n}`,
  description: 'He joins the pre-training team led by Nick Joseph.',
  pubDate: 'Tue, 19 May 2026 17:00:00 GMT',
});

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, tty: false, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

describe('feeds from the command line', () => {
  let server: FakeFeedServer;
  let dir: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    server = await new FakeFeedServer().start();
    server.route('/one.xml', { body: rss('Outlet One', [karpathyItem(1), { guid: 'x', title: 'Weather: sunny' }]) });
    server.route('/two.xml', { body: rss('Outlet Two', [karpathyItem(2)]) });
    dir = tempDir('newsdesk-feeds-');
    env = { STORIES_DIR: path.join(repoRoot, 'digests'), DATABASE_PATH: path.join(dir, 'test.db'), LOG_LEVEL: 'silent' };
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('poll --json prints one line per feed with status and counts, and a second poll finds nothing new', async () => {
    const io = captureIo();
    const argv = ['poll', '--json', '--feed', server.url('/one.xml'), '--feed', server.url('/two.xml'), '--feed', server.url('/missing.xml')];
    expect(await runCli(argv, io, env)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n'))).toEqual({
      feeds: [
        { url: server.url('/one.xml'), status: 'ok', items: 2, new: 2, relevant: 1 },
        { url: server.url('/two.xml'), status: 'ok', items: 1, new: 1, relevant: 1 },
        { url: server.url('/missing.xml'), status: 'error', error: { kind: 'http-status', message: expect.stringContaining('404') }, items: 0, new: 0, relevant: 0 },
      ],
    });
    const again = captureIo();
    await runCli(argv, again, env);
    expect(JSON.parse(again.stdout.join('\n')).feeds.map((f: { new: number }) => f.new)).toEqual([0, 0, 0]);

    const list = captureIo();
    expect(await runCli(['feeds', 'list', '--json'], list, env)).toBe(0);
    const listed = JSON.parse(list.stdout.join('\n')).feeds as Array<{ url: string; items: number; status: string; lastError: unknown }>;
    expect(listed.find((f) => f.url === server.url('/one.xml'))).toMatchObject({ items: 2, status: 'active', lastError: null });
    expect(listed.find((f) => f.url === server.url('/missing.xml'))).toMatchObject({ lastError: { kind: 'http-status' } });
    // The bundled story's own feeds are listed too (not polled in this test).
    expect(listed.some((f) => f.url.startsWith('https://'))).toBe(true);
  });
});

describe('feeds and latest in chat', () => {
  let server: FakeFeedServer;
  beforeEach(async () => {
    server = await new FakeFeedServer().start();
    server.route('/feed.xml', { body: rss('Outlet One', [karpathyItem(1)]) });
    server.route('/page.html', { body: '<!DOCTYPE html><html><body>hello</body></html>', headers: { 'content-type': 'text/html' } });
  });
  afterEach(async () => {
    await server.close();
  });

  test('adding, removing and resuming are for admins; a private address is refused with a clear message', async () => {
    const bot = await createTestNewsdesk();
    try {
      const channel = { platform: 'slack' as const, channelId: 'C1' };
      const denied = await bot.handleCommand('karpathy', `feeds add ${server.url('/feed.xml')}`, memberCaller, channel);
      expect(denied.isError).toBe(true);
      expect(renderPlainText(denied)).toMatch(/Only admins/);
      const blocked = await bot.handleCommand('karpathy', `feeds add ${server.url('/feed.xml')}`, adminCaller, channel);
      expect(blocked.isError).toBe(true);
      expect(renderPlainText(blocked)).toMatch(/could not add that feed: refused to fetch 127\.0\.0\.1: .*loopback/);
      const list = await bot.handleCommand('karpathy', 'feeds', memberCaller, channel);
      expect(list.isError).toBeFalsy();
    } finally {
      await bot.close();
    }
  });

  test('with private networks allowed: add reads the feed, latest shows it, a web page is refused, remove works', async () => {
    const bot = await createTestNewsdesk({ FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' });
    try {
      const channel = { platform: 'discord' as const, channelId: 'C1' };
      const added = await bot.handleCommand('karpathy', `feeds add ${server.url('/feed.xml')}`, adminCaller, channel);
      expect(renderPlainText(added)).toMatch(/Now following Outlet One \(id [0-9a-f]{8}\)\. Read 1 item: 1 new, 1 about this story\./);
      const latest = await bot.handleCommand('karpathy', 'latest', memberCaller, channel);
      expect(renderPlainText(latest, { links: false })).toMatch(/Andrej Karpathy joins Anthropic \(1\).*\(Outlet One\)/);
      // The relevant item is in the story's corpus without a restart.
      expect(bot.story('karpathy').corpus.articles().some((a) => a.origin === 'feed')).toBe(true);
      const page = await bot.handleCommand('karpathy', `feeds add ${server.url('/page.html')}`, adminCaller, channel);
      expect(renderPlainText(page)).toMatch(/web page, not an RSS or Atom feed/);
      const id = /id ([0-9a-f]{8})/.exec(renderPlainText(added))![1]!;
      expect(renderPlainText(await bot.handleCommand('karpathy', `feeds remove ${id}`, adminCaller, channel))).toMatch(/Stopped following Outlet One/);
      expect(renderPlainText(await bot.handleCommand('karpathy', `feeds resume nope`, adminCaller, channel))).toMatch(/There is no feed "nope"/);
    } finally {
      await bot.close();
    }
  });
});
