import type { Feature, NewsdeskContext } from '../app/feature';
import type { StoryRuntime } from '../app/story-runtime';
import type { CommandHandler } from '../commands/command';
import { KnowledgeCache } from './knowledge-cache';
import type { StoryKnowledge } from './story-knowledge';
import { createTimelineCommand } from './commands/timeline-command';
import { createWhoCommand } from './commands/who-command';
import { createQuotesCommand } from './commands/quotes-command';
import { createClaimsCommand } from './commands/claims-command';

/** The story's knowledge: timeline, people, quotes and claims, each with its sources. */
export interface KnowledgeFeature extends Feature {
  readonly name: 'knowledge';
  /** The story's extracted knowledge for its current corpus version (built on first use, synchronously). */
  knowledge(story: StoryRuntime): StoryKnowledge;
  /**
   * The same knowledge, built in slices that leave the event loop free every few milliseconds;
   * callers asking during a build share it. What a running bot should use.
   */
  loadKnowledge(story: StoryRuntime): Promise<StoryKnowledge>;
  /**
   * Builds every story's knowledge in the background so the first user to ask gets it at once.
   * Resolves when done; a story that fails is logged, never thrown.
   */
  warm(): Promise<void>;
}

export function createKnowledgeFeature(context: NewsdeskContext): KnowledgeFeature {
  const cache = new KnowledgeCache(context.clock);
  const logger = context.logger.child({ component: 'knowledge' });
  const warm = async (): Promise<void> => {
    for (const story of context.stories) {
      const started = Date.now();
      try {
        const knowledge = await cache.load(story.definition, story.corpus);
        logger.info({ story: story.definition.id, events: knowledge.events.length, ms: Date.now() - started }, 'story knowledge ready');
      } catch (error) {
        logger.error({ err: error, story: story.definition.id }, 'cannot build the story knowledge ahead of use');
      }
    }
  };
  return {
    name: 'knowledge',
    commands(story: StoryRuntime): CommandHandler[] {
      return [createTimelineCommand(story, cache), createWhoCommand(story, cache), createQuotesCommand(story, cache), createClaimsCommand(story, cache)];
    },
    knowledge(story: StoryRuntime): StoryKnowledge {
      return cache.get(story.definition, story.corpus);
    },
    loadKnowledge(story: StoryRuntime): Promise<StoryKnowledge> {
      return cache.load(story.definition, story.corpus);
    },
    warm,
    // Not awaited: start() returns at once and the bot answers while the timeline is built (one-shot CLI runs never start features).
    start(): Promise<void> {
      void warm();
      return Promise.resolve();
    },
  };
}
