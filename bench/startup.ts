import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StartupFigures } from './bench-report';
import { megabytes, round } from './percentiles';
import { PROBE_MARKER } from './probe-marker';

export interface StartupOptions {
  /** The compiled program, `dist/adapters/main/start.js`. */
  entry: string;
  storiesDir: string;
  command: string;
  /** Also time the first `ask` in the fresh process (index built on demand). */
  askQuestion?: string;
  timeoutMs: number;
  /** Node options for the program (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}

export interface StartupRun extends StartupFigures {
  /** From the help reply to the first answer of a question, when asked. */
  first_ask_ms?: number;
}

/**
 * Starts the program as `npm start` would with no chat platform configured (console mode),
 * on a fresh database, pipes `/<command> help` and times the first printed reply. Peak
 * memory comes from a preloaded probe. The child gets a minimal environment and runs in an
 * empty folder, so no `.env` or chat token of the person running the bench is picked up.
 */
export async function measureStartup(options: StartupOptions): Promise<StartupRun> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-start-'));
  try {
    return await runOnce(options, workDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function runOnce(options: StartupOptions, workDir: string): Promise<StartupRun> {
  const probe = path.join(__dirname, 'startup-probe.js');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: workDir,
    STORIES_DIR: options.storiesDir,
    DATABASE_PATH: path.join(workDir, 'newsdesk.db'),
    LOG_LEVEL: 'warn',
  };
  return new Promise<StartupRun>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--require', probe, options.entry], { cwd: workDir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let helpMs: number | undefined;
    let askMs: number | undefined;
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no reply within ${options.timeoutMs} ms; stderr: ${stderr.slice(-500)}`));
    }, options.timeoutMs);
    child.stdout.on('data', () => {
      const now = performance.now();
      if (helpMs === undefined) {
        helpMs = now - started;
        if (options.askQuestion) {
          child.stdin.write(`/${options.command} ask ${options.askQuestion}\n`);
          return;
        }
        child.stdin.end();
      } else if (options.askQuestion && askMs === undefined) {
        askMs = now - started - helpMs;
        child.stdin.end();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const probeLine = stderr.split('\n').find((l) => l.startsWith(PROBE_MARKER));
      if (code !== 0 || helpMs === undefined || !probeLine) {
        reject(new Error(`the program exited with ${code} before answering; stderr: ${stderr.slice(-800)}`));
        return;
      }
      const peaks = JSON.parse(probeLine.slice(PROBE_MARKER.length)) as { peakHeapBytes: number; maxRssBytes: number };
      resolve({
        ms: round(helpMs),
        rss_mb: megabytes(peaks.maxRssBytes),
        heap_mb: megabytes(peaks.peakHeapBytes),
        ...(askMs !== undefined ? { first_ask_ms: round(askMs) } : {}),
      });
    });
    child.stdin.write(`/${options.command} help\n`);
  });
}

/** Several runs; the figures of the run with the median startup time. */
export async function measureStartupMedian(options: StartupOptions, runs: number): Promise<StartupRun> {
  const results: StartupRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await measureStartup(options));
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor((results.length - 1) / 2)]!;
}
