import { FakeSlackApi, type RecordedCall } from '../support/fake-slack-api';
import { eventEnvelope, postSigned, slashCommandBody } from '../support/slack-requests';
import { createTestNewsdesk } from '../support/test-newsdesk';
import pino from 'pino';
import { startSlack, type SlackService } from '../../adapters/slack/start-slack';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import { DeliveryError } from '../../src/delivery/channel-sender';
import type { Reply } from '../../src/reply/reply';
import type { DigestsFeature } from '../../src/digests/digests-feature';

/**
 * The real Bolt app over HTTP, signed requests as Slack sends them, and a fake Slack Web
 * API on 127.0.0.1 recording what Slack would have received.
 */

const SECRET = 'test-signing-secret';

let fake: FakeSlackApi;
let newsdesk: Newsdesk;
let slack: SlackService;
let eventsUrl: string;
const waits: number[] = [];
/** What the adapter logged at warn and above. */
const logLines: string[] = [];
let responseId = 0;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  fake.users.set('U-ADMIN', { name: 'Ada', is_admin: true });
  fake.users.set('U-OWNER', { name: 'Olu', is_owner: true });
  newsdesk = await createTestNewsdesk({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_ADMIN_USER_IDS: 'U-LISTED',
  });
  slack = await startSlack(newsdesk, newsdesk.context.config.slack!, pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) }), {
    host: '127.0.0.1',
    port: 0,
    retryConfig: { retries: 0 },
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  eventsUrl = `http://127.0.0.1:${slack.port}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await newsdesk?.close();
  await fake?.close();
});

/** Sends `/command text` signed, returns the HTTP answer and the response_url id to watch. */
async function slash(command: string, text: string, userId = 'U-READER') {
  const id = `r${++responseId}`;
  const body = slashCommandBody({ command, text, response_url: fake.responseUrl(id), user_id: userId });
  const http = await postSigned(eventsUrl, SECRET, body, 'application/x-www-form-urlencoded');
  return { http, id };
}

function responsesTo(id: string): Promise<RecordedCall[]> {
  return fake.waitFor((calls) => {
    const found = calls.filter((c) => c.method === `response_url:${id}`);
    return found.length > 0 ? found : undefined;
  });
}

async function waitForLog(pattern: RegExp): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const line = logLines.find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line matching ${pattern}; got: ${logLines.join('')}`);
}

/** All text a Slack client would show for a message's blocks. */
function blockText(params: Record<string, unknown>): string {
  return JSON.stringify(params.blocks ?? []);
}

function mention(event: Record<string, unknown>) {
  return postSigned(eventsUrl, SECRET, JSON.stringify(eventEnvelope({ type: 'app_mention', channel: 'C-NEWS', user: 'U-READER', ...event })), 'application/json');
}

