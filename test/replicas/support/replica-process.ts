import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/paths';
import { ChangeSignal } from './change-signal';

/** The compiled program, as `npm start` runs it; `npm test` builds it before jest. */
export const startScript = path.join(repoRoot, 'dist/adapters/main/start.js');
export const built = fs.existsSync(startScript);

/** One JSON log line of the child. */
export type LogLine = Record<string, unknown> & { msg?: string };

/**
 * A real newsdesk process (`node dist/adapters/main/start.js`) with its own environment,
 * whose JSON log lines on stderr the test can wait for.
 */
export class ReplicaProcess {
  readonly logs: LogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  private readonly child: ChildProcess;
  private stderrTail = '';
  private readonly changed = new ChangeSignal();

  constructor(env: Record<string, string>) {
    const clean: Record<string, string | undefined> = { ...process.env };
    for (const name of Object.keys(clean)) if (/^(SLACK|DISCORD|DATABASE|ANTHROPIC|STORY|HEALTH|PORT$|FEED|DIGEST)/.test(name)) delete clean[name];
    this.child = spawn(process.execPath, [startScript], {
      env: { ...clean, LOG_LEVEL: 'info', ...env },
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      const text = this.stderrTail + chunk;
      const lines = text.split('\n');
      this.stderrTail = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.logs.push({ msg: line });
        }
      }
      this.wake();
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.wake();
        resolve({ code, signal, at: Date.now() });
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first log line matching; rejects when the process exits first or time runs out. */
  async waitForLog(match: (line: LogLine) => boolean, timeoutMs = 15000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.find(match);
      if (found) return found;
      if (!this.running) throw new Error(`the process exited before the expected log line; its log:\n${this.logText()}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for a log line; the log so far:\n${this.logText()}`);
      await this.changed.next();
    }
  }

  /** The port of /healthz, /readyz and /metrics (HEALTH_PORT=0 picks a free one). */
  async healthPort(): Promise<number> {
    const line = await this.waitForLog((l) => l.msg === 'health and metrics endpoints listening');
    return Number(line.port);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Makes sure the process is gone (a test that failed midway). */
  async dispose(): Promise<void> {
    if (this.running) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  logText(): string {
    return this.logs.map((l) => JSON.stringify(l)).join('\n') + this.stderrTail;
  }

  private wake(): void {
    this.changed.notify();
  }
}
