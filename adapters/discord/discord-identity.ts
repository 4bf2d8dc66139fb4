import { PermissionFlagsBits, type ChatInputCommandInteraction, type Message } from 'discord.js';
import type { Caller, Conversation } from '../../src/commands/command';

/**
 * A Discord admin has Manage Server in the server the command came from, or is listed in
 * DISCORD_ADMIN_USER_IDS. Checked on every command: the `-admin` command's default
 * permission can be changed by each server, so it is not proof on its own.
 */
export function interactionCaller(interaction: ChatInputCommandInteraction, adminUserIds: readonly string[]): Caller {
  const manageServer = interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
  return {
    id: interaction.user.id,
    name: interaction.user.username,
    isAdmin: manageServer || adminUserIds.includes(interaction.user.id),
  };
}

export function messageCaller(message: Message, adminUserIds: readonly string[]): Caller {
  let manageServer = false;
  try {
    manageServer = message.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false;
  } catch {
    // Permissions need the server's roles in the cache; without them the caller is no admin.
    manageServer = false;
  }
  return {
    id: message.author.id,
    name: message.author.username,
    isAdmin: manageServer || adminUserIds.includes(message.author.id),
  };
}

export function discordConversation(channelId: string, guildId: string | null): Conversation {
  return { platform: 'discord', channelId, ...(guildId ? { workspaceId: guildId } : {}) };
}
