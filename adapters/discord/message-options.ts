import { MessageFlags, type MessageMentionOptions } from 'discord.js';
import type { DiscordMessageParts } from './render-embeds';

/**
 * Nobody is pinged by anything newsdesk posts: feed text or a question may contain
 * @everyone, role or user mentions, and a reply to a mention does not ping its author.
 */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

/** Options for `reply`, `followUp`, `editReply`: the rendered part, no pings, ephemeral or not. */
export function interactionMessage(part: DiscordMessageParts, ephemeral: boolean) {
  return {
    content: part.content ?? '',
    embeds: part.embeds,
    allowedMentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** Options for `message.reply`, `channel.send` and `editReply` (edits cannot change flags). */
export function channelMessage(part: DiscordMessageParts) {
  return { content: part.content ?? '', embeds: part.embeds, allowedMentions: NO_MENTIONS };
}
