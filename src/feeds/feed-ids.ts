import { createHash } from 'node:crypto';

/** A short id users can type (`feeds remove 3fa9c2d1`), stable for a story and URL. */
export function feedId(storyId: string, url: string): string {
  return createHash('sha1').update(`${storyId}\n${url}`).digest('hex').slice(0, 8);
}

/** An item's id: its feed and its stable key within that feed. */
export function itemId(feed: string, key: string): string {
  return `${feed}-${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;
}

/** A new cluster takes its id from the first item in it and keeps it as others join. */
export function clusterId(firstItemId: string): string {
  return `c-${createHash('sha1').update(firstItemId).digest('hex').slice(0, 12)}`;
}
