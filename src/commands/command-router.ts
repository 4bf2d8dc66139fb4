import type { CommandHandler, CommandRequest, Caller, Conversation } from './command';
import { splitSubcommand } from './parse-chat-text';
import { errorReply, type Reply } from '../reply/reply';
import { isUserFacing } from '../errors';
import type { Logger } from '../logging/logger';

/** Observes each handled command (metrics hook); must not throw. */
export type CommandObserver = (sub: string, ms: number, outcome: 'ok' | 'user-error' | 'error') => void;

/**
 * Routes a story's subcommands to their handlers. Unknown subcommands get help; a
 * handler's user-facing error becomes a plain reply; anything else is logged and the
 * user gets an apology without internals.
 */
export class CommandRouter {
  private readonly handlers = new Map<string, CommandHandler>();
  private readonly ordered: CommandHandler[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly helpHandler: (router: CommandRouter, request: CommandRequest) => Promise<Reply>,
    private readonly observe: CommandObserver = () => undefined,
  ) {}

  register(handler: CommandHandler): this {
    for (const name of [handler.name, ...(handler.aliases ?? [])]) {
      if (this.handlers.has(name)) throw new Error(`subcommand ${name} registered twice`);
      this.handlers.set(name, handler);
    }
    this.ordered.push(handler);
    return this;
  }

  /** Handlers in registration order (help lists them this way). */
  list(): readonly CommandHandler[] {
    return this.ordered;
  }

  has(sub: string): boolean {
    return this.handlers.has(sub);
  }

  async handle(text: string, caller: Caller, conversation: Conversation): Promise<Reply> {
    const { sub, args, rest } = splitSubcommand(text);
    const request: CommandRequest = { sub, args, text: rest, caller, conversation };
    const handler = this.handlers.get(sub);
    const started = performance.now();
    if (!handler) return this.helpHandler(this, request);
    if (handler.adminOnly?.(request) && !caller.isAdmin) {
      this.observe(handler.name, performance.now() - started, 'user-error');
      return errorReply(`Only admins can run "${handler.name}${args[0] ? ` ${args[0]}` : ''}". Ask an admin of this workspace or server, or see help for what everyone can use.`);
    }
    try {
      const reply = await handler.run(request);
      this.observe(handler.name, performance.now() - started, reply.isError ? 'user-error' : 'ok');
      return reply;
    } catch (error) {
      if (isUserFacing(error)) {
        this.observe(handler.name, performance.now() - started, 'user-error');
        return errorReply(error.message);
      }
      this.observe(handler.name, performance.now() - started, 'error');
      this.logger.error({ err: error, sub, channel: conversation.channelId }, 'command failed');
      return errorReply('Sorry, something went wrong while answering that. It has been logged; please try again in a moment.');
    }
  }
}
