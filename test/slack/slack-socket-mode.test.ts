import { FakeSlackApi } from '../support/fake-slack-api';
import { eventEnvelope } from '../support/slack-requests';
import { createTestNewsdesk } from '../support/test-newsdesk';
import { createSilentLogger } from '../../src/logging/logger';
import { startSlack, type SlackService } from '../../adapters/slack/start-slack';
import type { Newsdesk } from '../../src/app/create-newsdesk';

/** Socket Mode: the real Bolt app opens a websocket to the fake and receives envelopes over it. */

let fake: FakeSlackApi;
let newsdesk: Newsdesk;
let slack: SlackService;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  newsdesk = await createTestNewsdesk({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: fake.apiUrl });
  slack = await startSlack(newsdesk, newsdesk.context.config.slack!, createSilentLogger(), { retryConfig: { retries: 0 } });
  await fake.waitForSocket();
});

afterAll(async () => {
  await slack?.stop();
  await newsdesk?.close();
  await fake?.close();
});

test('Socket Mode connects with the app token and reports ready', () => {
  expect(slack.mode).toBe('socket');
  expect(slack.port).toBeUndefined();
  expect(fake.callsOf('apps.connections.open')).toHaveLength(1);
  expect(slack.isReady()).toBe(true);
});

test('a slash command over Socket Mode is acked on the socket and answered via response_url', async () => {
  const ack = await fake.sendEnvelope('slash_commands', {
    command: '/karpathy',
    text: 'public help',
    team_id: 'T-FAKE',
    channel_id: 'C-NEWS',
    user_id: 'U-READER',
    user_name: 'reader',
    response_url: fake.responseUrl('socket-1'),
    trigger_id: '1.2.3',
  });
  expect(ack.envelope_id).toBeDefined();
  const answer = await fake.waitFor((calls) => calls.find((c) => c.method === 'response_url:socket-1'));
  expect(answer.params.response_type).toBe('in_channel');
  expect(JSON.stringify(answer.params.blocks)).toContain('/karpathy sources');
});

test('a mention over Socket Mode is answered in its thread', async () => {
  await fake.sendEnvelope('events_api', eventEnvelope({ type: 'app_mention', channel: 'C-NEWS', user: 'U-READER', text: '<@U-BOT>', ts: '1700000100.1' }));
  const post = await fake.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '1700000100.1'));
  expect(post.params.channel).toBe('C-NEWS');
});
