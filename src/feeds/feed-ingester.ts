import type { StoryRuntime } from '../app/story-runtime';
import type { Article } from '../corpus/article';
import { splitSentences } from '../corpus/split-sentences';
import type { FeedClusterRow, FeedItemRow, FeedPollRecord, FeedRow, FeedStore, IngestBatch } from './feed-store';
import type { FeedItem } from './feed-item';
import { StoryMatcher, type StoryNames } from './story-matcher';
import type { JudgeInput } from './item-judge';
import { RELEVANCE_THRESHOLD, scoreRelevance } from './relevance';
import { compileFilter, passesFilter, type ItemFilter } from './item-filter';
import { ClusterIndex } from './cluster-index';
import { developmentTerms } from './development-terms';
import { clusterId } from './feed-ids';
import { articleIdOf, itemArticle } from './item-article';
import { BatchWriter } from './batch-writer';
import { parseTerms, serialiseTerms } from './terms-json';
import { digestItems, type SeenDigest } from './seen-list';
import type { Logger } from '../logging/logger';

/**
 * Items other replicas store carry their poll's start time in `updated_at` but commit up to
 * a lease (5 min) later, and replicas' clocks differ a little: each sync looks this far
 * behind the newest `updated_at` it has seen, and skips versions it already holds.
 */
export const SYNC_OVERLAP_MS = 10 * 60 * 1000;

/** How far back clusters are reloaded to match new items against. */
const CLUSTER_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

export interface IngestCounts {
  /** Items stored for the first time. */
  new: number;
  /** New items that are about the story. */
  relevant: number;
  /** Items already stored whose text changed upstream (updated, not new). */
  updated: number;
  /** False when the store refused the poll (its lease was taken over): nothing was stored. */
  written: boolean;
}

/** A poll ready to write, and what to do once it is stored. */
interface PreparedPoll {
  batch: IngestBatch;
  articles: Article[];
  dropped: string[];
  counts: Omit<IngestCounts, 'written'>;
}

interface StoryState {
  story: StoryRuntime;
  matcher: StoryMatcher;
  /** The story's names as the parser threads judge items by. */
  names: StoryNames;
  /** `names` as JSON, part of every judge input's key. */
  namesJson?: string;
  index?: ClusterIndex;
  meta: Map<string, FeedClusterRow>;
  loadedRound: number;
  /** Serialises cluster assignment and writes of one story (concurrent feeds of one poll round). */
  lock: Promise<void>;
  /** Newest `updated_at` of the stored items this process has in its corpus. */
  watermark?: string;
  /** Item versions in the corpus that a sync may see again (those inside the overlap window). */
  applied: Map<string, { version: string; updatedAt: string }>;
}

/**
 * Turns a feed's cleaned items into stored rows: new items inserted, edited ones updated
 * (never new twice), relevance judged, relevant items clustered incrementally against the
 * story's recent clusters, all written in one transaction per feed, and relevant items
 * upserted into the story's corpus so timeline and answers see them at once.
 */
export class FeedIngester {
  private readonly stories = new Map<string, StoryState>();
  private readonly filters = new Map<string, { key: string; filter: ItemFilter }>();
  private round = 0;
  private readonly writer: BatchWriter;

  constructor(
    private readonly store: FeedStore,
    stories: StoryRuntime[],
    private readonly logger: Logger,
  ) {
    this.writer = new BatchWriter(store);
    for (const story of stories) {
      this.stories.set(story.definition.id, { story, matcher: new StoryMatcher(story.definition), names: storyNames(story), meta: new Map(), loadedRound: -1, lock: Promise.resolve(), applied: new Map() });
    }
  }

  /** What the parser needs to judge a feed's items where it parses them (see `FeedItem.relevance`). */
  judgeInput(feed: FeedRow): JudgeInput | undefined {
    const state = this.stories.get(feed.story_id);
    if (!state) return undefined;
    // The names' text is written once per story; the rules are the feed's stored JSON.
    state.namesJson ??= JSON.stringify(state.names);
    return { names: state.names, include: parseList(feed.include_json), exclude: parseList(feed.exclude_json), key: `${state.namesJson}\n${feed.include_json}\n${feed.exclude_json}` };
  }

