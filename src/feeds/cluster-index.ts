import { mergeTerms, norm, similarity, type Terms } from './development-terms';

/** A cluster as the index keeps it: enough to compare new items with. */
export interface IndexedCluster {
  id: string;
  /** Earliest publication of its items (ms). */
  publishedMs: number;
  terms: Terms;
}

/** Two reports belong together at this similarity or more (shared names and figures weigh most). */
export const SAME_DEVELOPMENT_SIMILARITY = 0.35;
/** Reports of one development are published within this window of each other. */
export const SAME_DEVELOPMENT_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Only an item's strongest terms look up candidates, so a common word never pulls in every cluster. */
const LOOKUP_TERMS = 12;
/** Terms this weak (the story's own names) do not find candidates on their own. */
const MIN_LOOKUP_WEIGHT = 1;

/**
 * Recent clusters of one story with an inverted index from strong terms to clusters, so a
 * new item is compared only with clusters sharing one of its strongest terms inside the
 * time window: incremental, never all items against all items.
 */
export class ClusterIndex {
  private readonly clusters = new Map<string, IndexedCluster & { norm: number }>();
  private readonly byTerm = new Map<string, Set<string>>();

  get size(): number {
    return this.clusters.size;
  }

  has(id: string): boolean {
    return this.clusters.has(id);
  }

  /** The best cluster for an item published at `publishedMs`, if one is similar enough. */
  match(terms: Terms, publishedMs: number): { id: string; score: number } | undefined {
    const itemNorm = norm(terms);
    const lookup = [...terms.entries()].filter(([, w]) => w >= MIN_LOOKUP_WEIGHT).sort((a, b) => b[1] - a[1]).slice(0, LOOKUP_TERMS);
    const seen = new Set<string>();
    let best: { id: string; score: number } | undefined;
    for (const [term] of lookup) {
      for (const id of this.byTerm.get(term) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const c = this.clusters.get(id);
        if (!c || Math.abs(c.publishedMs - publishedMs) > SAME_DEVELOPMENT_WINDOW_MS) continue;
        const score = similarity(terms, itemNorm, c.terms, c.norm);
        if (score >= SAME_DEVELOPMENT_SIMILARITY && (!best || score > best.score)) best = { id, score };
      }
    }
    return best;
  }

  /** Adds or replaces a cluster. */
  put(cluster: IndexedCluster): void {
    this.remove(cluster.id);
    this.clusters.set(cluster.id, { ...cluster, norm: norm(cluster.terms) });
    for (const [term, w] of cluster.terms) {
      if (w < MIN_LOOKUP_WEIGHT) continue;
      let set = this.byTerm.get(term);
      if (!set) this.byTerm.set(term, (set = new Set()));
      set.add(cluster.id);
    }
  }

  /** Folds an item's terms into a cluster; returns the cluster's new terms. */
  absorb(id: string, terms: Terms, publishedMs: number): Terms {
    const c = this.clusters.get(id);
    if (!c) throw new Error(`cluster ${id} is not indexed`);
    const merged = mergeTerms(c.terms, terms);
    this.put({ id, publishedMs: Math.min(c.publishedMs, publishedMs), terms: merged });
    return merged;
  }

  get(id: string): IndexedCluster | undefined {
    return this.clusters.get(id);
  }

  private remove(id: string): void {
    const old = this.clusters.get(id);
    if (!old) return;
    for (const term of old.terms.keys()) {
      const set = this.byTerm.get(term);
      set?.delete(id);
      if (set && set.size === 0) this.byTerm.delete(term);
    }
    this.clusters.delete(id);
  }
}
