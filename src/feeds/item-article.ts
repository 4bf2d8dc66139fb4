import type { Article, Passage } from '../corpus/article';
import { buildArticle, type ArticleInput } from '../corpus/build-article';
import { normaliseText } from '../corpus/normalise-text';
import type { FeedItemRow } from './feed-store';

/**
 * The corpus article for a relevant feed item: timeline and answers cite it like any other.
 * Its body and passages are built when first read, not when the item is polled: a poll
 * round brings thousands of items, and the indexes that read them rebuild later anyway.
 * They are own enumerable properties, so copies (`{ ...article }`) carry them.
 */
export function itemArticle(row: FeedItemRow): Article {
  let input: ArticleInput | undefined = {
    id: articleIdOf(row.id),
    outlet: row.outlet,
    title: row.title,
    ...(row.link ? { url: row.link } : {}),
    published: row.published_at,
    ...(row.author ? { author: row.author } : {}),
    origin: 'feed',
    body: row.summary || row.title,
    lineParagraphs: true,
  };
  let built: { body: string; passages: Passage[] } | undefined;
  const build = () => {
    if (!built) {
      const full = buildArticle(input!);
      built = { body: full.body, passages: full.passages };
      input = undefined;
    }
    return built;
  };
  const article = {
    id: input.id,
    outlet: row.outlet,
    title: normaliseText(row.title),
    ...(row.link ? { url: row.link } : {}),
    published: row.published_at,
    ...(row.author ? { author: row.author } : {}),
    origin: 'feed',
  } as Article;
  Object.defineProperty(article, 'body', { get: () => build().body, enumerable: true, configurable: true });
  Object.defineProperty(article, 'passages', { get: () => build().passages, enumerable: true, configurable: true });
  return article;
}

export function articleIdOf(itemRowId: string): string {
  return `feed-${itemRowId}`;
}
