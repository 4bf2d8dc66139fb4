import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { ChannelSender } from '../../src/delivery/channel-sender';
import type { Reply } from '../../src/reply/reply';
import { deliveryErrorFromDiscord } from './delivery-error-from-discord';
import { renderEmbeds, type DiscordMessageParts } from './render-embeds';
import type { CommandRenamer } from './discord-command-names';

/**
 * Posts digests and alerts with `POST /channels/:id/messages`. Rate limits are waited out by
 * @discordjs/rest (queued, never dropped); other failures become a `DeliveryError`.
 *
 * Each part carries a nonce derived from the channel and its content with `enforce_nonce`,
 * so when a request is retried after Discord already created the message (a timeout, a
 * retried 5xx, or the outbox retrying a reply whose first part went through), Discord
 * returns the existing message instead of posting it twice. Discord remembers nonces for a
 * few minutes, which covers those retries.
 */
export class DiscordChannelSender implements ChannelSender {
  readonly platform = 'discord' as const;

  /** @param renameCommands spells command mentions in digests and notices as Discord users type them. */
  constructor(
    private readonly rest: REST,
    private readonly renameCommands: CommandRenamer = (reply) => reply,
  ) {}

  async send(channelId: string, reply: Reply): Promise<void> {
    const parts = renderEmbeds({ ...this.renameCommands(reply), visibility: 'channel' });
    for (const [index, part] of parts.entries()) {
      try {
        await this.rest.post(Routes.channelMessages(channelId), { body: messageBody(channelId, part, index) });
      } catch (error) {
        throw deliveryErrorFromDiscord(error, channelId);
      }
    }
  }
}

function messageBody(channelId: string, part: DiscordMessageParts, index: number) {
  const content = part.content ?? '';
  const nonce = createHash('sha256')
    .update(`${channelId}\n${index}\n${content}\n${JSON.stringify(part.embeds)}`)
    .digest('base64url')
    .slice(0, 25);
  return { content, embeds: part.embeds, allowed_mentions: { parse: [] }, nonce, enforce_nonce: true };
}
