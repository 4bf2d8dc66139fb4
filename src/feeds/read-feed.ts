import type { FeedFetcher, FeedRequest } from './feed-fetcher';
import { decodeFeedBytes } from './decode-feed-bytes';
import { parseFeedText } from './parse-feed-text';
import { normaliseItems, type FeedItem } from './feed-item';
import { toFeedError } from './feed-error';

export type FeedReadResult =
  | { status: 'not-modified'; finalUrl: string }
  | { status: 'ok'; finalUrl: string; feedTitle?: string; items: FeedItem[]; etag?: string; lastModified?: string; encoding: string };

/**
 * Fetch, decode, parse and clean one feed. Rejects only with a classified `FeedError`.
 */
export async function readFeed(
  fetcher: FeedFetcher,
  request: FeedRequest,
  options: { outlet?: string; now: Date; maxBytes: number },
): Promise<FeedReadResult> {
  try {
    const response = await fetcher.fetch(request);
    if (response.status === 'not-modified') return response;
    const decoded = decodeFeedBytes(response.body, response.contentType, options.maxBytes);
    const parsed = await parseFeedText(decoded.text);
    const items = normaliseItems(parsed, {
      finalUrl: response.finalUrl,
      now: options.now,
      ...(options.outlet ? { outlet: options.outlet } : {}),
    });
    return {
      status: 'ok',
      finalUrl: response.finalUrl,
      items,
      encoding: decoded.encoding,
      ...(parsed.title ? { feedTitle: parsed.title } : {}),
      ...(response.etag ? { etag: response.etag } : {}),
      ...(response.lastModified ? { lastModified: response.lastModified } : {}),
    };
  } catch (error) {
    throw toFeedError(error);
  }
}
