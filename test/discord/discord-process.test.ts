import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FakeDiscord } from '../support/fake-discord';
import { repoRoot } from '../support/paths';
import { tempDir } from '../support/test-newsdesk';

// `npm start` as a user runs it (the compiled program; `npm test` builds it first), with
// Discord pointed at a fake on 127.0.0.1: it must answer a slash command and a mention, and
// stop cleanly on SIGTERM.
const start = path.join(repoRoot, 'dist/adapters/main/start.js');
const describeBuilt = fs.existsSync(start) ? describe : describe.skip;

function textOf(body: Record<string, unknown>): string {
  const embeds = (body.embeds as Array<Record<string, unknown>> | undefined) ?? [];
  return [body.content ?? '', ...embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].join('\n').trim();
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describeBuilt('npm start with Discord configured (against a fake Discord)', () => {
  let fake: FakeDiscord;
  let dir: string;
  let child: ChildProcess | undefined;
  let stderr = '';

  beforeAll(async () => {
    fake = await new FakeDiscord().start();
    dir = tempDir();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      // No .env from the working tree: this test sets every variable it relies on.
      DOTENV_CONFIG_PATH: path.join(dir, 'no.env'),
      LOG_LEVEL: 'warn',
      DATABASE_PATH: path.join(dir, 'newsdesk.db'),
      HEALTH_PORT: '0',
      DISCORD_TOKEN: 'process-test-token',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    };
    child = spawn(process.execPath, [start], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    await Promise.race([
      fake.whenIdentified(),
      exitOf(child).then((code) => Promise.reject(new Error(`npm start exited (${code}) before connecting: ${stderr}`))),
    ]);
  }, 30000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await exitOf(child);
    }
    await fake?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('identifies with the configured token', () => {
    const identify = fake.gatewayReceived.find((p) => p.op === 2)?.d as { token: string };
    expect(identify.token).toBe('process-test-token');
  });

  it('answers /karpathy timeline with a real reply', async () => {
    const interaction = fake.sendSlashCommand({ command: 'karpathy', path: ['timeline'] });
    const answer = await fake.waitForAnswer(interaction, 15000);
    const text = textOf(answer);
    // The story's timeline for everyone in the channel: not help, not an error, not empty.
    expect(text.length).toBeGreaterThan(200);
    expect(text).toMatch(/Karpathy/);
    expect(text).not.toMatch(/There is no "timeline" command/);
    expect(Number(answer.flags ?? 0) & (1 << 6)).toBe(0);
    expect((answer.allowed_mentions as { parse: unknown[] }).parse).toEqual([]);
  }, 20000);

  it('answers a mention with a reply to that message', async () => {
    const messageId = fake.sendMessage({ content: 'who leads the pre-training team?', mentionBot: true });
    const reply = await fake.waitFor('POST', new RegExp(`^/channels/${fake.channelIds[0]}/messages$`), 15000, (r) =>
      (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === messageId,
    );
    const body = reply.body as Record<string, unknown>;
    expect(textOf(body).length).toBeGreaterThan(20);
    expect((body.allowed_mentions as { parse: unknown[] }).parse).toEqual([]);
  }, 20000);

  it('stops on SIGTERM with exit code 0 and closes the gateway connection', async () => {
    child!.kill('SIGTERM');
    const code = await exitOf(child!);
    expect(stderr).not.toMatch(/"level":(50|60)/);
    expect(code).toBe(0);
    for (let i = 0; i < 40 && fake.gatewayConnections > 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(fake.gatewayConnections).toBe(0);
  }, 15000);
});
