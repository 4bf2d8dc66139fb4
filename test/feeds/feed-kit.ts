import path from 'node:path';
import { loadStoryFolder } from '../../src/story/load-stories';
import { StoryCorpus } from '../../src/corpus/story-corpus';
import { CommandRouter } from '../../src/commands/command-router';
import { createSilentLogger } from '../../src/logging/logger';
import { textReply } from '../../src/reply/reply';
import type { StoryRuntime } from '../../src/app/story-runtime';
import type { Config } from '../../src/config/config';
import type { Clock } from '../../src/clock';
import type { Database } from '../../src/store/database';
import { FeedService, type FeedServiceOptions } from '../../src/feeds/feed-service';
import { KyselyFeedStore } from '../../src/feeds/kysely-feed-store';
import { HttpFeedFetcher } from '../../src/feeds/http-feed-fetcher';
import { repoRoot } from '../support/paths';

/** The bundled story's people and organisations, without its real feeds, and an empty corpus. */
export function karpathyStory(): StoryRuntime {
  const folder = loadStoryFolder(path.join(repoRoot, 'digests', 'karpathy'));
  const definition = { ...folder.definition, feeds: [] };
  return { definition, folder: { ...folder, definition }, corpus: new StoryCorpus([]), router: new CommandRouter(createSilentLogger(), async () => textReply('help')) };
}

export const feedSettings: Config['feeds'] = {
  allowPrivateNetworks: true,
  timeoutMs: 3000,
  maxBytes: 5 * 1024 * 1024,
  pollMinutes: 10,
  concurrency: 8,
  perHostConcurrency: 4,
};

export interface TestItem {
  guid?: string;
  title: string;
  link?: string;
  description?: string;
  pubDate?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document. */
export function rss(title: string, items: TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item>${i.guid ? `<guid>${escape(i.guid)}</guid>` : ''}<title>${escape(i.title)}</title>${i.link ? `<link>${escape(i.link)}</link>` : ''}` +
        `${i.description ? `<description>${escape(i.description)}</description>` : ''}${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escape(title)}</title><link>https://example.com/</link>\n${body}\n</channel></rss>`;
}

/** A FeedService on `database` with a real HTTP fetcher; `close()` its fetcher when done. */
export function feedService(database: Database, clock: Clock, stories: StoryRuntime[], extra: Partial<FeedServiceOptions> = {}): { service: FeedService; store: KyselyFeedStore; fetcher: HttpFeedFetcher } {
  const fetcher = new HttpFeedFetcher({ timeoutMs: feedSettings.timeoutMs, maxBytes: feedSettings.maxBytes, allowPrivateNetworks: true });
  const store = new KyselyFeedStore(database.db, database.sqlite);
  const service = new FeedService({ clock, logger: createSilentLogger(), store, fetcher, settings: feedSettings, stories, random: () => 0.5, ...extra });
  return { service, store, fetcher };
}
