import type { Development, DevelopmentSource } from '../developments/development';
import type { SourceRef } from '../reply/reply';
import type { FeedClusterRow, FeedItemRow, FeedStore } from './feed-store';

/**
 * Developments from feed clusters: one per cluster, with every outlet that reported it
 * (each outlet once, its most relevant report first). The id is the cluster's, which stays
 * the same as more outlets join.
 */
export class FeedDevelopmentSource implements DevelopmentSource {
  constructor(private readonly store: FeedStore) {}

  async listDevelopments(storyId: string, range: { since?: Date; until: Date }): Promise<Development[]> {
    const clusters = await this.store.clustersInRange(storyId, range.since?.toISOString(), range.until.toISOString());
    return this.developmentsOf(storyId, clusters);
  }

  /**
   * The `limit` newest developments before `until`, newest first, and how many there are in
   * all: `latest` shows a few of thousands, so only those few clusters' items are read.
   */
  async newestDevelopments(storyId: string, until: Date, limit: number): Promise<{ developments: Development[]; total: number }> {
    const { clusters, total } = await this.store.newestClusters(storyId, until.toISOString(), limit);
    return { developments: await this.developmentsOf(storyId, clusters), total };
  }

  private async developmentsOf(storyId: string, clusters: FeedClusterRow[]): Promise<Development[]> {
    if (clusters.length === 0) return [];
    const items = await this.store.clusterItems(clusters.map((c) => c.id));
    const byCluster = new Map<string, FeedItemRow[]>();
    for (const item of items) {
      if (!item.cluster_id) continue;
      let list = byCluster.get(item.cluster_id);
      if (!list) byCluster.set(item.cluster_id, (list = []));
      list.push(item);
    }
    const developments: Development[] = [];
    for (const c of clusters) {
      const members = byCluster.get(c.id) ?? [];
      if (members.length === 0) continue;
      const sources: SourceRef[] = [];
      const outlets = new Set<string>();
      for (const item of members) {
        if (outlets.has(item.outlet)) continue;
        outlets.add(item.outlet);
        sources.push({ outlet: item.outlet, title: item.title, ...(item.link ? { url: item.link } : {}) });
      }
      developments.push({
        id: c.id,
        storyId,
        headline: c.headline,
        summary: c.summary,
        publishedAt: c.published_at,
        firstSeenAt: c.first_seen_at,
        updatedAt: c.updated_at,
        relevance: c.relevance,
        sources,
      });
    }
    return developments.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
  }
}
