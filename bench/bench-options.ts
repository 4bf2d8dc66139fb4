import path from 'node:path';

/** The parts of the bench, in the order they run. */
export const PARTS = ['commands', 'startup', 'ingest', 'slack', 'delivery'] as const;
export type Part = (typeof PARTS)[number];

/** Sizes and switches of one bench run; `--quick` shrinks every size for a smoke run. */
export interface BenchOptions {
  json: boolean;
  /** Print Markdown tables (for the README) instead of the plain table. */
  markdown: boolean;
  parts: Set<Part>;
  seed: number;
  largeArticles: number;
  warmup: number;
  iterations: { bundled: number; large: number };
  startupRuns: { bundled: number; large: number };
  feeds: number;
  itemsPerFeed: number;
  slackRequests: number;
  slackConcurrency: number;
  channels: number;
  /** Feeds polled into the generated story's store before its commands are timed. */
  historyFeeds: number;
  /** When set, spawned programs run with `--cpu-prof` and write their profiles here. */
  cpuProfDir?: string;
}

export const FULL_OPTIONS: Omit<BenchOptions, 'json' | 'markdown' | 'parts'> = {
  seed: 20260520,
  largeArticles: 10_000,
  warmup: 20,
  iterations: { bundled: 300, large: 100 },
  startupRuns: { bundled: 3, large: 2 },
  feeds: 500,
  itemsPerFeed: 50,
  slackRequests: 200,
  slackConcurrency: 20,
  channels: 1000,
  historyFeeds: 200,
};

export const QUICK_OPTIONS: Omit<BenchOptions, 'json' | 'markdown' | 'parts'> = {
  seed: 20260520,
  largeArticles: 200,
  warmup: 2,
  iterations: { bundled: 10, large: 10 },
  startupRuns: { bundled: 1, large: 1 },
  feeds: 10,
  itemsPerFeed: 10,
  slackRequests: 20,
  slackConcurrency: 5,
  channels: 10,
  historyFeeds: 5,
};

const USAGE = `usage: npm run bench [-- options]
  --json             print one JSON object on stdout instead of the table
  --markdown         print Markdown tables (the README's Performance section)
  --only a,b         run only these parts: ${PARTS.join(', ')}
  --quick            tiny sizes (a smoke run, figures not comparable)
  --articles N       size of the generated story (default 10000)
  --seed N           seed of the generated story and feeds
  --cpu-prof DIR     profile the spawned programs (startup, Slack) into DIR;
                     read with node dist/bench/top-frames.js DIR/<file>.cpuprofile`;

export class BenchUsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${USAGE}`);
  }
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = { ...(quick ? QUICK_OPTIONS : FULL_OPTIONS), json: false, markdown: false, parts: new Set(PARTS) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new BenchUsageError(`${arg} needs a value`);
      return next;
    };
    const count = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new BenchUsageError(`${arg} needs a whole number above 0`);
      return n;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--markdown') options.markdown = true;
    else if (arg === '--quick') continue;
    else if (arg === '--articles') options.largeArticles = count();
    else if (arg === '--seed') options.seed = count();
    else if (arg === '--cpu-prof') options.cpuProfDir = path.resolve(value());
    else if (arg === '--only') {
      const wanted = value().split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = wanted.filter((p) => !(PARTS as readonly string[]).includes(p));
      if (unknown.length > 0) throw new BenchUsageError(`unknown part ${unknown.join(', ')}`);
      options.parts = new Set(wanted as Part[]);
    } else if (arg === '--help' || arg === '-h') throw new BenchUsageError('');
    else throw new BenchUsageError(`unknown option ${arg}`);
  }
  return options;
}
