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
  /** The story's extracted knowledge for its current corpus version (built on first use). */
  knowledge(story: StoryRuntime): StoryKnowledge;
}

export function createKnowledgeFeature(context: NewsdeskContext): KnowledgeFeature {
  const cache = new KnowledgeCache(context.clock);
  return {
    name: 'knowledge',
    commands(story: StoryRuntime): CommandHandler[] {
      return [createTimelineCommand(story, cache), createWhoCommand(story, cache), createQuotesCommand(story, cache), createClaimsCommand(story, cache)];
    },
    knowledge(story: StoryRuntime): StoryKnowledge {
      return cache.get(story.definition, story.corpus);
    },
  };
}
