import type { CommandRouter } from '../command-router';
import type { CommandHandler, CommandRequest } from '../command';
import type { StoryDefinition } from '../../story/story-definition';
import type { Reply } from '../../reply/reply';

/** Help: the story, every subcommand with its usage, and how to ask a question. */
export function createHelpReply(story: StoryDefinition) {
  return async (router: CommandRouter, request: CommandRequest): Promise<Reply> => {
    const unknown = request.sub && request.sub !== 'help' && !router.has(request.sub);
    const items = router.list().flatMap((h) => helpLines(story.command, h, request).map((text) => ({ text })));
    return {
      title: `${story.title}: commands`,
      visibility: 'private',
      blocks: [
        ...(unknown ? [{ kind: 'text' as const, text: `There is no "${request.sub}" command. Here is what I can do:` }] : []),
        ...(story.summary ? [{ kind: 'text' as const, text: story.summary }] : []),
        { kind: 'list', items },
        { kind: 'text', text: `You can also mention me with a question, e.g. "@newsdesk ${story.exampleQuestion}"` },
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

/**
 * A handler's help line: `/<command> <name> <usage> - <summary>`. When its usage is one set of
 * alternatives of which only some are for admins (`feeds [list | add <url> | ...]`), the
 * admin ones get a line of their own, marked, so everyone sees what they can run and an
 * adapter that hosts admin subcommands under another command can name each line's command.
 */
function helpLines(command: string, handler: CommandHandler, request: CommandRequest): string[] {
  const line = (usage: string, summary = handler.summary) => `/${command} ${handler.name}${usage ? ` ${usage}` : ''} - ${summary}`;
  const alternatives = /^\[([^[\]]+)\]$/.exec(handler.usage)?.[1]?.split('|').map((a) => a.trim()).filter(Boolean) ?? [];
  const adminOnly = handler.adminOnly;
  if (!adminOnly || alternatives.length < 2) return [line(handler.usage)];
  const forAdmins = (alternative: string) => {
    const args = alternative.split(/\s+/);
    return adminOnly({ ...request, sub: handler.name, args, text: alternative });
  };
  const open = alternatives.filter((a) => !forAdmins(a));
  const admin = alternatives.filter(forAdmins);
  if (open.length === 0 || admin.length === 0) return [line(handler.usage)];
  return [line(open.join(' | ')), line(admin.join(' | '), 'change them (admins)')];
}
