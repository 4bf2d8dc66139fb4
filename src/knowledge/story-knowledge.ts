import type { Article } from '../corpus/article';
import type { StoryDefinition } from '../story/story-definition';
import { extractEvents } from './extract-events';
import { mergeEvents, type TimelineEvent } from './merge-events';
import { corpusReferenceDate, publishedDate } from './reference-date';
import { StoryNames } from './story-names';
import { TermFolder } from './text-terms';
import type { EventMention } from './event-mention';

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
}

export interface BuildOptions {
  version: number;
  /** Today's date (the injected clock), the last resort for reading undated articles. */
  now: Date;
}

/** Extracts and merges the knowledge of a set of articles for one story. */
export function buildStoryKnowledge(definition: StoryDefinition, articles: Article[], options: BuildOptions): StoryKnowledge {
  const names = new StoryNames(definition);
  const folder = new TermFolder(definition.synonyms);
  const reference = corpusReferenceDate(articles, options.now);
  const mentions: EventMention[] = [];
  for (const article of articles) {
    mentions.push(...extractEvents(article, { names, folder, reference: publishedDate(article) ?? reference }));
  }
  return { version: options.version, reference, names, folder, events: mergeEvents(mentions) };
}
