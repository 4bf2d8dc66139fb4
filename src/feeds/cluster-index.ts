import { MAX_CLUSTER_TERMS, heaviest, norm, similarity, strongest, type Terms } from './development-terms';

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
  private readonly clusters = new Map<string, Slot>();
  /** Postings hold slot numbers, not ids: the candidate loop below is the ingester's hottest. */
  private readonly byTerm = new Map<string, Set<number>>();
  private readonly slots: Array<Slot | undefined> = [];
  private readonly freeSlots: number[] = [];
  /** Shared-weight accumulator by slot, reused by every match (reset through the touched list). */
  private shared = new Float64Array(64);

  get size(): number {
    return this.clusters.size;
  }

  has(id: string): boolean {
    return this.clusters.has(id);
  }

  /** The best cluster for an item published at `publishedMs`, if one is similar enough. */
  match(terms: Terms, publishedMs: number): { id: string; score: number } | undefined {
    // The item's strongest terms that may find a cluster, strongest first.
    const lookup = heaviest(terms, LOOKUP_TERMS, MIN_LOOKUP_WEIGHT);
    const shared = this.shared;
    // Candidates in the order first found (ties keep that order, as a stable sort would).
    const touched: number[] = [];
    for (const [term, weight] of lookup) {
      const postings = this.byTerm.get(term);
      if (!postings || postings.size > MAX_POSTINGS) continue;
      // forEach: a for..of over the set makes an iterator result per slot, millions in a large poll.
      postings.forEach((slot) => {
        if (shared[slot] === 0) {
          if (touched.length >= MAX_CANDIDATES) return;
          touched.push(slot);
        }
        shared[slot] = shared[slot]! + weight;
      });
    }
    if (touched.length === 0) return undefined;
    const candidates = topSlots(touched, shared, SCORED_CANDIDATES);
    for (const slot of touched) shared[slot] = 0;
    const itemNorm = norm(terms);
    let best: { id: string; score: number } | undefined;
    for (const slot of candidates) {
      const c = this.slots[slot];
      if (!c || Math.abs(c.publishedMs - publishedMs) > SAME_DEVELOPMENT_WINDOW_MS) continue;
      const score = similarity(terms, itemNorm, c.terms, c.norm);
      if (score >= SAME_DEVELOPMENT_SIMILARITY && (!best || score > best.score)) best = { id: c.id, score };
    }
    return best;
  }

  /** Adds or replaces a cluster (its terms are copied). */
  put(cluster: IndexedCluster): void {
    this.remove(cluster.id);
    const terms = new Map(cluster.terms);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const entry: Slot = { id: cluster.id, slot, publishedMs: cluster.publishedMs, terms, norm: norm(terms) };
    this.slots[slot] = entry;
    if (slot >= this.shared.length) {
      const grown = new Float64Array(this.shared.length * 2);
      grown.set(this.shared);
      this.shared = grown;
    }
    this.clusters.set(cluster.id, entry);
    for (const term of terms.keys()) if (terms.get(term)! >= MIN_LOOKUP_WEIGHT) this.post(term, slot);
  }

  /** Folds an item's terms into a cluster in place; returns the cluster's terms. */
  absorb(id: string, terms: Terms, publishedMs: number): Terms {
    const c = this.clusters.get(id);
    if (!c) throw new Error(`cluster ${id} is not indexed`);
    // Keys, then weights: no [term, weight] pair per term (this runs for every item that joins a cluster).
    for (const term of terms.keys()) {
      const w = terms.get(term)!;
      const before = c.terms.get(term) ?? 0;
      c.terms.set(term, before + w);
      if (before < MIN_LOOKUP_WEIGHT && before + w >= MIN_LOOKUP_WEIGHT) this.post(term, c.slot);
    }
    if (c.terms.size > PRUNE_AT) {
      const kept = strongest(c.terms, MAX_CLUSTER_TERMS);
      for (const term of c.terms.keys()) if (!kept.has(term)) this.unpost(term, c.slot);
      c.terms = kept;
    }
    c.norm = norm(c.terms);
    c.publishedMs = Math.min(c.publishedMs, publishedMs);
    return c.terms;
  }

  get(id: string): IndexedCluster | undefined {
    return this.clusters.get(id);
  }

  private post(term: string, slot: number): void {
    let set = this.byTerm.get(term);
    if (!set) this.byTerm.set(term, (set = new Set()));
    set.add(slot);
  }

  private unpost(term: string, slot: number): void {
    const set = this.byTerm.get(term);
    set?.delete(slot);
    if (set && set.size === 0) this.byTerm.delete(term);
  }

  private remove(id: string): void {
    const old = this.clusters.get(id);
    if (!old) return;
    for (const term of old.terms.keys()) this.unpost(term, old.slot);
    this.clusters.delete(id);
    this.slots[old.slot] = undefined;
    this.freeSlots.push(old.slot);
  }
}

interface Slot {
  id: string;
  slot: number;
  publishedMs: number;
  terms: Terms;
  norm: number;
}

/** The `k` slots with the most shared weight, highest first; ties in the order found. */
function topSlots(touched: number[], shared: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (const slot of touched) {
    const w = shared[slot]!;
    if (out.length === k && shared[out[k - 1]!]! >= w) continue;
    let at = out.length;
    while (at > 0 && shared[out[at - 1]!]! < w) at--;
    out.splice(at, 0, slot);
    if (out.length > k) out.pop();
  }
  return out;
}
