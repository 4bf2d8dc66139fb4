import { Client, Events, GatewayIntentBits, type Interaction, type Message } from 'discord.js';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { Config } from '../../src/config/config';
import type { Logger } from '../../src/logging/logger';
import { answerInteraction } from './answer-interaction';
import { answerMention, mentionsBot } from './answer-mention';
import { DiscordChannelSender } from './discord-channel-sender';
import { discordApiBase } from './discord-api-base';
import { discordCommandRenamer } from './discord-command-names';
import { discordErrorForLog, isExpiredInteraction } from './discord-error-for-log';

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
  /** True while the gateway connection is up (readiness). */
  isReady(): boolean;
  /**
   * Stops taking new interactions and mentions, and resolves once the answers already being
   * worked on were sent. The REST client stays usable, so queued digests can still go out.
   */
  stopIntake(): Promise<void>;
  /** Stops intake if not done yet, then disconnects and closes the client. */
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
  const renameCommands = discordCommandRenamer(newsdesk.stories.map((s) => s.definition));
  const answerOptions = { adminUserIds: settings.adminUserIds, logger: log, renameCommands };
  const deferAfterMs = options.deferAfterMs ?? 1200;

  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const onInteraction = (interaction: Interaction) => {
    if (!interaction.isChatInputCommand()) return;
    track(
      answerInteraction(interaction, newsdesk, { ...answerOptions, deferAfterMs }).catch((error: unknown) => {
        const context = { ...discordErrorForLog(error), command: interaction.commandName, channel: interaction.channelId };
        // An expired interaction is Discord telling us we were too late, not a bug in newsdesk.
        if (isExpiredInteraction(error)) log.warn(context, 'Discord interaction expired before its answer was sent');
        else log.error(context, 'could not answer a Discord interaction');
      }),
    );
  };
  const onMessage = (message: Message) => {
    if (!client.user || !mentionsBot(message, client.user)) return;
    track(
      answerMention(message, client.user, newsdesk, { ...answerOptions, typingAfterMs: deferAfterMs }).catch((error: unknown) =>
        log.error({ ...discordErrorForLog(error), channel: message.channelId }, 'could not answer a Discord mention'),
      ),
    );
  };
  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.MessageCreate, onMessage);
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
  newsdesk.registerSender(new DiscordChannelSender(client.rest, renameCommands));
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
  const stopIntake = async () => {
    client.off(Events.InteractionCreate, onInteraction);
    client.off(Events.MessageCreate, onMessage);
    await Promise.allSettled([...inFlight]);
  };
  return {
    client,
    isReady: () => client.isReady(),
    stopIntake,
    async stop() {
      await stopIntake();
      await client.destroy();
      log.info('disconnected from Discord');
    },
  };
}
