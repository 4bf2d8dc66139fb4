import crypto from 'node:crypto';

/**
 * SHA-1 as hex. The one-shot `crypto.hash` (Node 20.12+) is several times cheaper per call
 * than a Hash object, which matters at tens of thousands of items per poll round.
 */
export const sha1Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha1', text, 'hex') : (text) => crypto.createHash('sha1').update(text).digest('hex');

/** A short id users can type (`feeds remove 3fa9c2d1`), stable for a story and URL. */
export function feedId(storyId: string, url: string): string {
  return sha1Hex(`${storyId}\n${url}`).slice(0, 8);
}

/** An item's id: its feed and its stable key within that feed. */
export function itemId(feed: string, key: string): string {
  return `${feed}-${sha1Hex(key).slice(0, 16)}`;
}

/** A new cluster takes its id from the first item in it and keeps it as others join. */
export function clusterId(firstItemId: string): string {
  return `c-${sha1Hex(firstItemId).slice(0, 12)}`;
}
