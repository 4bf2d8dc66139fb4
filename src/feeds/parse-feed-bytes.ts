import { decodeFeedBytes } from './decode-feed-bytes';
import { parseFeedText } from './parse-feed-text';
import { normaliseItems, type FeedItem } from './feed-item';
import { judgeFor, type JudgeInput } from './item-judge';

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
}

export interface ParsedItems {
  items: FeedItem[];
  feedTitle?: string;
  encoding: string;
}

/** Decode, parse and clean one feed body. Rejects with a `FeedError` for bad bytes. */
export async function parseFeedBytes(input: FeedBytes): Promise<ParsedItems> {
  const body = Buffer.isBuffer(input.body) ? input.body : Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength);
  const decoded = decodeFeedBytes(body, input.contentType, input.maxBytes);
  const parsed = await parseFeedText(decoded.text);
  const items = normaliseItems(parsed, { finalUrl: input.finalUrl, now: new Date(input.nowMs), ...(input.outlet ? { outlet: input.outlet } : {}) });
  if (input.judge) judgeFor(input.judge).judge(items);
  return { items, encoding: decoded.encoding, ...(parsed.title ? { feedTitle: parsed.title } : {}) };
}

/** Where feed bodies are parsed: in this thread, or in a worker pool (`FeedParsePool`). */
export type FeedParser = (input: FeedBytes) => Promise<ParsedItems>;
