/**
 * An inverted index of passages with BM25+ scoring (k1 1.2, b 0.7, delta 0.5, and the score
 * multiplied by the number of query terms a passage matches, as MiniSearch ranks). Documents
 * are added and removed one by one, so a new corpus version costs its changed passages.
 *
 * Why not MiniSearch, which this replaced: it builds a result object with per-term match
 * details for every matching passage and sorts them all; on a 10,000-article story that was
 * most of a question's time. Here scores accumulate in a flat array and only the top few are
 * sorted.
 */
export class Bm25Postings {
  /** term -> ids of the documents holding it, and how often each holds it. */
  private readonly postings = new Map<string, { ids: number[]; tfs: number[] }>();
  /** document id -> number of terms (0 = absent or removed). */
  private lengths: number[] = [];
  private live = 0;
  private totalLength = 0;
  /** Postings of removed documents not yet swept out. */
  private stale = 0;
  private scores = new Float64Array(0);
  private matched = new Uint16Array(0);

  get documentCount(): number {
    return this.live;
  }

  /** Adds a document; `id` must be new (ids are never reused). */
  add(id: number, terms: readonly string[]): void {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = { ids: [], tfs: [] }));
      list.ids.push(id);
      list.tfs.push(tf);
    }
    this.lengths[id] = Math.max(1, terms.length);
    this.live++;
    this.totalLength += Math.max(1, terms.length);
  }

  /** Removes a document from results at once; its postings are swept out later. */
  remove(id: number, termCount: number): void {
    const length = this.lengths[id];
    if (!length) return;
    this.lengths[id] = 0;
    this.live--;
    this.totalLength -= length;
    this.stale += termCount;
    // Sweep once stale postings are a fifth of all, so removals cost little on average.
    if (this.stale > 5000 && this.stale * 5 > this.totalLength) this.sweep();
  }

  private sweep(): void {
    for (const [t, list] of this.postings) {
      const ids: number[] = [];
      const tfs: number[] = [];
      list.ids.forEach((id, i) => {
        if (this.lengths[id]) {
          ids.push(id);
          tfs.push(list.tfs[i]!);
        }
      });
      if (ids.length) this.postings.set(t, { ids, tfs });
      else this.postings.delete(t);
    }
    this.stale = 0;
  }

  /**
   * The `limit` best documents for the terms (OR semantics), best first. `df(term)` is the
   * term's live document frequency; `boost(term)` weighs it.
   */
  search(terms: readonly string[], boost: (term: string) => number, df: (term: string) => number, limit: number): Array<{ id: number; score: number }> {
    const size = this.lengths.length;
    if (this.scores.length < size) {
      this.scores = new Float64Array(size * 2);
      this.matched = new Uint16Array(size * 2);
    }
    const scores = this.scores;
    const matched = this.matched;
    const touched: number[] = [];
    const avg = this.live ? this.totalLength / this.live : 1;
    for (const term of new Set(terms)) {
      const list = this.postings.get(term);
      const n = df(term);
      if (!list || n === 0) continue;
      const idf = Math.log(1 + (this.live - n + 0.5) / (n + 0.5));
      const weight = boost(term) * idf;
      const { ids, tfs } = list;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const length = this.lengths[id]!;
        if (!length) continue;
        const tf = tfs[i]!;
        const s = weight * (0.5 + (tf * 2.2) / (tf + 1.2 * (0.3 + (0.7 * length) / avg)));
        if (matched[id] === 0) touched.push(id);
        matched[id]! += 1;
        scores[id]! += s;
      }
    }
    const results = touched.map((id) => ({ id, score: scores[id]! * matched[id]! }));
    for (const id of touched) {
      scores[id] = 0;
      matched[id] = 0;
    }
    results.sort((a, b) => b.score - a.score || a.id - b.id);
    return results.slice(0, limit);
  }
}
