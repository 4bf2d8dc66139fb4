import { performance } from 'node:perf_hooks';
import type { Caller, Conversation } from '../src/commands/command';
import type { CommandFigures, CorpusFigures } from './bench-report';
import { megabytes, round, summarise } from './percentiles';
import { openBenchNewsdesk } from './bench-newsdesk';
import type { Progress } from './progress';

/** The commands whose latency is budgeted, each with the texts it is timed with (in rotation). */
export function commandTexts(questions: readonly string[]): Record<string, string[]> {
  return {
    timeline: ['timeline', 'timeline 2025', 'timeline 2', 'timeline 2024-2026'],
    ask: questions.map((q) => `ask ${q}`),
    latest: ['latest'],
    digest: ['digest'],
  };
}

export interface CommandLatencyOptions {
  storiesDir: string;
  /** The story's slash command name. */
  command: string;
  questions: readonly string[];
  /** Untimed calls per command after the first (JIT, caches). */
  warmup: number;
  /** Timed calls per command. */
  iterations: number;
  progress: Progress;
}

export interface CommandLatencyResult {
  corpus: CorpusFigures;
  commands: Record<string, CommandFigures>;
  /** Commands the story's router does not have yet. */
  missing: string[];
}

const CONVERSATION: Conversation = { platform: 'slack', channelId: 'C-bench', workspaceId: 'T-bench' };

/**
 * Times each command through `newsdesk.handleCommand`, as an adapter calls it. Every call
 * comes from a different user so the per-user `ask` limit never answers instead of the bot.
 */
export async function measureCommandLatency(options: CommandLatencyOptions): Promise<CommandLatencyResult> {
  const loadStarted = performance.now();
  const bench = await openBenchNewsdesk(options.storiesDir);
  const loadMs = performance.now() - loadStarted;
  try {
    const { newsdesk } = bench;
    const story = newsdesk.story(options.command);
    let callerN = 0;
    const call = async (text: string): Promise<number> => {
      const caller: Caller = { id: `U-bench-${callerN++}`, isAdmin: false };
      const started = performance.now();
      const reply = await newsdesk.handleCommand(options.command, text, caller, CONVERSATION);
      const ms = performance.now() - started;
      if (reply.blocks.length === 0 && !reply.title) throw new Error(`"${text}" gave an empty reply`);
      return ms;
    };
    const texts = commandTexts(options.questions);
    const present = Object.keys(texts).filter((name) => story.router.has(name));
    const missing = Object.keys(texts).filter((name) => !story.router.has(name));
    const commands: Record<string, CommandFigures> = {};
    const first = new Map<string, number>();
    // First call of each command, in order, before any other: it pays for the lazy index build.
    for (const name of present) {
      first.set(name, await call(texts[name]![0]!));
      options.progress(`  ${name}: first call ${round(first.get(name)!)} ms`);
    }
    const heapMb = megabytes(process.memoryUsage().heapUsed);
    for (const name of present) {
      const variants = texts[name]!;
      for (let i = 0; i < options.warmup; i++) await call(variants[i % variants.length]!);
      const samples: number[] = [];
      for (let i = 0; i < options.iterations; i++) samples.push(await call(variants[i % variants.length]!));
      commands[name] = { ...summarise(samples), first_ms: round(first.get(name)!), samples: samples.length };
      options.progress(`  ${name}: p50 ${commands[name].p50_ms} ms, p95 ${commands[name].p95_ms} ms`);
    }
    return { corpus: { articles: story.corpus.articles().length, load_ms: round(loadMs), heap_mb: heapMb }, commands, missing };
  } finally {
    await bench.dispose();
  }
}