describe('slash commands over HTTP', () => {
  test('a slash command is acknowledged before its answer is computed, and the answer reaches response_url', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    newsdesk.story().router.register({
      name: 'slowpoke',
      usage: '',
      summary: 'waits until the test lets it answer',
      async run() {
        await gate;
        return { title: 'Slow answer', visibility: 'channel', blocks: [{ kind: 'text', text: 'finally here' }] };
      },
    });
    const started = Date.now();
    const { http, id } = await slash('/karpathy', 'slowpoke');
    const ackMs = Date.now() - started;
    expect(http.status).toBe(200);
    expect(ackMs).toBeLessThan(3000);
    expect(fake.callsOf(`response_url:${id}`)).toHaveLength(0);
    release();
    const [answer] = await responsesTo(id);
    expect(answer!.params.response_type).toBe('in_channel');
    expect(answer!.params.text).toBe('Slow answer');
    expect(blockText(answer!.params)).toContain('finally here');
  });

  test('an expired response_url (404) is logged as undelivered, not retried, and the adapter keeps answering', async () => {
    const id = `r${++responseId}`;
    fake.script(`response_url:${id}`, { status: 404, body: 'expired_url' }, { status: 404, body: 'expired_url' });
    const body = slashCommandBody({ command: '/karpathy', text: 'help', response_url: fake.responseUrl(id), user_id: 'U-READER' });
    expect((await postSigned(eventsUrl, SECRET, body, 'application/x-www-form-urlencoded')).status).toBe(200);
    const logged = JSON.parse(await waitForLog(/response_url refused/)) as Record<string, unknown>;
    expect(logged).toMatchObject({ level: 40, command: '/karpathy', channel: 'C-NEWS', status: 404 });
    // No apology through the same dead URL.
    expect(fake.callsOf(`response_url:${id}`)).toHaveLength(1);
    const next = await slash('/karpathy', 'help');
    expect(await responsesTo(next.id)).toHaveLength(1);
  });

  test('help is private by default, and "public" shares it with the channel', async () => {
    const plain = await slash('/karpathy', 'help');
    expect(plain.http.status).toBe(200);
    const [privateHelp] = await responsesTo(plain.id);
    expect(privateHelp!.params.response_type).toBe('ephemeral');
    expect(blockText(privateHelp!.params)).toContain('/karpathy sources');

    const shared = await slash('/karpathy', 'public help');
    const [publicHelp] = await responsesTo(shared.id);
    expect(publicHelp!.params.response_type).toBe('in_channel');
    expect(blockText(publicHelp!.params)).toContain('/karpathy sources');
  });

  test('sources lists every article, each with its outlet on a context line', async () => {
    const { id } = await slash('/karpathy', 'sources');
    const [answer] = await responsesTo(id);
    const blocks = answer!.params.blocks as Array<{ type: string }>;
    const articles = newsdesk.story().corpus.articles();
    expect(blocks[0]!.type).toBe('header');
    expect(blocks.filter((b) => b.type === 'section')).toHaveLength(Math.min(articles.length, 15));
    for (const article of articles.slice(0, 15)) expect(blockText(answer!.params)).toContain(JSON.stringify(article.outlet.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).slice(1, -1));
  });

  test('an unknown command gets a private error, never a public one', async () => {
    const { id } = await slash('/nosuchstory', 'public timeline');
    const [answer] = await responsesTo(id);
    expect(answer!.params.response_type).toBe('ephemeral');
    expect(blockText(answer!.params)).toContain('/karpathy help');
  });

  test('a request with a bad signature or a stale timestamp gets 401 and no answer', async () => {
    const before = fake.calls.length;
    const body = slashCommandBody({ command: '/karpathy', text: 'help', response_url: fake.responseUrl('forged') });
    const forged = await postSigned(eventsUrl, SECRET, body, 'application/x-www-form-urlencoded', { signature: 'v0=' + '0'.repeat(64) });
    expect(forged.status).toBe(401);
    const wrongSecret = await postSigned(eventsUrl, 'not-the-secret', body, 'application/x-www-form-urlencoded');
    expect(wrongSecret.status).toBe(401);
    const stale = await postSigned(eventsUrl, SECRET, body, 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    // A valid request afterwards is answered, and nothing was posted for the rejected ones.
    const { id } = await slash('/karpathy', 'help');
    await responsesTo(id);
    expect(fake.calls.slice(before).filter((c) => c.method === 'response_url:forged')).toHaveLength(0);
  });

  test('admin-only subcommands need a workspace admin or owner, or the allow-list', async () => {
    newsdesk.story().router.register({
      name: 'lockdown',
      usage: '',
      summary: 'an admin-only test command',
      adminOnly: () => true,
      async run() {
        return { visibility: 'private', blocks: [{ kind: 'text', text: 'locked down' }] };
      },
    });
    const member = await slash('/karpathy', 'lockdown', 'U-READER');
    expect(blockText((await responsesTo(member.id))[0]!.params)).toContain('Only admins');
    for (const user of ['U-ADMIN', 'U-OWNER', 'U-LISTED']) {
      const allowed = await slash('/karpathy', 'lockdown', user);
      expect(blockText((await responsesTo(allowed.id))[0]!.params)).toContain('locked down');
    }
  });
});

