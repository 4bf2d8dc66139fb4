import type { Message, User } from 'discord.js';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { Logger } from '../../src/logging/logger';
import { errorReply } from '../../src/reply/reply';
import { discordConversation, messageCaller } from './discord-identity';
import { channelMessage } from './message-options';
import { renderEmbeds } from './render-embeds';
import { waitAtMost } from './wait-at-most';
import type { CommandRenamer } from './discord-command-names';

export interface AnswerMentionOptions {
  adminUserIds: readonly string[];
  /** After this long without an answer, show "newsdesk is typing…". */
  typingAfterMs: number;
  logger: Logger;
  /** Spells the core's command mentions as Discord users type them (`/<story>-admin subscribe`). */
  renameCommands: CommandRenamer;
}

/** True for a message a person wrote that names the bot itself (not @everyone, a role or a reply ping). */
export function mentionsBot(message: Message, bot: User): boolean {
  if (message.author.bot || message.webhookId) return false;
  return message.mentions.has(bot, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
}

/** The question without the bot's own mention: `<@123> who is X?` → `who is X?`. */
export function textWithoutMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Answers a message that mentions the bot with a reply to that message. Long answers
 * continue in further messages in the same channel.
 */
export async function answerMention(message: Message, bot: User, newsdesk: Newsdesk, options: AnswerMentionOptions): Promise<void> {
  const caller = messageCaller(message, options.adminUserIds);
  const conversation = discordConversation(message.channelId, message.guildId);
  const work = newsdesk
    .handleMention(textWithoutMention(message.content, bot.id), caller, conversation)
    .then(options.renameCommands)
    .catch((error: unknown) => {
      options.logger.error({ err: error, channel: message.channelId }, 'discord mention failed');
      return errorReply('Sorry, something went wrong while answering that. It has been logged; please try again in a moment.');
    });
  let reply = await waitAtMost(work, options.typingAfterMs);
  if (!reply) {
    if (message.channel.isSendable()) {
      await message.channel.sendTyping().catch((error: unknown) => options.logger.debug({ err: error }, 'typing indicator failed'));
    }
    reply = await work;
  }
  const [first, ...rest] = renderEmbeds(reply);
  await message.reply(channelMessage(first!));
  for (const part of rest) {
    if (message.channel.isSendable()) await message.channel.send(channelMessage(part));
    else await message.reply(channelMessage(part));
  }
}
