import type { Feature, NewsdeskContext } from '../app/feature';
import type { StoryRuntime } from '../app/story-runtime';
import { AskService } from './ask-service';
import { ClaudeAnswerer } from './claude-answerer';
import { createAskCommand } from './ask-command';

export interface AnswersFeature extends Feature {
  /** The question path for one story (the CLI and tests use it directly). */
  service(story: StoryRuntime): AskService;
}

/** Cited answers to questions: `ask` and @mentions. Claude writes them when configured. */
export function createAnswersFeature(context: NewsdeskContext): AnswersFeature {
  const logger = context.logger.child({ component: 'answers' });
  const writer = context.config.anthropic ? new ClaudeAnswerer(context.config.anthropic, logger) : undefined;
  const services = new Map<string, AskService>();
  const service = (story: StoryRuntime): AskService => {
    let s = services.get(story.definition.id);
    if (!s) {
      s = new AskService(story, context.config.ask, context.clock, logger, writer);
      services.set(story.definition.id, s);
    }
    return s;
  };
  return {
    name: 'answers',
    commands: (story) => [createAskCommand(service(story))],
    service,
  };
}