  /** Whether any poll is still being read; while none is, writes go out without waiting for a group (see `BatchWriter`). */
  setReading(reading: boolean): void {
    this.writer.setReading(reading);
  }

  /** Marks cluster caches stale so the next ingest reloads them (other replicas may have written). */
  newRound(): void {
    this.round++;
  }

  /** Loads every stored relevant item of every story into its corpus (bot start). */
  async loadStoredItems(): Promise<number> {
    let total = 0;
    for (const state of this.stories.values()) {
      const rows = await this.store.relevantItems(state.story.definition.id);
      state.story.corpus.upsert(rows.map(itemArticle));
      // Only versions a sync can see again are remembered (those in the overlap window).
      let newest = state.watermark ?? '';
      for (const row of rows) if (row.updated_at > newest) newest = row.updated_at;
      const since = newest ? new Date(Date.parse(newest) - SYNC_OVERLAP_MS).toISOString() : '';
      for (const row of rows) if (row.updated_at >= since) noteApplied(state, row);
      if (newest) state.watermark = newest;
      total += rows.length;
    }
    return total;
  }

  /**
   * Brings each story's corpus up to date with items other replicas stored or edited since
   * the last look (new relevant items added, edits replacing the old text, items no longer
   * about the story removed); returns how many articles changed. The corpus version only
   * moves when something did.
   */
  async syncStoredItems(): Promise<number> {
    let changed = 0;
    for (const state of this.stories.values()) {
      changed += await this.exclusive(state, async () => {
        const since = state.watermark ? new Date(Date.parse(state.watermark) - SYNC_OVERLAP_MS).toISOString() : undefined;
        const rows = await this.store.itemsUpdatedSince(state.story.definition.id, since);
        const upserts: Article[] = [];
        const removed: string[] = [];
        for (const row of rows) {
          if (state.applied.get(row.id)?.version === versionOf(row)) continue;
          if (row.relevant === 1) upserts.push(itemArticle(row));
          else if (state.story.corpus.get(articleIdOf(row.id))) removed.push(articleIdOf(row.id));
          noteApplied(state, row);
        }
        state.story.corpus.upsert(upserts);
        state.story.corpus.remove(removed);
        // Versions older than the next window can no longer come back.
        if (since) for (const [id, v] of state.applied) if (v.updatedAt < since) state.applied.delete(id);
        return upserts.length + removed.length;
      });
    }
    return changed;
  }

  /**
   * Stores one successful poll: new and edited items, their clusters, and the feed's poll
   * record with the items now seen, in one transaction. The items come as parsed, or
   * already held against this feed row's seen list where they were parsed (`digestItems`).
   */
  async ingest(feed: FeedRow, items: FeedItem[] | SeenDigest, now: Date, record: FeedPollRecord): Promise<IngestCounts> {
    const state = this.stories.get(feed.story_id);
    if (!state) throw new Error(`feed ${feed.id} belongs to unknown story ${feed.story_id}`);
    const prepared = await this.prepare(state, feed, items, now, record);
    let written: boolean;
    try {
      ({ written } = await this.writer.write(prepared.batch));
    } catch (error) {
      // The clusters this poll grew in memory were not stored: reload them next time.
      state.loadedRound = -1;
      throw error;
    }
    if (!written) {
      state.loadedRound = -1;
      return { new: 0, relevant: 0, updated: 0, written: false };
    }
    state.story.corpus.upsert(prepared.articles);
    state.story.corpus.remove(prepared.dropped);
    for (const row of prepared.batch.inserts) noteApplied(state, row);
    for (const row of prepared.batch.updates) noteApplied(state, row);
    return { ...prepared.counts, written: true };
  }

