import { createHash } from 'node:crypto';
import type { Article } from '../corpus/article';
import type { EventMention } from './event-mention';
import type { QuoteMention } from './extract-quotes';
import type { ClaimMention } from './extract-claims';

/** What one article yields: its dated events, quotes and figures. */
export interface ArticleExtraction {
  events: EventMention[];
  quotes: QuoteMention[];
  claims: ClaimMention[];
}

/**
 * Extractions per article, kept while the article's content and reading date stay the same, so
 * a new corpus version (a feed item added) extracts only new or edited articles and the story's
 * knowledge is re-merged from the rest. One cache serves one story definition (its names and
 * synonyms shape what is extracted).
 */
export class ArticleExtractionCache {
  private readonly byId = new Map<string, { key: string; extraction: ArticleExtraction }>();
  private extracted = 0;

  /** How many articles have been extracted (not served from the cache) so far. */
  get extractions(): number {
    return this.extracted;
  }

  /** The article's extraction, from the cache when its content and `reference` are unchanged. */
  get(article: Article, reference: Date, extract: () => ArticleExtraction): ArticleExtraction {
    const key = `${contentHash(article)}|${reference.toISOString()}`;
    const cached = this.byId.get(article.id);
    if (cached && cached.key === key) return cached.extraction;
    const extraction = extract();
    this.extracted++;
    this.byId.set(article.id, { key, extraction });
    return extraction;
  }

  /** Forgets articles no longer in the corpus. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.byId.keys()) if (!ids.has(id)) this.byId.delete(id);
  }
}

/** Everything extraction reads from an article, hashed: an edited feed item gets a new hash. */
function contentHash(article: Article): string {
  return createHash('sha1')
    .update(`${article.outlet}\u0000${article.title}\u0000${article.url ?? ''}\u0000${article.published ?? ''}\u0000`)
    .update(article.body)
    .digest('base64');
}