describe('mentions and direct messages', () => {
  test('a mention is answered in its thread', async () => {
    const http = await mention({ text: '<@U-BOT>', ts: '1700000001.000200' });
    expect(http.status).toBe(200);
    const post = await fake.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '1700000001.000200'));
    expect(post.params.channel).toBe('C-NEWS');
    // Only the bot's mention, nothing else: the core got an empty question and answered with help.
    expect(post.params.text).toBe(`${newsdesk.story().definition.title}: commands`);
    expect(blockText(post.params)).toContain('/karpathy');
  });

  test('a mention inside a thread is answered in that thread', async () => {
    await mention({ text: '<@U-BOT> what changed?', ts: '1700000003.000100', thread_ts: '1700000002.000100' });
    const post = await fake.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '1700000002.000100'));
    expect(post.params.channel).toBe('C-NEWS');
  });

  test('a direct message is answered in the conversation; bot messages and edits are ignored', async () => {
    const dm = (event: Record<string, unknown>) =>
      postSigned(eventsUrl, SECRET, JSON.stringify(eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D-READER', user: 'U-READER', ...event })), 'application/json');
    expect((await dm({ text: 'hello', bot_id: 'B-OTHER', ts: '1700000010.1' })).status).toBe(200);
    expect((await dm({ text: 'hello', subtype: 'message_changed', ts: '1700000011.1' })).status).toBe(200);
    expect((await dm({ text: 'help', ts: '1700000012.1' })).status).toBe(200);
    const post = await fake.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.params.channel === 'D-READER'));
    expect(post.params.thread_ts).toBeUndefined();
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'D-READER')).toHaveLength(1);
  });

  test('an event Slack delivers twice is answered once', async () => {
    const envelope = eventEnvelope({ type: 'app_mention', channel: 'C-TWICE', user: 'U-READER', text: '<@U-BOT>', ts: '1700000020.1' });
    await postSigned(eventsUrl, SECRET, JSON.stringify(envelope), 'application/json');
    await fake.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.params.channel === 'C-TWICE'));
    await postSigned(eventsUrl, SECRET, JSON.stringify(envelope), 'application/json');
    // A third, different mention proves the second one had its chance to be (wrongly) answered.
    await mention({ channel: 'C-TWICE', text: '<@U-BOT>', ts: '1700000021.1' });
    await fake.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '1700000021.1'));
    const answers = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '1700000020.1');
    expect(answers).toHaveLength(1);
  });
});

describe('digests through the ChannelSender port', () => {
  const digest: Reply = {
    title: 'Karpathy story: what changed today',
    visibility: 'channel',
    blocks: [{ kind: 'list', items: [{ headline: 'A new hire', text: 'Someone joined the team.', sources: [{ outlet: 'Example News', url: 'https://example.com/a' }] }] }],
  };

  test('a digest reaches chat.postMessage exactly once', async () => {
    const sender = newsdesk.senderFor('slack');
    expect(sender).toBeDefined();
    await sender!.send('C-DIGEST', digest);
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'C-DIGEST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.params.text).toBe('Karpathy story: what changed today');
    expect(blockText(posts[0]!.params)).toContain('<https://example.com/a|Example News>');
  });

  test('a 429 is retried after the Retry-After wait, and the digest is posted once', async () => {
    waits.length = 0;
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } });
    const before = fake.callsOf('chat.postMessage').length;
    await newsdesk.senderFor('slack')!.send('C-BUSY', digest);
    const attempts = fake.callsOf('chat.postMessage').slice(before);
    expect(attempts.map((c) => c.params.channel)).toEqual(['C-BUSY', 'C-BUSY']);
    expect(waits).toEqual([2000]);
  });

  test.each(['channel_not_found', 'not_in_channel', 'is_archived'])('%s is a permanent delivery error', async (code) => {
    fake.script('chat.postMessage', { body: { ok: false, error: code } });
    const failure = await newsdesk.senderFor('slack')!.send('C-GONE', digest).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).kind).toBe('permanent');
    expect((failure as DeliveryError).message).toContain(code);
  });
});

describe('a subscription made in Slack', () => {
  test('gets its notices once, and is paused, visibly, when the bot is removed from the channel', async () => {
    const subscribe = await slashIn('C-SUB', 'subscribe 08:30 Europe/Berlin', 'U-ADMIN');
    expect(blockText((await responsesTo(subscribe))[0]!.params)).not.toContain('Only admins');
    const digests = newsdesk.feature<DigestsFeature>('digests')!;
    const notice: Reply = { title: 'A notice', visibility: 'channel', blocks: [{ kind: 'text', text: 'Something worth knowing.' }] };

    expect(await digests.notifyStoryChannels('karpathy', notice, 'slack-notice-1')).toBe(1);
    await digests.notifyStoryChannels('karpathy', notice, 'slack-notice-1');
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'C-SUB')).toHaveLength(1);

    fake.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await digests.notifyStoryChannels('karpathy', notice, 'slack-notice-2');
    const listing = await slashIn('C-SUB', 'subscriptions', 'U-READER');
    expect(blockText((await responsesTo(listing))[0]!.params)).toMatch(/paused: .*not_in_channel/);
  });
});

/** `/karpathy <text>` from `userId` in `channelId`; returns the response_url id. */
async function slashIn(channelId: string, text: string, userId: string): Promise<string> {
  const id = `r${++responseId}`;
  const body = slashCommandBody({ command: '/karpathy', text, response_url: fake.responseUrl(id), user_id: userId, channel_id: channelId });
  expect((await postSigned(eventsUrl, SECRET, body, 'application/x-www-form-urlencoded')).status).toBe(200);
  return id;
}
