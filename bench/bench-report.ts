import type { LatencySummary } from './percentiles';

/** Which story a figure was measured on: the bundled one, or the generated 10,000-article one. */
export type StorySize = 'bundled' | 'large';

/** One command on one story: steady-state percentiles plus the first call, which builds indexes. */
export interface CommandFigures extends LatencySummary {
  /** The first call after loading, including the lazy index build it triggers. */
  first_ms: number;
  samples: number;
}

/** Loading one story in process, before any command. */
export interface CorpusFigures {
  articles: number;
  /** createNewsdesk: read, parse and split every article. */
  load_ms: number;
  /** Heap in use after every command ran once (all lazy indexes built). */
  heap_mb: number;
  /** Feed items about the story polled into the store before timing (`latest`, `digest`). */
  feed_items?: number;
}

export interface StartupFigures {
  /** From spawning the program to its first printed reply. */
  ms: number;
  /** Peak resident memory of the process (VmHWM). */
  rss_mb: number;
  /** Peak V8 heap in use, sampled every 10 ms inside the process. */
  heap_mb: number;
}

export interface IngestFigures {
  feeds: number;
  items: number;
  seconds: number;
  /** CPU time of the polling process meanwhile (more than `seconds` is work on other threads; much less is waiting). */
  cpu_seconds: number;
  /** Whole poll path: fetch, decode, parse, normalise, dedupe, relevance, cluster, store. */
  items_per_s: number;
  /** rss-parser `parseString` alone on the same bytes. */
  parse_only_items_per_s: number;
  ratio: number;
  rss_mb: number;
  heap_mb: number;
}

export interface SlackAckFigures extends LatencySummary {
  requests: number;
  concurrency: number;
  /** Requests Slack would have seen fail (non-200 or no answer within 3 s). */
  failed: number;
  /** Commands answered through their response_url within a minute of the last acknowledgement. */
  answered: number;
}

export interface DeliveryFigures {
  channels: number;
  /** From the due minute until every digest was accepted. */
  seconds: number;
  http_429: number;
  /** Channels that did not receive their digest. */
  lost: number;
  /** Messages the fake chat API accepted. */
  messages: number;
  /** Of `seconds`, the time spent in scheduler passes (the rest waits for the next minute's pass). */
  busy_seconds: number;
  /** Scheduler passes it took (one a minute in production). */
  passes: number;
  /** The follow-up notice to every channel, sent right after the digests. */
  notice_seconds: number;
}

export interface TargetCheck {
  what: string;
  target: string;
  actual: string;
  met: boolean;
}

/** Everything `npm run bench -- --json` prints; a part whose code path is not built yet is absent. */
export interface BenchReport {
  machine: { cores: number; memory_gb: number; node: string; platform: string };
  commands?: Record<string, Partial<Record<StorySize, CommandFigures>>>;
  corpus?: Partial<Record<StorySize, CorpusFigures>>;
  startup?: Partial<Record<StorySize, StartupFigures>>;
  ingest?: IngestFigures;
  slack_ack?: SlackAckFigures;
  delivery?: DeliveryFigures;
  targets: TargetCheck[];
  /** Measurements that could not run, and why (a path not built yet, a failure). */
  skipped: Array<{ part: string; reason: string }>;
}
