import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { createSilentLogger } from '../../src/logging/logger';
import { createNewsdesk, type Newsdesk } from '../../src/app/create-newsdesk';
import { ManualClock } from '../../src/clock';
import { renderPlainText } from '../../src/reply/render-plain-text';
import type { Reply } from '../../src/reply/reply';

const repoRoot = path.resolve(__dirname, '../..');
const user = { id: 'U-1', name: 'reader', isAdmin: false };
const other = { id: 'U-2', name: 'other', isAdmin: false };
const channel = { platform: 'slack' as const, channelId: 'C-news', workspaceId: 'T-1' };

let tmp: string;
const bots: Newsdesk[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-answers-'));
});

afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function startBot(env: Record<string, string> = {}, clock = new ManualClock('2026-05-21T09:00:00Z')): Promise<Newsdesk> {
  const config = loadConfig({ STORIES_DIR: path.join(repoRoot, 'digests'), DATABASE_PATH: path.join(tmp, 'test.db'), LOG_LEVEL: 'silent', ...env });
  const bot = await createNewsdesk(config, createSilentLogger(), { clock });
  bots.push(bot);
  return bot;
}

const text = (reply: Reply) => renderPlainText(reply);

describe('mentions and /karpathy ask share one path', () => {
  test('a mention and the ask command give the same cited answer', async () => {
    const bot = await startBot();
    const viaMention = await bot.handleMention('who leads the pre-training team at Anthropic?', user, channel);
    const viaCommand = await bot.handleCommand('karpathy', 'ask who leads the pre-training team at Anthropic?', other, channel);
    expect(text(viaMention)).toEqual(text(viaCommand));
    expect(text(viaMention)).toMatch(/Nick Joseph/);
    expect(viaMention.blocks.some((b) => b.kind === 'citations')).toBe(true);
    expect(viaMention.visibility).toBe('channel');
  });

  test('a mention without a question gets help', async () => {
    const bot = await startBot();
    const reply = await bot.handleMention('   ', user, channel);
    expect(text(reply)).toMatch(/\/karpathy ask/);
  });

  test('an unsupported question is refused and points to timeline and sources', async () => {
    const bot = await startBot();
    const reply = await bot.handleCommand('karpathy', "ask what is Karpathy's favourite food?", user, channel);
    expect(text(reply)).toContain("I don't know that from the coverage I have.");
    expect(text(reply)).toContain('/karpathy timeline');
    expect(text(reply)).toContain('/karpathy sources');
  });

  test('a question over the length limit gets a clear message', async () => {
    const bot = await startBot();
    const reply = await bot.handleCommand('karpathy', `ask ${'why '.repeat(130)}?`, user, channel);
    expect(reply.isError).toBe(true);
    expect(text(reply)).toMatch(/under 500/);
  });

  test('the per-user rate limit answers politely and frees up after a minute', async () => {
    const clock = new ManualClock('2026-05-21T09:00:00Z');
    const bot = await startBot({ ASK_RATE_LIMIT_PER_MINUTE: '2' }, clock);
    const ask = (who = user) => bot.handleCommand('karpathy', 'ask when did Karpathy announce the move?', who, channel);
    expect((await ask()).isError).toBeFalsy();
    expect((await ask()).isError).toBeFalsy();
    const limited = await ask();
    expect(limited.isError).toBe(true);
    expect(text(limited)).toMatch(/try again in 60 seconds/);
    expect((await ask(other)).isError).toBeFalsy();
    clock.advance(60_000);
    expect((await ask()).isError).toBeFalsy();
  });
});

/** A stand-in for the Messages API on 127.0.0.1; `respond` decides each reply. */
async function fakeMessagesApi(respond: (body: { system?: string; messages: Array<{ content: string }> }, res: http.ServerResponse) => void) {
  const requests: Array<{ system?: string; messages: Array<{ content: string }> }> = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw) as { system?: string; messages: Array<{ content: string }> };
      requests.push(body);
      respond(body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

function message(text: string) {
  return JSON.stringify({
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-test',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 10 },
  });
}

describe('Claude writes the answer when configured', () => {
  const question = 'ask who leads the pre-training team at Anthropic?';

  async function botWith(api: { url: string }, extra: Record<string, string> = {}) {
    return startBot({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: api.url, ANTHROPIC_MODEL: 'claude-test', ANTHROPIC_TIMEOUT_MS: '300', ...extra });
  }

  test('its cited answer is used, written only from the retrieved passages', async () => {
    const api = await fakeMessagesApi((_b, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(message('Nick Joseph leads the team [1].')));
    try {
      const reply = await (await botWith(api)).handleCommand('karpathy', question, user, channel);
      expect(text(reply)).toContain('Nick Joseph leads the team [1].');
      expect(text(reply)).toContain('written with Claude');
      expect(api.requests[0]?.messages[0]?.content).toMatch(/\[1\] .*\n.*Joseph/);
      expect(api.requests[0]?.system).toMatch(/ONLY the numbered sources/);
    } finally {
      api.close();
    }
  });

  test('its refusal is kept', async () => {
    const api = await fakeMessagesApi((_b, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(message('NO_ANSWER')));
    try {
      const reply = await (await botWith(api)).handleCommand('karpathy', question, user, channel);
      expect(text(reply)).toContain("I don't know that from the coverage I have.");
    } finally {
      api.close();
    }
  });

  test.each([
    ['a server error', (res: http.ServerResponse) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"type":"error","error":{"type":"api_error","message":"boom"}}')],
    ['rate limiting', (res: http.ServerResponse) => res.writeHead(429, { 'content-type': 'application/json' }).end('{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}')],
    ['an answer without citations', (res: http.ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end(message('Probably someone senior.'))],
    ['a citation to a source it was not given', (res: http.ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end(message('Nick Joseph [9].'))],
    ['malformed JSON', (res: http.ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"content": [')],
    ['a timeout', (res: http.ServerResponse) => void setTimeout(() => { if (!res.writableEnded && !res.destroyed) res.writeHead(200).end(message('late [1]')); }, 2000).unref()],
  ])('falls back to the offline answer on %s', async (_label, respond) => {
    const api = await fakeMessagesApi((_b, res) => respond(res));
    try {
      const reply = await (await botWith(api)).handleCommand('karpathy', question, user, channel);
      expect(reply.isError).toBeFalsy();
      expect(text(reply)).toMatch(/Nick Joseph/);
      expect(text(reply)).not.toContain('written with Claude');
    } finally {
      api.close();
    }
  });

  test('a question the offline evidence cannot support is refused without asking Claude', async () => {
    const api = await fakeMessagesApi((_b, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(message('He earns a lot [1].')));
    try {
      const reply = await (await botWith(api)).handleCommand('karpathy', "ask what is Karpathy's salary?", user, channel);
      expect(text(reply)).toContain("I don't know that from the coverage I have.");
      expect(api.requests).toHaveLength(0);
    } finally {
      api.close();
    }
  });
});
