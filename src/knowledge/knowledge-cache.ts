import type { StoryCorpus } from '../corpus/story-corpus';
import type { StoryDefinition } from '../story/story-definition';
import type { Clock } from '../clock';
import { buildStoryKnowledge, type StoryKnowledge } from './story-knowledge';

/**
 * Story knowledge per corpus, rebuilt lazily the first time it is asked for after the corpus
 * `version` changed (feed items added), so lookups between changes cost nothing.
 */
export class KnowledgeCache {
  private readonly built = new WeakMap<StoryCorpus, StoryKnowledge>();

  constructor(private readonly clock: Clock) {}

  get(definition: StoryDefinition, corpus: StoryCorpus): StoryKnowledge {
    const cached = this.built.get(corpus);
    if (cached && cached.version === corpus.version) return cached;
    const knowledge = buildStoryKnowledge(definition, corpus.articles(), { version: corpus.version, now: this.clock.now() });
    this.built.set(corpus, knowledge);
    return knowledge;
  }
}
