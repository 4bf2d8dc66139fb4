import type { StoryFolder } from '../story/load-stories';
import type { StoryDefinition } from '../story/story-definition';
import type { StoryCorpus } from '../corpus/story-corpus';
import type { CommandRouter } from '../commands/command-router';

/** One story as the running bot sees it: definition, corpus and command router. */
export interface StoryRuntime {
  definition: StoryDefinition;
  folder: StoryFolder;
  corpus: StoryCorpus;
  router: CommandRouter;
}
