import { FakeSlackApi } from '../support/fake-slack-api';
import { postSigned, slashCommandBody } from '../support/slack-requests';
import { createTestNewsdesk } from '../support/test-newsdesk';
import { createSilentLogger } from '../../src/logging/logger';
import { startSlack } from '../../adapters/slack/start-slack';
import { NewsdeskError } from '../../src/errors';
import type { Newsdesk } from '../../src/app/create-newsdesk';

/** Starting and stopping: clear startup errors, and a stop that still answers what was acknowledged. */

let fake: FakeSlackApi;
let newsdesk: Newsdesk;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
});

afterEach(async () => {
  await newsdesk?.close();
});

afterAll(async () => {
  await fake.close();
});

const quiet = { host: '127.0.0.1', port: 0, retryConfig: { retries: 0 } };

async function slackNewsdesk(env: Record<string, string> = {}): Promise<Newsdesk> {
  newsdesk = await createTestNewsdesk({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: fake.apiUrl, ...env });
  return newsdesk;
}

test('a token Slack rejects stops startup with a message naming SLACK_BOT_TOKEN', async () => {
  fake.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
  const nd = await slackNewsdesk();
  const error = await startSlack(nd, nd.context.config.slack!, createSilentLogger(), quiet).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NewsdeskError);
  expect((error as Error).message).toMatch(/SLACK_BOT_TOKEN \(invalid_auth\)/);
});

test('an unreachable Web API stops startup with a message naming SLACK_API_URL', async () => {
  const nd = await slackNewsdesk({ SLACK_API_URL: 'http://127.0.0.1:1/api/' });
  const error = await startSlack(nd, nd.context.config.slack!, createSilentLogger(), quiet).catch((e: unknown) => e);
  expect((error as Error).message).toMatch(/cannot reach the Slack Web API at http:\/\/127\.0\.0\.1:1\/api\/ \(SLACK_API_URL\)/);
});

test('a user token instead of a bot token is refused', async () => {
  fake.script('auth.test', { body: { ok: true, user_id: 'U-PERSON', team_id: 'T-FAKE' } });
  const nd = await slackNewsdesk();
  const error = await startSlack(nd, nd.context.config.slack!, createSilentLogger(), quiet).catch((e: unknown) => e);
  expect((error as Error).message).toMatch(/not a bot token/);
});

test('a port in use stops startup with a message naming PORT', async () => {
  const nd = await slackNewsdesk();
  const first = await startSlack(nd, nd.context.config.slack!, createSilentLogger(), quiet);
  try {
    const error = await startSlack(nd, nd.context.config.slack!, createSilentLogger(), { ...quiet, port: first.port! }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(new RegExp(`port ${first.port}.*PORT`));
  } finally {
    await first.stop();
  }
});

test('stopping waits for an acknowledged command and still delivers its answer', async () => {
  const nd = await slackNewsdesk();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  nd.story().router.register({
    name: 'slowpoke',
    usage: '',
    summary: 'waits for the test',
    async run() {
      started();
      await gate;
      return { visibility: 'private', blocks: [{ kind: 'text', text: 'answered after all' }] };
    },
  });
  const slack = await startSlack(nd, nd.context.config.slack!, createSilentLogger(), quiet);
  const body = slashCommandBody({ command: '/karpathy', text: 'slowpoke', response_url: fake.responseUrl('late') });
  expect((await postSigned(`http://127.0.0.1:${slack.port}/slack/events`, 'secret', body, 'application/x-www-form-urlencoded')).status).toBe(200);
  await running;
  let stopped = false;
  const stopping = slack.stop().then(() => (stopped = true));
  await new Promise((resolve) => setImmediate(resolve));
  expect(stopped).toBe(false);
  expect(slack.isReady()).toBe(false);
  release();
  await stopping;
  const answer = fake.callsOf('response_url:late');
  expect(answer).toHaveLength(1);
  expect(JSON.stringify(answer[0]!.params.blocks)).toContain('answered after all');
});

test('Socket Mode with an app token Slack rejects stops startup with a message naming SLACK_APP_TOKEN', async () => {
  fake.script('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
  const nd = await slackNewsdesk({ SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xapp-bad' });
  const error = await startSlack(nd, nd.context.config.slack!, createSilentLogger(), quiet).catch((e: unknown) => e);
  expect((error as Error).message).toMatch(/SLACK_APP_TOKEN/);
});
