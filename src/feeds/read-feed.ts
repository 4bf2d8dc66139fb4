import type { FeedFetcher, FeedRequest } from './feed-fetcher';
import { parseFeedBytes, type FeedBytes, type FeedParser } from './parse-feed-bytes';
import type { JudgeInput } from './item-judge';
import type { FeedItem } from './feed-item';
import type { SeenDigest } from './seen-list';
import { toFeedError } from './feed-error';

export type FeedReadResult =
  | { status: 'not-modified'; finalUrl: string }
  | { status: 'ok'; finalUrl: string; feedTitle?: string; items: FeedItem[]; digest?: SeenDigest; etag?: string; lastModified?: string; encoding: string };

/**
 * Fetch, decode, parse and clean one feed; `parse` says where the bytes are parsed (this
 * thread by default). Rejects only with a classified `FeedError`.
 */
export async function readFeed(
  fetcher: FeedFetcher,
  request: FeedRequest,
  options: { outlet?: string; now: Date; maxBytes: number; parse?: FeedParser; judge?: JudgeInput; seen?: FeedBytes['seen'] },
): Promise<FeedReadResult> {
  try {
    const response = await fetcher.fetch(request);
    if (response.status === 'not-modified') return response;
    const parse = options.parse ?? parseFeedBytes;
    const parsed = await parse({
      body: response.body,
      maxBytes: options.maxBytes,
      finalUrl: response.finalUrl,
      nowMs: options.now.getTime(),
      ...(response.contentType ? { contentType: response.contentType } : {}),
      ...(options.outlet ? { outlet: options.outlet } : {}),
      ...(options.judge ? { judge: options.judge } : {}),
      ...(options.seen ? { seen: options.seen } : {}),
    });
    return {
      status: 'ok',
      finalUrl: response.finalUrl,
      items: parsed.items,
      ...(parsed.digest ? { digest: parsed.digest } : {}),
      encoding: parsed.encoding,
      ...(parsed.feedTitle ? { feedTitle: parsed.feedTitle } : {}),
      ...(response.etag ? { etag: response.etag } : {}),
      ...(response.lastModified ? { lastModified: response.lastModified } : {}),
    };
  } catch (error) {
    throw toFeedError(error);
  }
}
