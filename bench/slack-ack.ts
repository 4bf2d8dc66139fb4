import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SlackAckFigures } from './bench-report';
import { FakeSlackWebApi } from './fakes/fake-slack-web-api';
import { freePort } from './free-port';
import { summarise } from './percentiles';
import type { Progress } from './progress';
import { slackSignatureHeaders } from './slack-signing';

export interface SlackAckOptions {
  /** Compiled `adapters/main/start.js`. */
  entry: string;
  storiesDir: string;
  command: string;
  questions: readonly string[];
  requests: number;
  concurrency: number;
  progress: Progress;
  /** Node options for the program (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}

const SIGNING_SECRET = 'bench-signing-secret';
/** Slack gives up on an acknowledgement after 3 seconds. */
const SLACK_ACK_DEADLINE_MS = 3000;

/**
 * Runs the program as `npm start` does with Slack configured (real Bolt HTTP receiver),
 * against a fake Slack Web API and response_url on 127.0.0.1, and sends signed slash
 * commands from this process at a fixed concurrency. Acknowledgement latency is from
 * sending the request to reading the HTTP answer; the answers themselves follow on the
 * response_url while later commands are acknowledged, as in real use.
 */
export async function measureSlackAck(options: SlackAckOptions): Promise<SlackAckFigures> {
  const fake = await FakeSlackWebApi.start();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-slack-'));
  const port = await freePort();
  const healthPort = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry], {
    cwd: workDir,
    env: {
      PATH: process.env.PATH,
      HOME: workDir,
      STORIES_DIR: options.storiesDir,
      DATABASE_PATH: path.join(workDir, 'newsdesk.db'),
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      HEALTH_PORT: String(healthPort),
      // Every ask is answered in full (the worst case), not turned away by the per-user limit.
      ASK_RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  try {
    await waitUntilReady(child, healthPort, () => stderr);
    // /readyz can answer 200 a moment before the Slack listener is up; wait for the port too.
    await waitForListener(child, port, () => stderr);
    const url = `http://127.0.0.1:${port}/slack/events`;
    const texts = [...options.questions.map((q) => `ask ${q}`), 'timeline', 'latest', 'help', 'digest', 'timeline 2024'];
    const send = async (text: string, id: string, user: string): Promise<{ ms: number; ok: boolean }> => {
      const body = new URLSearchParams({
        token: 'unused',
        command: `/${options.command}`,
        text,
        team_id: 'TBENCH',
        channel_id: 'CBENCH',
        user_id: user,
        user_name: 'bench',
        response_url: fake.responseUrl(id),
        trigger_id: `trigger-${id}`,
      }).toString();
      const started = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SIGNING_SECRET, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await res.text();
      const ms = performance.now() - started;
      return { ms, ok: res.status === 200 && ms <= SLACK_ACK_DEADLINE_MS };
    };
    // Warm-up: every kind of command once, answered, so indexes are built before timing.
    for (const [i, text] of texts.entries()) await send(text, `warm${i}`, 'UBENCHWARM');
    await fake.until(() => texts.every((_, i) => fake.responses.has(`warm${i}`)), 60_000);
    options.progress(`  warm; sending ${options.requests} commands, ${options.concurrency} at a time`);
    const samples: number[] = [];
    let failed = 0;
    let next = 0;
    // Each concurrent sender is one person, as in a busy channel: Slack user lookups are cached per person.
    const worker = async (_: unknown, person: number) => {
      while (next < options.requests) {
        const i = next++;
        try {
          const { ms, ok } = await send(texts[i % texts.length]!, `r${i}`, `UBENCH${person}`);
          samples.push(ms);
          if (!ok) failed++;
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const answeredBy = () => Array.from({ length: options.requests }, (_, i) => fake.responses.has(`r${i}`)).filter(Boolean).length;
    await fake.until(() => answeredBy() === options.requests, 60_000).catch(() => undefined);
    if (samples.length === 0) throw new Error(`no command was acknowledged; stderr: ${stderr}`);
    return { ...summarise(samples), requests: options.requests, concurrency: options.concurrency, failed, answered: answeredBy() };
  } finally {
    await stop(child);
    await fake.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function waitUntilReady(child: ChildProcess, healthPort: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the program exited with ${child.exitCode}: ${stderr()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${healthPort}/readyz`, { signal: AbortSignal.timeout(1000) });
      await res.text();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the program was not ready within 30 s: ${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitForListener(child: ChildProcess, port: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the program exited with ${child.exitCode}: ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listened on the Slack port within 30 s: ${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** SIGTERM (the graceful stop), then SIGKILL if it takes more than 15 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
