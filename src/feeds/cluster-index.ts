import { MAX_CLUSTER_TERMS, norm, similarity, strongest, type Terms } from './development-terms';

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
const LOOKUP_TERMS = 8;
/** Terms this weak (the story's own names) do not find candidates on their own. */
const MIN_LOOKUP_WEIGHT = 1;
/** A term shared by more clusters than this tells developments apart too little to look up by. */
const MAX_POSTINGS = 48;
/** At most this many candidates are compared for one item. */
const MAX_CANDIDATES = 96;

/** Candidates sharing the most strong terms with an item get the full similarity check. */
const SCORED_CANDIDATES = 8;
/** Clusters keep their strongest terms; pruned back to MAX_CLUSTER_TERMS when they grow past this. */
const PRUNE_AT = MAX_CLUSTER_TERMS + 40;

/**
 * Recent clusters of one story with an inverted index from strong terms to clusters, so a
 * new item is compared only with clusters sharing one of its strongest terms inside the
 * time window: incremental, never all items against all items. Terms too common to tell
 * developments apart are not looked up by, and only the few candidates sharing the most
 * strong terms get the full similarity check.
 */
export class ClusterIndex {
  private readonly clusters = new Map<string, { id: string; publishedMs: number; terms: Terms; norm: number }>();
  private readonly byTerm = new Map<string, Set<string>>();

  get size(): number {
    return this.clusters.size;
  }

  has(id: string): boolean {
    return this.clusters.has(id);
  }

  /** The best cluster for an item published at `publishedMs`, if one is similar enough. */
  match(terms: Terms, publishedMs: number): { id: string; score: number } | undefined {
    const lookup = [...terms.entries()].filter(([, w]) => w >= MIN_LOOKUP_WEIGHT).sort((a, b) => b[1] - a[1]).slice(0, LOOKUP_TERMS);
    const shared = new Map<string, number>();
    for (const [term, weight] of lookup) {
      const postings = this.byTerm.get(term);
      if (!postings || postings.size > MAX_POSTINGS) continue;
      for (const id of postings) {
        if (shared.size >= MAX_CANDIDATES && !shared.has(id)) continue;
        shared.set(id, (shared.get(id) ?? 0) + weight);
      }
    }
    if (shared.size === 0) return undefined;
    const candidates = [...shared].sort((a, b) => b[1] - a[1]).slice(0, SCORED_CANDIDATES);
    const itemNorm = norm(terms);
    let best: { id: string; score: number } | undefined;
    for (const [id] of candidates) {
      const c = this.clusters.get(id);
      if (!c || Math.abs(c.publishedMs - publishedMs) > SAME_DEVELOPMENT_WINDOW_MS) continue;
      const score = similarity(terms, itemNorm, c.terms, c.norm);
      if (score >= SAME_DEVELOPMENT_SIMILARITY && (!best || score > best.score)) best = { id, score };
    }
    return best;
  }

  /** Adds or replaces a cluster (its terms are copied). */
  put(cluster: IndexedCluster): void {
    this.remove(cluster.id);
    const terms = new Map(cluster.terms);
    this.clusters.set(cluster.id, { id: cluster.id, publishedMs: cluster.publishedMs, terms, norm: norm(terms) });
    for (const [term, w] of terms) if (w >= MIN_LOOKUP_WEIGHT) this.post(term, cluster.id);
  }

  /** Folds an item's terms into a cluster in place; returns the cluster's terms. */
  absorb(id: string, terms: Terms, publishedMs: number): Terms {
    const c = this.clusters.get(id);
    if (!c) throw new Error(`cluster ${id} is not indexed`);
    for (const [term, w] of terms) {
      const before = c.terms.get(term) ?? 0;
      c.terms.set(term, before + w);
      if (before < MIN_LOOKUP_WEIGHT && before + w >= MIN_LOOKUP_WEIGHT) this.post(term, id);
    }
    if (c.terms.size > PRUNE_AT) {
      const kept = strongest(c.terms, MAX_CLUSTER_TERMS);
      for (const term of c.terms.keys()) if (!kept.has(term)) this.unpost(term, id);
      c.terms = kept;
    }
    c.norm = norm(c.terms);
    c.publishedMs = Math.min(c.publishedMs, publishedMs);
    return c.terms;
  }

  get(id: string): IndexedCluster | undefined {
    return this.clusters.get(id);
  }

  private post(term: string, id: string): void {
    let set = this.byTerm.get(term);
    if (!set) this.byTerm.set(term, (set = new Set()));
    set.add(id);
  }

  private unpost(term: string, id: string): void {
    const set = this.byTerm.get(term);
    set?.delete(id);
    if (set && set.size === 0) this.byTerm.delete(term);
  }

  private remove(id: string): void {
    const old = this.clusters.get(id);
    if (!old) return;
    for (const term of old.terms.keys()) this.unpost(term, id);
    this.clusters.delete(id);
  }
}
