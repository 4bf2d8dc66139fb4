import type { Article } from '../corpus/article';
import { buildArticle } from '../corpus/build-article';
import type { FeedItemRow } from './feed-store';

/** The corpus article for a relevant feed item: timeline and answers cite it like any other. */
export function itemArticle(row: FeedItemRow): Article {
  return buildArticle({
    id: articleIdOf(row.id),
    outlet: row.outlet,
    title: row.title,
    ...(row.link ? { url: row.link } : {}),
    published: row.published_at,
    ...(row.author ? { author: row.author } : {}),
    origin: 'feed',
    body: row.summary || row.title,
    lineParagraphs: true,
  });
}

export function articleIdOf(itemRowId: string): string {
  return `feed-${itemRowId}`;
}
