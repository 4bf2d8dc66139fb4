import { FakeDiscord, messageBodies } from '../support/fake-discord';
import { createTestNewsdesk } from '../support/test-newsdesk';
import pino from 'pino';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { CommandRequest } from '../../src/commands/command';
import { DeliveryError } from '../../src/delivery/channel-sender';
import type { Reply } from '../../src/reply/reply';
import { startDiscord, type DiscordAdapter } from '../../adapters/discord/start-discord';
import { DISCORD_LIMITS } from '../../adapters/discord/render-embeds';
import { escapeDiscordText } from '../../adapters/discord/escape-discord-text';
import { renderPlainText } from '../../src/reply/render-plain-text';

// The real discord.js client against a fake Discord (REST + gateway) on 127.0.0.1.

const EPHEMERAL = 1 << 6;
/** What the adapter logged at warn and above. */
const logLines: string[] = [];

async function waitForLog(pattern: RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const line = logLines.find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line matching ${pattern}; got: ${logLines.join('')}`);
}
const STRING = 3;

interface Gate {
  promise: Promise<void>;
  open: () => void;
}
function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

function longReply(items: number): Reply {
  return {
    title: 'A very long list',
    visibility: 'channel',
    blocks: [
      {
        kind: 'list',
        items: Array.from({ length: items }, (_, i) => ({
          label: `2026-05-${String((i % 28) + 1).padStart(2, '0')}`,
          text: `Item number ${i} ${'lorem ipsum dolor sit amet '.repeat(12)}end-${i}`,
          sources: [{ outlet: 'Example News', url: `https://example.com/${i}` }],
        })),
      },
    ],
    footer: 'All of it, nothing dropped.',
  };
}

