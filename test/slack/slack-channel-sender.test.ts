import { webApi } from '@slack/bolt';
import { FakeSlackApi } from '../support/fake-slack-api';
import { SlackChannelSender } from '../../adapters/slack/slack-channel-sender';
import { SlackUserDirectory } from '../../adapters/slack/slack-user-directory';
import { renderBlocks } from '../../adapters/slack/render-blocks';
import { createBoltLogger } from '../../adapters/slack/bolt-logger';
import { DeliveryError } from '../../src/delivery/channel-sender';
import { createSilentLogger } from '../../src/logging/logger';
import { ManualClock } from '../../src/clock';
import type { Reply } from '../../src/reply/reply';

let fake: FakeSlackApi;
let client: webApi.WebClient;
const waits: number[] = [];
let sender: SlackChannelSender;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
});

beforeEach(() => {
  waits.length = 0;
  sender = new SlackChannelSender({ client, logger: createSilentLogger(), sleep: async (ms) => void waits.push(ms), maxRateLimitRetries: 2, maxWaitMs: 30_000 });
});

afterAll(async () => {
  await fake.close();
});

const short: Reply = { title: 'Digest', visibility: 'channel', blocks: [{ kind: 'text', text: 'One development.' }] };

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('SlackChannelSender', () => {
  test('after the bounded number of 429s the caller gets rate-limited with the wait', async () => {
    const busy = { status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } };
    fake.script('chat.postMessage', busy, busy, busy);
    const error = await failure(sender.send('C-1', short));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(3000);
    expect(waits).toEqual([3000, 3000]);
  });

  test('a Retry-After longer than we wait is handed back at once', async () => {
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '120' }, body: { ok: false, error: 'ratelimited' } });
    const error = await failure(sender.send('C-1', short));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(120_000);
    expect(waits).toEqual([]);
  });

  test.each([
    ['account_inactive', 'permanent'],
    ['invalid_auth', 'permanent'],
    ['internal_error', 'transient'],
    ['fatal_error', 'transient'],
  ])('Slack error %s is %s', async (code, kind) => {
    fake.script('chat.postMessage', { body: { ok: false, error: code } });
    expect((await failure(sender.send('C-1', short))).kind).toBe(kind);
  });

  test('an HTTP 5xx is transient, and an unreachable API is transient', async () => {
    fake.script('chat.postMessage', { status: 503, body: 'down' });
    expect((await failure(sender.send('C-1', short))).kind).toBe('transient');
    const nowhere = new webApi.WebClient('xoxb-test', { slackApiUrl: 'http://127.0.0.1:1/api/', retryConfig: { retries: 0 }, logger: createBoltLogger(createSilentLogger()) });
    const offline = new SlackChannelSender({ client: nowhere, logger: createSilentLogger() });
    expect((await failure(offline.send('C-1', short))).kind).toBe('transient');
  });

  test('a multi-part reply that fails halfway resumes with the failed part when sent again', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ text: `Development ${i} `.repeat(20).trim() }));
    const long: Reply = { title: 'Long digest', visibility: 'channel', blocks: [{ kind: 'list', items }] };
    const parts = renderBlocks(long).length;
    expect(parts).toBeGreaterThan(2);
    fake.script('chat.postMessage', { body: { ok: true, ts: '1.1' } }, { status: 500, body: 'oops' });
    const before = fake.callsOf('chat.postMessage').length;
    expect((await failure(sender.send('C-LONG', long))).kind).toBe('transient');
    await sender.send('C-LONG', long);
    const posted = fake.callsOf('chat.postMessage').slice(before).map((c) => String(c.params.text));
    // part 1 accepted, part 2 refused, then parts 2..n: nobody sees part 1 twice.
    expect(posted[0]).toBe(`Long digest (part 1 of ${parts})`);
    expect(posted.filter((t) => t === `Long digest (part 1 of ${parts})`)).toHaveLength(1);
    expect(posted.filter((t) => t === `Long digest (part 2 of ${parts})`)).toHaveLength(2);
    expect(posted).toHaveLength(parts + 1);
  });
});

describe('SlackUserDirectory', () => {
  test('admins come from users.info or the allow-list, and are cached for a while', async () => {
    fake.users.set('U-BOSS', { name: 'Boss', is_primary_owner: true });
    const clock = new ManualClock('2026-05-21T09:00:00Z');
    const users = new SlackUserDirectory({ client, adminUserIds: ['U-FRIEND'], clock, logger: createSilentLogger(), ttlMs: 60_000 });
    const lookups = () => fake.callsOf('users.info').length;
    const before = lookups();
    expect(await users.caller('U-BOSS')).toEqual({ id: 'U-BOSS', name: 'Boss', isAdmin: true });
    expect((await users.caller('U-FRIEND')).isAdmin).toBe(true);
    expect((await users.caller('U-NOBODY')).isAdmin).toBe(false);
    await users.caller('U-BOSS');
    expect(lookups() - before).toBe(3);
    clock.advance(61_000);
    await users.caller('U-BOSS');
    expect(lookups() - before).toBe(4);
  });

  test('a failed lookup means not an admin, unless allow-listed', async () => {
    fake.script('users.info', { body: { ok: false, error: 'user_not_found' } }, { body: { ok: false, error: 'user_not_found' } });
    const users = new SlackUserDirectory({ client, adminUserIds: ['U-FRIEND'], clock: new ManualClock('2026-05-21T09:00:00Z'), logger: createSilentLogger() });
    expect((await users.caller('U-GHOST', 'ghost')).isAdmin).toBe(false);
    expect((await users.caller('U-FRIEND')).isAdmin).toBe(true);
  });
});
