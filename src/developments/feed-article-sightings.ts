import type { FeedStore } from '../feeds/feed-store';
import { articleIdOf } from '../feeds/item-article';
import type { ArticleSighting, ArticleSightings } from './article-sightings';

/** Sightings of feed-item articles from the feed store: first-seen time and cluster. */
export class FeedArticleSightings implements ArticleSightings {
  constructor(private readonly store: Pick<FeedStore, 'existingItems'>) {}

  async sightings(articleIds: string[]): Promise<Map<string, ArticleSighting>> {
    const byRow = new Map<string, string>();
    for (const articleId of articleIds) {
      const rowId = itemRowIdOf(articleId);
      if (rowId) byRow.set(rowId, articleId);
    }
    const out = new Map<string, ArticleSighting>();
    if (byRow.size === 0) return out;
    for (const [rowId, row] of await this.store.existingItems([...byRow.keys()])) {
      const articleId = byRow.get(rowId);
      if (!articleId) continue;
      out.set(articleId, { firstSeenAt: row.first_seen_at, ...(row.cluster_id ? { developmentId: row.cluster_id } : {}) });
    }
    return out;
  }
}

/** The feed item row id behind a corpus article id, when it is one (the inverse of `articleIdOf`). */
function itemRowIdOf(articleId: string): string | undefined {
  const dash = articleId.indexOf('-');
  if (dash < 0) return undefined;
  const rowId = articleId.slice(dash + 1);
  return articleIdOf(rowId) === articleId ? rowId : undefined;
}
