import type { StoryCorpus } from '../corpus/story-corpus';
import type { StoryDefinition } from '../story/story-definition';
import type { Clock } from '../clock';
import { buildStoryKnowledge, type StoryKnowledge } from './story-knowledge';
import { ArticleExtractionCache } from './article-extraction-cache';

/**
 * Story knowledge per corpus, rebuilt lazily the first time it is asked for after the corpus
 * `version` changed (feed items added), so lookups between changes cost nothing; a rebuild
 * extracts only new or edited articles and merges again.
 */
export class KnowledgeCache {
  private readonly built = new WeakMap<StoryCorpus, { knowledge?: StoryKnowledge; definition: StoryDefinition; extractions: ArticleExtractionCache }>();

  constructor(private readonly clock: Clock) {}

  get(definition: StoryDefinition, corpus: StoryCorpus): StoryKnowledge {
    let entry = this.built.get(corpus);
    if (entry?.knowledge && entry.definition === definition && entry.knowledge.version === corpus.version) return entry.knowledge;
    // Only new or edited articles are extracted again; a changed story definition starts afresh.
    if (!entry || entry.definition !== definition) this.built.set(corpus, (entry = { definition, extractions: new ArticleExtractionCache() }));
    entry.knowledge = buildStoryKnowledge(definition, corpus.articles(), { version: corpus.version, now: this.clock.now(), extractions: entry.extractions });
    return entry.knowledge;
  }

  /** How many articles of the corpus have been extracted so far (cache misses). */
  extractions(corpus: StoryCorpus): number {
    return this.built.get(corpus)?.extractions.extractions ?? 0;
  }
}
