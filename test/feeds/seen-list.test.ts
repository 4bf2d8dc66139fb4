import { digestItems, SEEN_MAX } from '../../src/feeds/seen-list';
import { itemId } from '../../src/feeds/feed-ids';
import type { FeedItem } from '../../src/feeds/feed-item';

function item(key: string, hash: string, relevance: number): FeedItem {
  return { key, title: key, publishedAt: '2026-05-21T08:00:00.000Z', dateFlag: 'ok', summary: '', outlet: 'Example', contentHash: hash.padEnd(40, '0'), relevance };
}

describe('digestItems', () => {
  const relevanceOf = (i: FeedItem) => i.relevance ?? 0;

  test('unchanged items are passed over, new ones not about the story only counted, the rest are candidates', () => {
    const seenJson = JSON.stringify({ [itemId('f', 'g:same')]: 'a'.repeat(16), [itemId('f', 'g:edited')]: 'b'.repeat(16), [itemId('f', 'g:gone')]: 'c'.repeat(16) });
    const items = [item('g:same', 'a'.repeat(16), 0.9), item('g:edited', 'e', 0.1), item('g:new-off', 'd', 0.2), item('g:new-on', 'f', 0.7)];
    const digest = digestItems('f', seenJson, items, relevanceOf);
    expect(digest.count).toBe(4);
    expect(digest.seenOnly).toBe(1);
    expect(digest.candidates).toEqual([
      { item: items[1], id: itemId('f', 'g:edited'), known: true, relevance: 0.1 },
      { item: items[3], id: itemId('f', 'g:new-on'), known: false, relevance: 0.7 },
    ]);
    // This poll's items first (with their current hashes), then the older ones still remembered.
    expect(JSON.parse(digest.seenJson)).toEqual({
      [itemId('f', 'g:same')]: 'a'.repeat(16),
      [itemId('f', 'g:edited')]: `e${'0'.repeat(15)}`,
      [itemId('f', 'g:new-off')]: `d${'0'.repeat(15)}`,
      [itemId('f', 'g:new-on')]: `f${'0'.repeat(15)}`,
      [itemId('f', 'g:gone')]: 'c'.repeat(16),
    });
    expect(Object.keys(JSON.parse(digest.seenJson))[4]).toBe(itemId('f', 'g:gone'));
  });

  test('an unreadable seen list counts as empty; the list keeps at most SEEN_MAX ids', () => {
    expect(digestItems('f', 'not json', [item('g:1', 'a', 0.9)], relevanceOf)).toMatchObject({ seenOnly: 0, candidates: [{ known: false }] });
    const older = Object.fromEntries(Array.from({ length: SEEN_MAX + 10 }, (_, i) => [`old-${i}`, 'x'.repeat(16)]));
    const digest = digestItems('f', JSON.stringify(older), [item('g:1', 'a', 0.1)], relevanceOf);
    const kept = Object.keys(JSON.parse(digest.seenJson));
    expect(kept).toHaveLength(SEEN_MAX);
    expect(kept[0]).toBe(itemId('f', 'g:1'));
    expect(digest.seenJson).toBe(JSON.stringify(Object.fromEntries(kept.map((id) => [id, id === itemId('f', 'g:1') ? `a${'0'.repeat(15)}` : 'x'.repeat(16)]))));
  });
});
