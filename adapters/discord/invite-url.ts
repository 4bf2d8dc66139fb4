import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/**
 * What the bot needs in a channel: see it, read the message that mentions it (to reply to
 * it), post answers and digests as embeds, also inside threads. Nothing else: no
 * moderation, no @everyone.
 */
export const BOT_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.SendMessagesInThreads,
]);

/** The link a server admin opens to add the bot and its slash commands to a server. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: BOT_PERMISSIONS.bitfield.toString(),
  });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
