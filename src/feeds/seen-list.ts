import type { FeedItem } from './feed-item';
import { itemId } from './feed-ids';
import { RELEVANCE_THRESHOLD } from './relevance';
import { jsonText } from './terms-json';

/** Content hashes in the seen list are shortened to this many hex digits (64 bits). */
export const SEEN_HASH_LENGTH = 16;
/** The seen list keeps the current items plus older ones up to this many per feed. */
export const SEEN_MAX = 1000;

/** An item of a poll the store may need: new and about the story, or changed since the seen list's version of it. */
export interface IngestCandidate {
  item: FeedItem;
  /** Its row id (`itemId` of the feed and its key). */
  id: string;
  /** The seen list had it, with other content. */
  known: boolean;
  relevance: number;
}

/**
 * A poll's items held against its feed's seen list: only what the ingest still needs.
 * Plain data, so the parser thread can work it out and send it instead of every item.
 */
export interface SeenDigest {
  /** Entries in the feed document. */
  count: number;
  candidates: IngestCandidate[];
  /** New items not about the story: remembered in the seen list only (counted as new). */
  seenOnly: number;
  /** The feed's seen list after this poll, as stored (`feeds.seen_json`). */
  seenJson: string;
}

/**
 * Sorts a poll's items by the feed's stored seen list: unchanged ones are passed over, new
 * ones not about the story are only counted, the rest are candidates for the store; and
 * writes the seen list that replaces the stored one.
 */
export function digestItems(feedId: string, seenJson: string, items: FeedItem[], relevanceOf: (item: FeedItem) => number): SeenDigest {
  const seen = parseSeen(seenJson);
  const candidates: IngestCandidate[] = [];
  let seenOnly = 0;
  const nowSeen = new Map<string, string>();
  for (const item of items) {
    const id = itemId(feedId, item.key);
    const hash = item.contentHash.slice(0, SEEN_HASH_LENGTH);
    nowSeen.set(id, hash);
    const before = seen.get(id);
    if (before === hash) continue;
    const relevance = relevanceOf(item);
    const known = before !== undefined;
    // A new item not about the story is remembered in the seen list only (and counted).
    if (!known && relevance < RELEVANCE_THRESHOLD) seenOnly++;
    else candidates.push({ item, id, known, relevance });
  }
  return { count: items.length, candidates, seenOnly, seenJson: serialiseSeen(nowSeen, seen) };
}

function parseSeen(json: string): Map<string, string> {
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return new Map(Object.entries(value as Record<string, string>));
  } catch {
    // an unreadable list only means items are compared with the store again
  }
  return new Map();
}

/**
 * The items in this fetch first, then earlier ones still remembered, at most SEEN_MAX: the
 * same text as `JSON.stringify` of that object (no id is an array index), built directly
 * rather than through an object with a thousand keys, once per feed per poll.
 */
function serialiseSeen(current: Map<string, string>, earlier: Map<string, string>): string {
  let out = '{';
  let size = 0;
  const add = (id: string, hash: unknown) => {
    out += `${size++ > 0 ? ',' : ''}${jsonText(id)}:${typeof hash === 'string' ? jsonText(hash) : JSON.stringify(hash)}`;
  };
  current.forEach((hash, id) => add(id, hash));
  for (const [id, hash] of earlier) {
    if (size >= SEEN_MAX) break;
    if (!current.has(id)) add(id, hash);
  }
  return `${out}}`;
}
