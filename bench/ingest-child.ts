/**
 * The ingestion bench's measuring process (`node dist/bench/ingest-child.js <stories> <feeds-dir> <story-id> [warm-up-feed-url ...]`),
 * kept apart from the fake feed servers so its time and memory are the poller's alone.
 * Prints one JSON line on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Parser from 'rss-parser';
import { fixedClock } from '../src/clock';
import type { FeedsFeature } from '../src/feeds/feeds-feature';
import { openBenchNewsdesk } from './bench-newsdesk';
import { INGEST_NOW } from './feed-documents';

export interface IngestChildResult {
  feeds: number;
  items: number;
  /** Feeds the poll reported as errors, with the first messages. */
  errors: string[];
  new: number;
  relevant: number;
  pollMs: number;
  /** CPU time of the process during the poll (all threads), to tell work from waiting on a busy machine. */
  pollCpuMs: number;
  parseOnlyMs: number;
  parseOnlyItems: number;
  maxRssBytes: number;
  peakHeapBytes: number;
}

async function main(): Promise<void> {
  const [storiesDir, feedsDir, storyId, ...warmUrls] = process.argv.slice(2);
  if (!storiesDir || !feedsDir || !storyId) throw new Error('usage: ingest-child <stories-dir> <feeds-dir> <story-id> [warm-up-feed-url ...]');
  const files = fs.readdirSync(feedsDir).sort().map((f) => fs.readFileSync(path.join(feedsDir, f), 'utf8'));
  // Warm rss-parser up on a few feeds first, so neither timing below pays for the JIT alone.
  const parser = new Parser();
  for (const xml of files.slice(0, 10)) await parser.parseString(xml);

  collectGarbage();
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  const bench = await openBenchNewsdesk(storiesDir, { FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' }, { clock: fixedClock(INGEST_NOW) });
  const feeds = bench.newsdesk.feature<FeedsFeature>('feeds');
  if (!feeds) throw new Error('the feeds feature is not registered');
  if (warmUrls.length > 0) {
    const warm = await feeds.service.pollNow(storyId, warmUrls);
    for (const outcome of warm) await feeds.service.removeFeed(storyId, outcome.feedId);
  }
  collectGarbage();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const outcomes = await feeds.service.pollNow(storyId);
  const pollMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  await bench.dispose();

  // Parse-only: the median of three passes, each from a collected heap, as the poll had.
  let parseOnlyItems = 0;
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    collectGarbage();
    parseOnlyItems = 0;
    const parseStarted = performance.now();
    for (const xml of files) parseOnlyItems += (await parser.parseString(xml)).items.length;
    passes.push(performance.now() - parseStarted);
  }
  const parseOnlyMs = passes.sort((a, b) => a - b)[1]!;

  const result: IngestChildResult = {
    feeds: outcomes.length,
    items: outcomes.reduce((n, o) => n + o.items, 0),
    errors: outcomes.filter((o) => o.status === 'error').slice(0, 3).map((o) => `${o.url}: ${o.error?.message ?? 'error'}`),
    new: outcomes.reduce((n, o) => n + o.new, 0),
    relevant: outcomes.reduce((n, o) => n + o.relevant, 0),
    pollMs,
    pollCpuMs: (cpu.user + cpu.system) / 1000,
    parseOnlyMs,
    parseOnlyItems,
    maxRssBytes,
    peakHeapBytes: peakHeap,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** A full collection before each timed phase (the child runs with --expose-gc), so no phase pays for another's garbage. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
