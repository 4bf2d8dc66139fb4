import { decodeFeedBytes } from './decode-feed-bytes';
import { parseFeedText } from './parse-feed-text';
import { normaliseItems, type FeedItem } from './feed-item';
import { judgeFor, type JudgeInput } from './item-judge';
import { digestItems, type SeenDigest } from './seen-list';

/** A fetched feed body to turn into items; plain data, so it can cross to a worker thread. */
export interface FeedBytes {
  body: Uint8Array;
  contentType?: string;
  maxBytes: number;
  /** The URL after redirects: relative links resolve against it. */
  finalUrl: string;
  outlet?: string;
  /** The poll's time (ms): the publication time of undated items. */
  nowMs: number;
  /** When given, items are judged here too (relevance, terms), off the thread that stores them. */
  judge?: JudgeInput;
  /**
   * With `judge`: the feed's id and stored seen list, so the judged items are also held
   * against it here (`digestItems`) and only those the store may need are sent back.
   */
  seen?: { feedId: string; json: string };
}

export interface ParsedItems {
  /** The feed's entries; with `digest`, only its candidates' (the rest are counted there). */
  items: FeedItem[];
  /** The items held against the seen list, when `seen` and `judge` were given. */
  digest?: SeenDigest;
  feedTitle?: string;
  encoding: string;
}

/** Decode, parse and clean one feed body. Rejects with a `FeedError` for bad bytes. */
export async function parseFeedBytes(input: FeedBytes): Promise<ParsedItems> {
  const body = Buffer.isBuffer(input.body) ? input.body : Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength);
  const decoded = decodeFeedBytes(body, input.contentType, input.maxBytes);
  const parsed = await parseFeedText(decoded.text);
  const items = normaliseItems(parsed, { finalUrl: input.finalUrl, now: new Date(input.nowMs), ...(input.outlet ? { outlet: input.outlet } : {}) });
  const feedTitle = parsed.title ? { feedTitle: parsed.title } : {};
  if (!input.judge) return { items, encoding: decoded.encoding, ...feedTitle };
  judgeFor(input.judge).judge(items);
  if (!input.seen) return { items, encoding: decoded.encoding, ...feedTitle };
  const digest = digestItems(input.seen.feedId, input.seen.json, items, (item) => item.relevance ?? 0);
  return { items: digest.candidates.map((c) => c.item), digest, encoding: decoded.encoding, ...feedTitle };
}

/** Where feed bodies are parsed: in this thread, or in a worker pool (`FeedParsePool`). */
export type FeedParser = (input: FeedBytes) => Promise<ParsedItems>;
