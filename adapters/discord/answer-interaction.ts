import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { Logger } from '../../src/logging/logger';
import { errorReply, type Reply } from '../../src/reply/reply';
import { CHANNEL_SUBCOMMANDS, SLOW_SUBCOMMANDS } from './command-definitions';
import { discordConversation, interactionCaller } from './discord-identity';
import { interactionToCommand } from './interaction-to-command';
import { channelMessage, interactionMessage } from './message-options';
import { isEphemeral, renderEmbeds } from './render-embeds';
import { waitAtMost } from './wait-at-most';
import type { CommandRenamer } from './discord-command-names';

export interface AnswerInteractionOptions {
  adminUserIds: readonly string[];
  /**
   * How long to wait for the answer before deferring. Discord wants a first response within
   * 3 s of the interaction, network time included, so this stays well below that.
   */
  deferAfterMs: number;
  logger: Logger;
  /** Spells the core's command mentions as Discord users type them (`/<story>-admin subscribe`). */
  renameCommands: CommandRenamer;
}

/**
 * Answers one slash command: translates it to the core's text form, runs it, and replies at
 * once when the answer is quick; otherwise defers (the user sees "thinking…") and edits the
 * deferred reply when the answer is ready. Private replies and errors are ephemeral.
 */
export async function answerInteraction(
  interaction: ChatInputCommandInteraction,
  newsdesk: Newsdesk,
  options: AnswerInteractionOptions,
): Promise<void> {
  const command = interactionToCommand(
    interaction.commandName,
    interaction.options.data,
    newsdesk.stories.map((s) => s.definition),
  );
  if (!command) {
    const known = newsdesk.stories.map((s) => `/${s.definition.command}`).join(', ');
    await replyNow(interaction, errorReply(`I do not know /${interaction.commandName} any more. Try ${known}.`));
    return;
  }
  const caller = interactionCaller(interaction, options.adminUserIds);
  const conversation = discordConversation(interaction.channelId, interaction.guildId);
  const work = newsdesk
    .handleCommand(command.command, command.text, caller, conversation)
    .then(options.renameCommands)
    .catch((error: unknown) => {
      options.logger.error({ err: error, command: command.command, sub: command.path }, 'discord command failed');
      return errorReply('Sorry, something went wrong while answering that. It has been logged; please try again in a moment.');
    });
  const quick = SLOW_SUBCOMMANDS.has(command.path) ? undefined : await waitAtMost(work, options.deferAfterMs);
  if (quick) {
    await replyNow(interaction, quick);
    return;
  }
  const deferEphemeral = !CHANNEL_SUBCOMMANDS.has(command.path);
  await interaction.deferReply(deferEphemeral ? { flags: MessageFlags.Ephemeral } : {});
  await replyDeferred(interaction, await work, deferEphemeral);
}

async function replyNow(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const ephemeral = isEphemeral(reply);
  const [first, ...rest] = renderEmbeds(reply);
  await interaction.reply(interactionMessage(first!, ephemeral));
  for (const part of rest) await interaction.followUp(interactionMessage(part, ephemeral));
}

/**
 * A deferred reply's visibility was chosen before the answer existed. A private answer (or
 * an error) under a public "thinking…" replaces it with an ephemeral follow-up instead of
 * showing it to everyone; a public answer under a private one stays private.
 */
async function replyDeferred(interaction: ChatInputCommandInteraction, reply: Reply, deferredEphemeral: boolean): Promise<void> {
  const parts = renderEmbeds(reply);
  if (isEphemeral(reply) && !deferredEphemeral) {
    await interaction.deleteReply();
    for (const part of parts) await interaction.followUp(interactionMessage(part, true));
    return;
  }
  const [first, ...rest] = parts;
  // Edits cannot change flags: the deferred message already is (or is not) ephemeral.
  await interaction.editReply(channelMessage(first!));
  for (const part of rest) await interaction.followUp(interactionMessage(part, deferredEphemeral));
}
