import type { Reply } from '../reply/reply';

export type Platform = 'console' | 'cli' | 'slack' | 'discord';

/** Who sent a command, as the adapter established it. */
export interface Caller {
  id: string;
  name?: string;
  /** Adapters decide: Slack workspace admin/owner or allow-list; Discord Manage Server. */
  isAdmin: boolean;
}

/** Where a command was sent; digests and subscriptions are keyed by it. */
export interface Conversation {
  platform: Platform;
  channelId: string;
  /** Slack team id or Discord guild id, when there is one. */
  workspaceId?: string;
}

/** A parsed subcommand addressed to one story. */
export interface CommandRequest {
  /** Subcommand name, lower-case (`timeline`). */
  sub: string;
  /** Whitespace-separated arguments after the subcommand. */
  args: string[];
  /** The raw text after the subcommand (for free text such as questions). */
  text: string;
  caller: Caller;
  conversation: Conversation;
}

/** One subcommand of a story's slash command. */
export interface CommandHandler {
  name: string;
  /** Other names that reach this handler (`q` for `ask`). */
  aliases?: string[];
  /** Arguments as shown by help, e.g. `[year | from-to]`. */
  usage: string;
  /** One line for help. */
  summary: string;
  /** True when only admins may run it with these arguments (e.g. `feeds add`, not `feeds list`). */
  adminOnly?: (request: CommandRequest) => boolean;
  run(request: CommandRequest): Promise<Reply>;
}
