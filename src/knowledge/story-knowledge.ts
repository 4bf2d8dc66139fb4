import type { Article } from '../corpus/article';
import type { StoryDefinition } from '../story/story-definition';
import { extractEvents } from './extract-events';
import { mergeSteps, type TimelineEvent } from './merge-events';
import { runInSlices, runToEnd } from './run-in-slices';
import { corpusReferenceDate, publishedDate } from './reference-date';
import { StoryNames } from './story-names';
import { TermFolder } from './text-terms';
import type { EventMention } from './event-mention';
import { extractQuotes, type QuoteMention } from './extract-quotes';
import { extractClaims, type ClaimMention } from './extract-claims';
import { ArticleExtractionCache } from './article-extraction-cache';

/** Everything the knowledge commands look up, extracted once per corpus version. */
export interface StoryKnowledge {
  /** The corpus version this was built from. */
  version: number;
  /** What undated articles were read against. */
  reference: Date;
  names: StoryNames;
  folder: TermFolder;
  /** Merged events in date order. */
  events: TimelineEvent[];
  /** Quotes in corpus order; the same words reported by several outlets are one entry. */
  quotes: QuoteEntry[];
  /** Figures with what they measure, in corpus order. */
  claims: ClaimMention[];
}

/** A quote and every outlet that reports it. */
export interface QuoteEntry {
  speaker: string;
  text: string;
  mentions: QuoteMention[];
}

export interface BuildOptions {
  version: number;
  /** Today's date (the injected clock), the last resort for reading undated articles. */
  now: Date;
  /** Extractions of earlier builds for the same story definition: unchanged articles are not read again. */
  extractions?: ArticleExtractionCache;
}

/** Extracts and merges the knowledge of a set of articles for one story. */
export function buildStoryKnowledge(definition: StoryDefinition, articles: Article[], options: BuildOptions): StoryKnowledge {
  return runToEnd(buildSteps(definition, articles, options));
}

/**
 * The same build, giving the event loop a turn every few milliseconds (between articles and
 * between merge steps), so a running bot keeps answering while a large corpus is read.
 */
export function buildStoryKnowledgeInSlices(definition: StoryDefinition, articles: Article[], options: BuildOptions): Promise<StoryKnowledge> {
  return runInSlices(buildSteps(definition, articles, options));
}

/** The build as small steps: one per article extracted, then one per mention merged. */
function* buildSteps(definition: StoryDefinition, articles: Article[], options: BuildOptions): Generator<void, StoryKnowledge, void> {
  const names = new StoryNames(definition);
  const folder = new TermFolder(definition.synonyms);
  const reference = corpusReferenceDate(articles, options.now);
  const mentions: EventMention[] = [];
  const quotes: QuoteMention[] = [];
  const claims: ClaimMention[] = [];
  const cache = options.extractions ?? new ArticleExtractionCache();
  for (const article of articles) {
    const articleReference = publishedDate(article) ?? reference;
    const extraction = cache.get(article, articleReference, () => ({
      events: extractEvents(article, { names, folder, reference: articleReference }),
      quotes: extractQuotes(article, names),
      claims: extractClaims(article, folder),
    }));
    for (const m of extraction.events) mentions.push(m);
    for (const q of extraction.quotes) quotes.push(q);
    for (const c of extraction.claims) claims.push(c);
    yield;
  }
  cache.keepOnly(new Set(articles.map((a) => a.id)));
  const events = yield* mergeSteps(mentions);
  return { version: options.version, reference, names, folder, events, quotes: groupQuotes(quotes), claims };
}

/** Quotes with the same speaker and the same words (ignoring case and punctuation) become one entry. */
function groupQuotes(quotes: QuoteMention[]): QuoteEntry[] {
  const byKey = new Map<string, QuoteEntry>();
  for (const q of quotes) {
    const key = `${q.speaker}|${q.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
    const entry = byKey.get(key);
    if (entry) entry.mentions.push(q);
    else byKey.set(key, { speaker: q.speaker, text: q.text, mentions: [q] });
  }
  return [...byKey.values()];
}