  /**
   * Everything of a poll but its write: the seen list, which items are new, edited or about
   * the story, their clusters (under the story's lock) and the rows. A method of its own so
   * the poll's items (most of them not about the story) are not kept alive while the batch
   * waits for its group commit.
   */
  private async prepare(state: StoryState, feed: FeedRow, items: FeedItem[] | SeenDigest, now: Date, record: FeedPollRecord): Promise<PreparedPoll> {
    const filter = this.filterFor(feed);
    const { candidates, seenOnly, seenJson } = Array.isArray(items)
      ? digestItems(feed.id, feed.seen_json, items, (item) => item.relevance ?? (passesFilter(filter, `${item.title}\n${item.summary}`) ? scoreRelevance(state.matcher, item.title, item.summary) : 0))
      : items;
    // Stored rows are looked up only where one may exist: an edited item, or an item about
    // the story that the seen list no longer remembers.
    const lookup = candidates.filter((c) => c.known || (c.relevance >= RELEVANCE_THRESHOLD && feed.last_success_at)).map((c) => c.id);
    const existing = lookup.length > 0 ? await this.store.existingItems(lookup) : new Map<string, never>();
    // Clusters are assigned under the story's lock; the write joins the next group commit.
    return this.exclusive(state, async () => {
      const index = candidates.some((c) => c.relevance >= RELEVANCE_THRESHOLD) ? await this.clusterIndex(state, now) : undefined;
      const nowIso = now.toISOString();
      const inserts: FeedItemRow[] = [];
      const updates: FeedItemRow[] = [];
      const clusters = new Map<string, FeedClusterRow>();
      const articles: Article[] = [];
      const dropped: string[] = [];
      let fresh = seenOnly;
      let relevantNew = 0;
      for (const { item, id, known, relevance } of candidates) {
        const prev = existing.get(id);
        const isNew = !known && !prev;
        if (isNew) fresh++;
        const relevant = relevance >= RELEVANCE_THRESHOLD;
        // Items not about the story are remembered in the seen list only.
        if (!relevant && !prev) continue;
        let cluster = prev?.cluster_id ?? null;
        if (relevant && !cluster && index) cluster = this.assignCluster(state, index, id, item, relevance, nowIso, clusters);
        const row: FeedItemRow = {
          id,
          feed_id: feed.id,
          story_id: feed.story_id,
          item_key: item.key,
          title: item.title,
          link: item.link ?? null,
          summary: item.summary,
          author: item.author ?? null,
          outlet: item.outlet,
          published_at: item.publishedAt,
          date_flag: item.dateFlag,
          first_seen_at: prev?.first_seen_at ?? nowIso,
          updated_at: nowIso,
          content_hash: item.contentHash,
          relevance,
          relevant: relevant ? 1 : 0,
          cluster_id: cluster,
        };
        if (prev) updates.push(row);
        else inserts.push(row);
        if (relevant) articles.push(itemArticle(row));
        else if (prev?.relevant) dropped.push(articleIdOf(id));
        if (relevant && isNew) relevantNew++;
      }
      for (const row of clusters.values()) row.terms_json = serialiseTerms(index?.get(row.id)?.terms ?? new Map());
      const batch: IngestBatch = { inserts, updates, clusters: [...clusters.values()], feed: { id: feed.id, record, seenJson, newItems: fresh } };
      return { batch, articles, dropped, counts: { new: fresh, relevant: relevantNew, updated: candidates.length + seenOnly - fresh } };
    });
  }

