import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import type { Reply, ReplyBlock, ReplyItem } from '../../src/reply/reply';
import type { StoryDefinition } from '../../src/story/story-definition';
import { adminCommandName, buildStoryCommands } from './command-definitions';

/**
 * The core names every subcommand after the story's command (`/karpathy subscribe`), in
 * help and in hints such as "an admin can start one with /karpathy subscribe". On Discord
 * the subcommands that change things live under `/<story>-admin` (see command-definitions),
 * so typing the core's spelling would fail. This rewrites those mentions in a reply before
 * it is rendered; which subcommands move is read from the command definitions themselves,
 * so the two cannot drift apart.
 */
export type CommandRenamer = (reply: Reply) => Reply;

export function discordCommandRenamer(stories: readonly StoryDefinition[]): CommandRenamer {
  const rules = stories.map((story) => {
    const admin = buildStoryCommands(story).find((c) => c.name === adminCommandName(story.command));
    const paths = subcommandPaths(admin?.options ?? []).sort((a, b) => b.length - a.length);
    // `/karpathy feeds add` but not `/karpathy feeds list`, nor `/karpathy-admin ...` again.
    const pattern = new RegExp(`(?<![\\w/-])/${escapeRegExp(story.command)} (${paths.map(escapeRegExp).join('|')})(?![\\w-])`, 'g');
    return { pattern, replacement: `/${adminCommandName(story.command)} $1`, empty: paths.length === 0 };
  }).filter((r) => !r.empty);
  const rename = (text: string) => rules.reduce((t, r) => t.replace(r.pattern, r.replacement), text);
  return (reply) => renameReply(reply, rename);
}

/** `subscribe`, `unsubscribe`, `feeds add`, ...: the paths a user types after the command. */
function subcommandPaths(options: readonly APIApplicationCommandOption[], prefix = ''): string[] {
  return options.flatMap((o) => {
    if (o.type === ApplicationCommandOptionType.Subcommand) return [`${prefix}${o.name}`];
    if (o.type === ApplicationCommandOptionType.SubcommandGroup) return subcommandPaths(o.options ?? [], `${prefix}${o.name} `);
    return [];
  });
}

function renameReply(reply: Reply, rename: (text: string) => string): Reply {
  const item = (i: ReplyItem): ReplyItem => ({
    ...i,
    text: rename(i.text),
    ...(i.headline !== undefined ? { headline: rename(i.headline) } : {}),
  });
  const block = (b: ReplyBlock): ReplyBlock => {
    if (b.kind === 'text') return { ...b, text: rename(b.text) };
    if (b.kind === 'citations') return b;
    return { ...b, items: b.items.map(item), ...(b.more ? { more: { ...b.more, hint: rename(b.more.hint) } } : {}) };
  };
  return {
    ...reply,
    blocks: reply.blocks.map(block),
    ...(reply.footer !== undefined ? { footer: rename(reply.footer) } : {}),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
