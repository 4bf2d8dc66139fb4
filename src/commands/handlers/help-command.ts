import type { CommandRouter } from '../command-router';
import type { CommandRequest } from '../command';
import type { StoryDefinition } from '../../story/story-definition';
import type { Reply } from '../../reply/reply';

/** Help: the story, every subcommand with its usage, and how to ask a question. */
export function createHelpReply(story: StoryDefinition) {
  return async (router: CommandRouter, request: CommandRequest): Promise<Reply> => {
    const unknown = request.sub && request.sub !== 'help' && !router.has(request.sub);
    const items = router.list().map((h) => ({
      text: `/${story.command} ${h.name}${h.usage ? ` ${h.usage}` : ''} - ${h.summary}`,
    }));
    return {
      title: `${story.title}: commands`,
      visibility: 'private',
      blocks: [
        ...(unknown ? [{ kind: 'text' as const, text: `There is no "${request.sub}" command. Here is what I can do:` }] : []),
        ...(story.summary ? [{ kind: 'text' as const, text: story.summary }] : []),
        { kind: 'list', items },
        { kind: 'text', text: `You can also mention me with a question, e.g. "@newsdesk who leads the pre-training team?".` },
      ],
    };
  };
}

export function createHelpCommand(story: StoryDefinition, router: CommandRouter) {
  const reply = createHelpReply(story);
  return {
    name: 'help',
    usage: '',
    summary: 'this list',
    run: (request: CommandRequest) => reply(router, request),
  };
}