function expectWithinLimits(body: Record<string, unknown>): void {
  const content = (body.content as string | undefined) ?? '';
  const embeds = (body.embeds as Array<Record<string, unknown>> | undefined) ?? [];
  expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  let total = 0;
  for (const e of embeds) {
    const title = (e.title as string | undefined) ?? '';
    const description = (e.description as string | undefined) ?? '';
    const footer = ((e.footer as { text?: string } | undefined)?.text) ?? '';
    expect(title.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    total += title.length + description.length + footer.length;
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
}

function allText(body: Record<string, unknown>): string {
  const embeds = (body.embeds as Array<Record<string, unknown>> | undefined) ?? [];
  return [body.content ?? '', ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', (e.footer as { text?: string } | undefined)?.text ?? ''])].join('\n');
}

describe('Discord adapter with the real discord.js client', () => {
  let fake: FakeDiscord;
  let newsdesk: Newsdesk;
  let adapter: DiscordAdapter;
  const slowGate = gate();
  const slowStarted = gate();

  beforeAll(async () => {
    fake = await new FakeDiscord().start();
    newsdesk = await createTestNewsdesk();
    const router = newsdesk.story().router;
    // Subcommands that exist only in this test, to control timing and size exactly.
    router.register({
      name: 'slowtest',
      usage: '',
      summary: 'answers when the test lets it',
      run: async () => {
        slowStarted.open();
        await slowGate.promise;
        return { title: 'Slow answer', visibility: 'private', blocks: [{ kind: 'text', text: 'Worth the wait.' }] };
      },
    });
    router.register({ name: 'longtest', usage: '', summary: 'a long reply', run: async () => longReply(80) });
    router.register({
      name: 'admintest',
      usage: '',
      summary: 'admins only',
      adminOnly: () => true,
      run: async (request: CommandRequest) => ({ visibility: 'channel', blocks: [{ kind: 'text', text: `done by ${request.caller.id}` }] }),
    });
    adapter = await startDiscord(
      newsdesk,
      { token: 'test-token', applicationId: fake.applicationId, apiUrl: fake.apiUrl, adminUserIds: ['600000000000000077'] },
      pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) }),
      { restRetries: 0, deferAfterMs: 800 },
    );
  });

  afterAll(async () => {
    slowGate.open();
    await adapter?.stop();
    await newsdesk?.close();
    await fake?.close();
  });

  it('logs in with only the Guilds and GuildMessages intents', () => {
    const identify = fake.gatewayReceived.find((p) => p.op === 2)?.d as { intents: number; token: string };
    expect(identify.token).toBe('test-token');
    expect(identify.intents).toBe((1 << 0) | (1 << 9));
    expect(fake.find('GET', /^\/gateway\/bot$/)).toHaveLength(1);
  });

  it('a slash command gets its reply at the interaction callback, private replies ephemeral', async () => {
    const { id, token } = fake.sendSlashCommand({ command: 'karpathy', path: ['sources'] });
    const callback = await fake.waitFor('POST', new RegExp(`^/interactions/${id}/${token}/callback$`));
    const body = callback.body as { type: number; data: Record<string, unknown> };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    const text = allText(body.data);
    expect(text).toMatch(/Andrej Karpathy joins Anthropic: \d+ sources?/);
    // One line per bundled article, each naming its outlet.
    const articles = newsdesk.story().corpus.articles();
    for (const a of articles) expect(text).toContain(escapeDiscordText(a.outlet));
  });

  it('help names the admin subcommands as Discord users type them: under /karpathy-admin', async () => {
    const { id, token } = fake.sendSlashCommand({ command: 'karpathy', path: ['help'] });
    const callback = await fake.waitFor('POST', new RegExp(`^/interactions/${id}/${token}/callback$`));
    const text = allText((callback.body as { data: Record<string, unknown> }).data);
    expect(text).toContain('/karpathy-admin subscribe ');
    expect(text).toContain('/karpathy-admin unsubscribe ');
    expect(text).toContain('/karpathy-admin feeds add <url> \\| remove <id> \\| resume <id> ');
    expect(text).toContain('/karpathy feeds list ');
    expect(text).toContain('/karpathy timeline ');
    expect(text).not.toMatch(/\/karpathy (subscribe|unsubscribe|feeds add)/);
  });

  it('an interaction Discord no longer knows (expired token) is logged without its token, and the next one is answered', async () => {
    fake.failNext('POST', /^\/interactions\/[^/]+\/[^/]+\/callback$/, 404, { message: 'Unknown interaction', code: 10062 });
    const expired = fake.sendSlashCommand({ command: 'karpathy', path: ['help'] });
    const line = await waitForLog(/Unknown interaction/);
    expect(JSON.parse(line)).toMatchObject({ level: 40, code: 10062, status: 404, command: 'karpathy', route: `/api/v10/interactions/${expired.id}/:token/callback` });
    expect(line).not.toContain(expired.token);
    // Nor the message it tried to send.
    expect(line).not.toContain('daily digest');
    const next = fake.sendSlashCommand({ command: 'karpathy', path: ['help'] });
    expect(allText(await fake.waitForAnswer(next))).toContain('/karpathy-admin subscribe');
  });

  it('options reach the core in the text form it parses', async () => {
    const { id } = fake.sendSlashCommand({ command: 'karpathy', path: ['sources'], options: [{ name: 'page', type: 4, value: 7 }] });
    const callback = await fake.waitFor('POST', new RegExp(`^/interactions/${id}/`));
    const expected = await newsdesk.handleCommand('karpathy', 'sources 7', { id: 'x', isAdmin: false }, { platform: 'discord', channelId: fake.channelIds[0]! });
    // Page 7 of one page of sources: only the page option reaching the core gives this reply.
    expect(renderPlainText(expected)).toBe('There is only 1 page of sources.');
    expect(allText((callback.body as { data: Record<string, unknown> }).data)).toContain('There is only 1 page of sources.');
  });

  it('a slow command is deferred after the grace period, then the deferred reply is edited', async () => {
    const { id, token } = fake.sendSlashCommand({ command: 'karpathy', path: ['slowtest'] });
    await slowStarted.promise;
    const deferred = await fake.waitFor('POST', new RegExp(`^/interactions/${id}/${token}/callback$`));
    expect(deferred.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(fake.find('PATCH', new RegExp(`^/webhooks/${fake.applicationId}/${token}/`))).toHaveLength(0);
    slowGate.open();
    const edit = await fake.waitFor('PATCH', new RegExp(`^/webhooks/${fake.applicationId}/${token}/messages/@original$`));
    expect(allText(edit.body as Record<string, unknown>)).toContain('Worth the wait.');
  });

  it('a command that needs the network defers right away, and a private answer replaces a public "thinking"', async () => {
    // `ask` is deferred without waiting; with no question the core answers privately (help or an error).
    const { id, token } = fake.sendSlashCommand({ command: 'karpathy', path: ['ask'], options: [{ name: 'question', type: STRING, value: ' ' }] });
    const deferred = await fake.waitFor('POST', new RegExp(`^/interactions/${id}/${token}/callback$`));
    expect(deferred.body).toEqual({ type: 5, data: { flags: 0 } });
    await fake.waitFor('DELETE', new RegExp(`^/webhooks/${fake.applicationId}/${token}/messages/@original$`));
    const followUp = await fake.waitFor('POST', new RegExp(`^/webhooks/${fake.applicationId}/${token}$`));
    expect((followUp.body as { flags: number }).flags).toBe(EPHEMERAL);
    expect(allText(followUp.body as Record<string, unknown>).length).toBeGreaterThan(20);
  });

  it('admin subcommands check Manage Server (or the allow-list) when they run', async () => {
    const member = fake.sendSlashCommand({ command: 'karpathy-admin', path: ['admintest'], permissions: '0' });
    const refused = await fake.waitFor('POST', new RegExp(`^/interactions/${member.id}/`));
    const refusedData = (refused.body as { data: Record<string, unknown> }).data;
    expect(refusedData.flags).toBe(EPHEMERAL);
    expect(refusedData.embeds).toEqual([]);
    expect(refusedData.content).toMatch(/Only admins/);

    const manager = fake.sendSlashCommand({ command: 'karpathy-admin', path: ['admintest'], permissions: String(1 << 5) });
    const allowed = await fake.waitFor('POST', new RegExp(`^/interactions/${manager.id}/`));
    expect(allText((allowed.body as { data: Record<string, unknown> }).data)).toContain('done by 600000000000000001');

    const listed = fake.sendSlashCommand({ command: 'karpathy-admin', path: ['admintest'], permissions: '0', userId: '600000000000000077' });
    const listedReply = await fake.waitFor('POST', new RegExp(`^/interactions/${listed.id}/`));
    expect(allText((listedReply.body as { data: Record<string, unknown> }).data)).toContain('done by 600000000000000077');
  });

  it('/karpathy-admin subscribe reaches the core subscription with the options in order', async () => {
    const options = [
      { name: 'timezone', type: STRING, value: 'Europe/Berlin' },
      { name: 'time', type: STRING, value: '08:30' },
    ];
    const member = fake.sendSlashCommand({ command: 'karpathy-admin', path: ['subscribe'], options, permissions: '0' });
    const refused = await fake.waitForAnswer(member);
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.content).toMatch(/Only admins/);

    const manager = fake.sendSlashCommand({ command: 'karpathy-admin', path: ['subscribe'], options, permissions: String(1 << 5) });
    const answer = await fake.waitForAnswer(manager);
    expect(allText(answer)).toContain('every day at 08:30 (Europe/Berlin)');
  });

  it('a long reply is split across the callback and follow-ups, within every limit, nothing dropped', async () => {
    const { id, token } = fake.sendSlashCommand({ command: 'karpathy', path: ['longtest'] });
    await fake.waitFor('POST', new RegExp(`^/interactions/${id}/${token}/callback$`));
    const expected = longReply(80);
    const lastItem = `end-${79}`;
    const last = await fake.waitFor('POST', new RegExp(`^/webhooks/${fake.applicationId}/${token}$`), 5000, (r) => allText(r.body as Record<string, unknown>).includes(lastItem));
    expect(last).toBeDefined();
    const parts = messageBodies(fake.requests.filter((r) => r.path.includes(token)));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expectWithinLimits(p.body);
    const text = parts.map((p) => allText(p.body)).join('\n');
    const items = expected.blocks[0]!.kind === 'list' ? expected.blocks[0]!.items : [];
    for (let i = 0; i < items.length; i += 1) expect(text).toContain(`end-${i}`);
    expect(text).toContain(expected.footer);
  });

  it('a message that mentions the bot gets a reply to that message; others are ignored', async () => {
    fake.sendMessage({ content: 'just chatting about the news' });
    fake.sendMessage({ content: 'from another bot', mentionBot: true, authorIsBot: true, authorId: '600000000000000055' });
    const messageId = fake.sendMessage({ content: 'help', mentionBot: true });
    const reply = await fake.waitFor('POST', new RegExp(`^/channels/${fake.channelIds[0]}/messages$`), 5000, (r) => Boolean((r.body as { message_reference?: unknown }).message_reference));
    const body = reply.body as { message_reference: { message_id: string }; allowed_mentions: { parse: string[]; replied_user: boolean } };
    expect(body.message_reference.message_id).toBe(messageId);
    expect(allText(reply.body as Record<string, unknown>)).toMatch(/\/karpathy/);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const replies = fake.find('POST', /^\/channels\/[^/]+\/messages$/).filter((r) => (r.body as { message_reference?: unknown }).message_reference);
    expect(replies).toHaveLength(1);
  });

  it('a digest through the ChannelSender reaches POST /channels/:id/messages once', async () => {
    const sender = newsdesk.senderFor('discord');
    expect(sender).toBeDefined();
    const channel = fake.channelIds[1]!;
    const before = fake.find('POST', new RegExp(`^/channels/${channel}/messages$`)).length;
    const digest: Reply = {
      title: 'Karpathy: the day in brief',
      visibility: 'channel',
      blocks: [{ kind: 'list', items: [{ headline: 'New role', text: 'He starts on the *pre-training* team. @everyone <@123> [click](https://evil.example)', sources: [{ outlet: 'TechCrunch', url: 'https://techcrunch.com/a' }] }] }],
    };
    await sender!.send(channel, digest);
    const posts = fake.find('POST', new RegExp(`^/channels/${channel}/messages$`)).slice(before);
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body as { embeds: Array<{ description: string; title: string }>; allowed_mentions: unknown; nonce: string; enforce_nonce: boolean };
    expect(body.embeds[0]!.title).toBe('Karpathy: the day in brief');
    expect(body.embeds[0]!.description).toContain('\\*pre-training\\*');
    expect(body.embeds[0]!.description).toContain('[TechCrunch](https://techcrunch.com/a)');
    // Feed text cannot make links, mention chips or pings.
    expect(body.embeds[0]!.description).toContain('\\[click\\](https://evil.example)');
    expect(body.embeds[0]!.description).toContain('\\<@123>');
    expect(body.embeds[0]!.description).not.toContain('@everyone');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce.length).toBeLessThanOrEqual(25);
  });

  it('a long digest is split into several messages within the limits', async () => {
    const channel = fake.channelIds[1]!;
    const before = fake.find('POST', new RegExp(`^/channels/${channel}/messages$`)).length;
    await newsdesk.senderFor('discord')!.send(channel, longReply(120));
    const posts = fake.find('POST', new RegExp(`^/channels/${channel}/messages$`)).slice(before);
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) expectWithinLimits(p.body as Record<string, unknown>);
    const text = posts.map((p) => allText(p.body as Record<string, unknown>)).join('\n');
    for (let i = 0; i < 120; i += 1) expect(text).toContain(`end-${i}`);
  });

  it('Missing Access, Unknown Channel and Missing Permissions are permanent; a 5xx is transient', async () => {
    const sender = newsdesk.senderFor('discord')!;
    const reply: Reply = { visibility: 'channel', blocks: [{ kind: 'text', text: 'hello' }] };
    const cases: Array<[number, number, string]> = [
      [403, 50001, 'permanent'],
      [404, 10003, 'permanent'],
      [403, 50013, 'permanent'],
    ];
    for (const [status, code, kind] of cases) {
      fake.failNext('POST', /^\/channels\/[^/]+\/messages$/, status, { message: 'refused', code });
      const error = await sender.send(fake.channelIds[1]!, reply).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryError);
      expect((error as DeliveryError).kind).toBe(kind);
    }
    fake.failNext('POST', /^\/channels\/[^/]+\/messages$/, 502, 'bad gateway');
    const transient = await sender.send(fake.channelIds[1]!, reply).catch((e: unknown) => e);
    expect((transient as DeliveryError).kind).toBe('transient');
  });

  it('a rate limit is waited out by @discordjs/rest and the message still arrives, once', async () => {
    const channel = fake.channelIds[1]!;
    const before = fake.find('POST', new RegExp(`^/channels/${channel}/messages$`)).length;
    fake.failNext('POST', /^\/channels\/[^/]+\/messages$/, 429, { message: 'You are being rate limited.', retry_after: 0.2, global: false }, {
      'retry-after': '1',
      'x-ratelimit-scope': 'user',
    });
    await newsdesk.senderFor('discord')!.send(channel, { visibility: 'channel', blocks: [{ kind: 'text', text: 'after the limit' }] });
    const posts = fake.find('POST', new RegExp(`^/channels/${channel}/messages$`)).slice(before);
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).toEqual(posts[1]!.body);
  });

  it('no message sent in this file allows any mention', () => {
    const bodies = messageBodies(fake.requests);
    expect(bodies.length).toBeGreaterThan(10);
    for (const { body } of bodies) {
      expect((body.allowed_mentions as { parse: unknown[] } | undefined)?.parse).toEqual([]);
    }
  });
});