  private assignCluster(state: StoryState, index: ClusterIndex, id: string, item: FeedItem, relevance: number, nowIso: string, out: Map<string, FeedClusterRow>): string {
    const terms = item.terms ?? developmentTerms(item.title, item.summary, state.matcher.nameWords);
    const publishedMs = Date.parse(item.publishedAt);
    const hit = index.match(terms, publishedMs);
    const meta = hit ? state.meta.get(hit.id) : undefined;
    if (hit && meta) {
      index.absorb(hit.id, terms, publishedMs);
      const better = relevance > meta.relevance;
      const updated: FeedClusterRow = {
        ...meta,
        headline: better ? item.title : meta.headline,
        summary: better ? oneSentence(item) : meta.summary,
        published_at: item.publishedAt < meta.published_at ? item.publishedAt : meta.published_at,
        updated_at: nowIso,
        relevance: Math.max(relevance, meta.relevance),
        item_count: meta.item_count + 1,
        // Filled once per write, from the index (a cluster may absorb many items in one poll).
        terms_json: '',
      };
      state.meta.set(hit.id, updated);
      out.set(hit.id, updated);
      return hit.id;
    }
    const created: FeedClusterRow = {
      id: clusterId(id),
      story_id: state.story.definition.id,
      headline: item.title,
      summary: oneSentence(item),
      published_at: item.publishedAt,
      first_seen_at: nowIso,
      updated_at: nowIso,
      relevance,
      item_count: 1,
      terms_json: '',
    };
    index.put({ id: created.id, publishedMs, terms });
    state.meta.set(created.id, created);
    out.set(created.id, created);
    return created.id;
  }

  private async clusterIndex(state: StoryState, now: Date): Promise<ClusterIndex> {
    if (state.index && state.loadedRound === this.round) return state.index;
    const since = new Date(now.getTime() - CLUSTER_LOOKBACK_MS).toISOString();
    const rows = await this.store.recentClusters(state.story.definition.id, since);
    const index = new ClusterIndex();
    state.meta.clear();
    for (const row of rows) {
      index.put({ id: row.id, publishedMs: Date.parse(row.published_at), terms: parseTerms(row.terms_json) });
      state.meta.set(row.id, row);
    }
    state.index = index;
    state.loadedRound = this.round;
    return index;
  }

  private filterFor(feed: FeedRow): ItemFilter {
    const key = `${feed.include_json}\n${feed.exclude_json}`;
    const cached = this.filters.get(feed.id);
    if (cached?.key === key) return cached.filter;
    const { filter, refused } = compileFilter(parseList(feed.include_json), parseList(feed.exclude_json));
    if (refused.length > 0) this.logger.warn({ feed: feed.url, refused }, 'feed filter rules refused');
    this.filters.set(feed.id, { key, filter });
    return filter;
  }

  private async exclusive<T>(state: StoryState, task: () => Promise<T>): Promise<T> {
    const previous = state.lock;
    let release!: () => void;
    state.lock = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await task();
    } finally {
      release();
    }
  }
}

function storyNames(story: StoryRuntime): StoryNames {
  const { mainPerson, people, organisations, keywords } = story.definition;
  return { ...(mainPerson !== undefined ? { mainPerson } : {}), people, organisations, keywords };
}

/** What a sync compares: the same version of an item is not loaded twice. */
function versionOf(row: FeedItemRow): string {
  return `${row.content_hash}|${row.relevant}|${row.published_at}|${row.cluster_id ?? ''}`;
}

function noteApplied(state: StoryState, row: FeedItemRow): void {
  state.applied.set(row.id, { version: versionOf(row), updatedAt: row.updated_at });
  if (!state.watermark || row.updated_at > state.watermark) state.watermark = row.updated_at;
}

/** The development's one plain sentence: the first sentence of the item's text, or its title. */
function oneSentence(item: FeedItem): string {
  // Only the start of the first paragraph is split: a longer first sentence is cut at 240 anyway.
  const lineEnd = item.summary.indexOf('\n');
  const line = item.summary.slice(0, Math.min(lineEnd >= 0 ? lineEnd : item.summary.length, 600));
  const first = line ? splitSentences(line)[0] : undefined;
  const sentence = first && first.length >= 20 ? first : item.title;
  return sentence.length <= 240 ? sentence : `${sentence.slice(0, 237).replace(/\s+\S*$/, '')}...`;
}

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
