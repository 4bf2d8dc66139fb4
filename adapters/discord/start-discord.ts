import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { Config } from '../../src/config/config';
import type { Logger } from '../../src/logging/logger';
import { answerInteraction } from './answer-interaction';
import { answerMention, mentionsBot } from './answer-mention';
import { DiscordChannelSender } from './discord-channel-sender';
import { discordApiBase } from './discord-api-base';

export type DiscordSettings = NonNullable<Config['discord']>;

export interface StartDiscordOptions {
  /** Retries of a failed request (5xx, network) by @discordjs/rest; its default (3) when unset. */
  restRetries?: number;
  /** Wait this long for an answer before deferring an interaction (default 1,200 ms). */
  deferAfterMs?: number;
}

/** A running Discord connection. */
export interface DiscordAdapter {
  readonly client: Client;
  /** Disconnects from the gateway; in-flight answers may still finish. */
  stop(): Promise<void>;
}

/**
 * Connects to Discord and serves every story: slash commands, mentions, and the
 * `ChannelSender` the digest outbox posts through. Only the Guilds and GuildMessages intents:
 * messages that mention the bot carry their content without the privileged one.
 */
export async function startDiscord(
  newsdesk: Newsdesk,
  settings: DiscordSettings,
  logger: Logger,
  options: StartDiscordOptions = {},
): Promise<DiscordAdapter> {
  const log = logger.child({ component: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: discordApiBase(settings.apiUrl), ...(options.restRetries !== undefined ? { retries: options.restRetries } : {}) },
  });
  const answerOptions = { adminUserIds: settings.adminUserIds, logger: log };
  const deferAfterMs = options.deferAfterMs ?? 1200;

  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    answerInteraction(interaction, newsdesk, { ...answerOptions, deferAfterMs }).catch((error: unknown) =>
      log.error({ err: error, command: interaction.commandName }, 'could not answer a Discord interaction'),
    );
  });
  client.on(Events.MessageCreate, (message) => {
    if (!client.user || !mentionsBot(message, client.user)) return;
    answerMention(message, client.user, newsdesk, { ...answerOptions, typingAfterMs: deferAfterMs }).catch((error: unknown) =>
      log.error({ err: error, channel: message.channelId }, 'could not answer a Discord mention'),
    );
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'Discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'Discord client warning'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(settings.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  newsdesk.registerSender(new DiscordChannelSender(client.rest));
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
  return {
    client,
    async stop() {
      await client.destroy();
      log.info('disconnected from Discord');
    },
  };
}
