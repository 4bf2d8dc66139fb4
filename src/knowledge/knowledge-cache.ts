import type { StoryCorpus } from '../corpus/story-corpus';
import type { StoryDefinition } from '../story/story-definition';
import type { Clock } from '../clock';
import { buildStoryKnowledge, buildStoryKnowledgeInSlices, type StoryKnowledge } from './story-knowledge';
import { ArticleExtractionCache } from './article-extraction-cache';

interface Entry {
  definition: StoryDefinition;
  extractions: ArticleExtractionCache;
  knowledge?: StoryKnowledge;
  /** The build in flight for `version`, shared by everyone who asks meanwhile. */
  pending?: { version: number; promise: Promise<StoryKnowledge> };
}

/**
 * Story knowledge per corpus, rebuilt lazily the first time it is asked for after the corpus
 * `version` changed (feed items added), so lookups between changes cost nothing; a rebuild
 * extracts only new or edited articles and merges again.
 */
export class KnowledgeCache {
  private readonly built = new WeakMap<StoryCorpus, Entry>();

  constructor(private readonly clock: Clock) {}

  /** The knowledge for the corpus's current version, built synchronously when missing (CLI, eval). */
  get(definition: StoryDefinition, corpus: StoryCorpus): StoryKnowledge {
    const entry = this.entry(definition, corpus);
    if (entry.knowledge?.version === corpus.version) return entry.knowledge;
    entry.knowledge = buildStoryKnowledge(definition, corpus.articles(), { version: corpus.version, now: this.clock.now(), extractions: entry.extractions });
    return entry.knowledge;
  }

  /**
   * The knowledge for the corpus's current version, built in slices that give the event loop a
   * turn every few milliseconds, so a running bot keeps acknowledging other users meanwhile.
   * Callers that ask while a build of the same version is in flight share it; a failed build
   * is not remembered, the next call tries again.
   */
  load(definition: StoryDefinition, corpus: StoryCorpus): Promise<StoryKnowledge> {
    const entry = this.entry(definition, corpus);
    const version = corpus.version;
    if (entry.knowledge?.version === version) return Promise.resolve(entry.knowledge);
    if (entry.pending?.version === version) return entry.pending.promise;
    const promise = buildStoryKnowledgeInSlices(definition, corpus.articles(), { version, now: this.clock.now(), extractions: entry.extractions }).then(
      (knowledge) => {
        // A newer synchronous build may have landed meanwhile; keep the newest.
        if (!entry.knowledge || entry.knowledge.version <= knowledge.version) entry.knowledge = knowledge;
        return knowledge;
      },
    );
    const pending = { version, promise };
    entry.pending = pending;
    const settle = () => {
      if (entry.pending === pending) delete entry.pending;
    };
    promise.then(settle, settle);
    return promise;
  }

  /** How many articles of the corpus have been extracted so far (cache misses). */
  extractions(corpus: StoryCorpus): number {
    return this.built.get(corpus)?.extractions.extractions ?? 0;
  }

  /** The corpus's entry; a changed story definition starts afresh (its names shape extraction). */
  private entry(definition: StoryDefinition, corpus: StoryCorpus): Entry {
    let entry = this.built.get(corpus);
    if (!entry || entry.definition !== definition) this.built.set(corpus, (entry = { definition, extractions: new ArticleExtractionCache() }));
    return entry;
  }
}
