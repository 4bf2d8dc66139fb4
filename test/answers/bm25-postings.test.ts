import { Bm25Postings } from '../../src/answers/bm25-postings';

function postings(docs: Record<number, string>) {
  const index = new Bm25Postings();
  const df = new Map<string, number>();
  for (const [id, text] of Object.entries(docs)) {
    const terms = text.split(' ');
    index.add(Number(id), terms);
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { index, df };
}

describe('Bm25Postings', () => {
  test('a rare term outranks a common one, and matching more terms ranks higher', () => {
    const { index, df } = postings({ 0: 'depot vote', 1: 'depot', 2: 'depot strike', 3: 'strike vote union' });
    const ids = index.search(['depot', 'vote'], () => 1, (t) => df.get(t) ?? 0, 10).map((r) => r.id);
    expect(ids[0]).toBe(0);
    expect(ids).toContain(3);
    expect(ids).toHaveLength(4);
  });

  test('a removed document is gone from results at once and after many removals', () => {
    const docs: Record<number, string> = {};
    for (let i = 0; i < 3000; i++) docs[i] = `common filler words number${i % 7} more filler`;
    const { index, df } = postings(docs);
    expect(index.documentCount).toBe(3000);
    for (let i = 0; i < 2500; i++) index.remove(i, 5);
    index.remove(1, 5);
    expect(index.documentCount).toBe(500);
    const found = index.search(['number3'], () => 1, (t) => df.get(t) ?? 0, 5000);
    expect(found.every((r) => r.id >= 2500)).toBe(true);
    expect(found.length).toBe(Array.from({ length: 500 }, (_, k) => 2500 + k).filter((id) => id % 7 === 3).length);
  });

  test('a term boost changes the order', () => {
    const { index, df } = postings({ 0: 'alpha', 1: 'beta' });
    expect(index.search(['alpha', 'beta'], (t) => (t === 'beta' ? 3 : 1), (t) => df.get(t) ?? 0, 2)[0]!.id).toBe(1);
  });
});
