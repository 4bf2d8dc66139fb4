import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { FakeSlackApi } from '../support/fake-slack-api';
import { eventEnvelope, postSigned, slashCommandBody } from '../support/slack-requests';
import { repoRoot } from '../support/paths';
import { tempDir } from '../support/test-newsdesk';

/**
 * `npm start` as an operator runs it: the built process (dist/), configured only through
 * its environment, with SLACK_API_URL pointing at the fake. It must answer a signed
 * `/karpathy timeline` and a mention, and stop cleanly on SIGTERM.
 * Needs `npm run build` first (`npm test` builds before running jest).
 */

const SECRET = 'process-signing-secret';
const startJs = path.join(repoRoot, 'dist', 'adapters', 'main', 'start.js');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let fake: FakeSlackApi;
let child: ChildProcessWithoutNullStreams | undefined;
let stderr = '';
let workDir: string;

beforeAll(async () => {
  if (!fs.existsSync(startJs)) throw new Error(`${startJs} is missing: run npm run build first`);
  fake = await FakeSlackApi.start();
  workDir = tempDir('newsdesk-slack-process-');
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await fake?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

function waitForLog(pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
    const check = () => {
      if (pattern.test(stderr)) {
        clearTimeout(timer);
        child?.stderr.off('data', check);
        resolve();
      }
    };
    child?.stderr.on('data', check);
    child?.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`newsdesk exited with ${code} before ${pattern}; stderr:\n${stderr}`));
    });
    check();
  });
}

/** The environment of a spawned newsdesk pointing at the fake. */
function serviceEnv(port: number, healthPort: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    SLACK_BOT_TOKEN: 'xoxb-process-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    HEALTH_PORT: String(healthPort),
    STORIES_DIR: path.join(repoRoot, 'digests'),
    DATABASE_PATH: path.join(workDir, 'newsdesk.db'),
    LOG_LEVEL: 'info',
  };
}

test('the built service answers a signed /karpathy timeline and a mention, then stops on SIGTERM', async () => {
  const port = await freePort();
  const healthPort = await freePort();
  // A directory without a .env, so only this environment configures the process.
  child = spawn(process.execPath, [startJs], { cwd: workDir, env: serviceEnv(port, healthPort) });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // stdin stays open and unread: a service must not wait for a console.
  await waitForLog(/slack adapter listening/, 30_000);
  expect(fake.callsOf('auth.test')).toHaveLength(1);
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;

  const command = await postSigned(
    eventsUrl,
    SECRET,
    slashCommandBody({ command: '/karpathy', text: 'timeline', response_url: fake.responseUrl('timeline') }),
    'application/x-www-form-urlencoded',
  );
  expect(command.status).toBe(200);
  const answer = await fake.waitFor((calls) => calls.find((c) => c.method === 'response_url:timeline'), 15_000);
  const blocks = answer.params.blocks as Array<{ type: string; text?: { text: string } }>;
  expect(answer.params.response_type).toBe('in_channel');
  expect(blocks[0]?.text?.text).toMatch(/: timeline \(\d+ events?\)$/);
  const dated = blocks.filter((b) => b.type === 'section' && /^\*\d{4}/.test(b.text?.text ?? ''));
  expect(dated.length).toBeGreaterThan(0);

  const mention = await postSigned(
    eventsUrl,
    SECRET,
    JSON.stringify(eventEnvelope({ type: 'app_mention', channel: 'C-NEWS', user: 'U-READER', text: '<@U-BOT> who leads the pre-training team?', ts: '1700000200.1' })),
    'application/json',
  );
  expect(mention.status).toBe(200);
  const reply = await fake.waitFor((calls) => calls.find((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '1700000200.1'), 15_000);
  expect(reply.params.channel).toBe('C-NEWS');
  expect(String(reply.params.text).length).toBeGreaterThan(0);
  expect((reply.params.blocks as unknown[]).length).toBeGreaterThan(0);

  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  if (process.env.SHOW_STDERR) process.stderr.write(stderr);
}, 60_000);

test('a bot token Slack rejects stops the service at once, exit code 2, naming SLACK_BOT_TOKEN', async () => {
  fake.script('auth.test', { body: { ok: false, error: 'token_revoked' } });
  stderr = '';
  child = spawn(process.execPath, [startJs], { cwd: workDir, env: serviceEnv(await freePort(), await freePort()) });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child!.once('exit', (c) => resolve(c)));
  expect(code).toBe(2);
  expect(stderr).toMatch(/Slack rejected SLACK_BOT_TOKEN \(token_revoked\)/);
}, 30_000);
