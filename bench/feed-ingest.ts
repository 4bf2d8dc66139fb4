import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { IngestFigures } from './bench-report';
import { feedDocument } from './feed-documents';
import { FakeFeedHost } from './fakes/fake-feed-host';
import { GENERATED_STORY_ID, generateStory } from './generate-story';
import type { IngestChildResult } from './ingest-child';
import { megabytes, round } from './percentiles';
import type { Progress } from './progress';

export interface IngestOptions {
  feeds: number;
  itemsPerFeed: number;
  seed: number;
  progress: Progress;
  nodeArgs?: string[];
}

export interface IngestResult extends IngestFigures {
  new: number;
  relevant: number;
}

/** Loopback addresses the feeds are spread over (the poller limits connections per host). */
const HOSTS = 25;
/** Feeds polled (and removed) before the measured poll. */
const WARM_UP_FEEDS = 50;

/**
 * Polls `feeds` RSS feeds of `itemsPerFeed` entries each, served from 127.0.0.x, through the
 * feeds feature's `pollNow` (what `npm run cli -- poll` runs) on a fresh store, in a child
 * process; then parses the same bytes with rss-parser's `parseString` alone. Both are timed
 * warm, as a running bot polls: the child first polls (and removes) a few other feeds of new
 * items, as it warms the parser before the parse-only passes.
 */
export async function measureFeedIngest(options: IngestOptions): Promise<IngestResult> {
  const host = await FakeFeedHost.start(HOSTS);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-feeds-'));
  let storiesDir: string | undefined;
  try {
    const feedsDir = path.join(work, 'documents');
    fs.mkdirSync(feedsDir);
    const feedList: Array<{ url: string; outlet: string }> = [];
    let bytes = 0;
    for (let i = 0; i < options.feeds; i++) {
      const doc = feedDocument(options.seed, i, options.itemsPerFeed);
      const body = Buffer.from(doc.xml, 'utf8');
      bytes += body.length;
      fs.writeFileSync(path.join(feedsDir, `${String(i).padStart(5, '0')}.xml`), body);
      feedList.push({ url: host.publish(i, body), outlet: doc.outlet });
    }
    // A few more feeds whose items are not the measured ones, polled first so the poller's code is warm.
    const warmUrls: string[] = [];
    for (let i = 0; i < WARM_UP_FEEDS; i++) {
      const doc = feedDocument(options.seed + 1, i, options.itemsPerFeed);
      warmUrls.push(host.publish(options.feeds + i, Buffer.from(doc.xml.replace(/<guid isPermaLink="false">/g, '<guid isPermaLink="false">warm-up-').replace(/<link>https:\/\//g, '<link>https://warm-up.'), 'utf8')));
    }
    options.progress(`  ${options.feeds} feeds, ${Math.round(bytes / 1024 / 1024)} MB of XML, on ${HOSTS} loopback hosts`);
    const story = generateStory(work, { articles: 20, seed: options.seed, feeds: feedList });
    storiesDir = story.storiesDir;
    const { stdout } = await promisify(execFile)(process.execPath, [...(options.nodeArgs ?? []), '--expose-gc', path.join(__dirname, 'ingest-child.js'), storiesDir, feedsDir, GENERATED_STORY_ID, ...warmUrls], {
      maxBuffer: 16 * 1024 * 1024,
      timeout: 180_000,
      env: { PATH: process.env.PATH, HOME: work },
      cwd: work,
    });
    const child = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as IngestChildResult;
    if (child.errors.length > 0) throw new Error(`feeds failed to poll: ${child.errors.join('; ')}`);
    if (child.items === 0) throw new Error('the poll read no items');
    const itemsPerS = child.items / (child.pollMs / 1000);
    const parseOnlyPerS = child.parseOnlyItems / (child.parseOnlyMs / 1000);
    return {
      feeds: child.feeds,
      items: child.items,
      seconds: round(child.pollMs / 1000),
      cpu_seconds: round(child.pollCpuMs / 1000),
      items_per_s: Math.round(itemsPerS),
      parse_only_items_per_s: Math.round(parseOnlyPerS),
      ratio: Math.round((itemsPerS / parseOnlyPerS) * 100) / 100,
      rss_mb: megabytes(child.maxRssBytes),
      heap_mb: megabytes(child.peakHeapBytes),
      new: child.new,
      relevant: child.relevant,
    };
  } finally {
    await host.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
