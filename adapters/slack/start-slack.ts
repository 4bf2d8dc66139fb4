import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { Config } from '../../src/config/config';
import type { Logger } from '../../src/logging/logger';
import { NewsdeskError } from '../../src/errors';
import { createBoltLogger } from './bolt-logger';
import { SlackChannelSender } from './slack-channel-sender';
import { SlackUserDirectory } from './slack-user-directory';
import { registerSlashCommands } from './slash-commands';
import { registerMentions } from './mentions';
import { verifyBotToken } from './verify-bot-token';
import { InFlight } from './in-flight';

export type SlackConfig = NonNullable<Config['slack']>;

export interface StartSlackOptions {
  /** Interface the HTTP receiver listens on; all interfaces when absent. Tests use 127.0.0.1. */
  host?: string;
  /** Port for the HTTP receiver instead of `config.port` (tests use 0). */
  port?: number;
  /** Web API retry policy for network errors and 5xx; bounded by default, tests use `{ retries: 0 }`. */
  retryConfig?: webApi.RetryOptions;
  /** How the sender waits out a Retry-After (tests record it instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
  /** How long shutdown waits for acknowledged commands to be answered. */
  drainTimeoutMs?: number;
}

/** A running Slack adapter. */
export interface SlackService {
  mode: 'http' | 'socket';
  /** The port Slack's requests arrive on (HTTP mode only). */
  port?: number;
  /** The bot's own user id, from `auth.test`. */
  botUserId: string;
  sender: SlackChannelSender;
  /** True while Slack can reach us: the HTTP server listens, or the Socket Mode connection is open. */
  isReady(): boolean;
  /** Stops taking events, lets acknowledged commands finish, then disconnects. */
  stop(): Promise<void>;
}

/** Network errors and Slack's 5xx are retried a few times, never for the half hour the client would by default. */
const BOUNDED_RETRIES: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 5000 };
const WEB_API_TIMEOUT_MS = 15_000;

/**
 * Starts the Slack adapter: checks the bot token, then runs a Bolt app in Socket Mode
 * (when SLACK_APP_TOKEN is set) or as an HTTP endpoint at `/slack/events` on PORT, answers
 * every story's slash command and mentions, and registers the Slack `ChannelSender`.
 */
export async function startSlack(newsdesk: Newsdesk, config: SlackConfig, logger: Logger, options: StartSlackOptions = {}): Promise<SlackService> {
  const log = logger.child({ component: 'slack' });
  const boltLogger = createBoltLogger(logger);
  const apiUrl = config.apiUrl ? withTrailingSlash(config.apiUrl) : undefined;
  const clientOptions: webApi.WebClientOptions = {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    logger: boltLogger,
    // 429s come back to us: the sender waits them out in bounded steps.
    rejectRateLimitedCalls: true,
    retryConfig: options.retryConfig ?? BOUNDED_RETRIES,
    timeout: WEB_API_TIMEOUT_MS,
  };
  const identity = await verifyBotToken(new webApi.WebClient(config.botToken, clientOptions), apiUrl);
  const socketMode = Boolean(config.appToken);
  if (!socketMode && !config.signingSecret) {
    throw new NewsdeskError('slack-config', 'SLACK_SIGNING_SECRET is missing (from "Basic Information"; or set SLACK_APP_TOKEN to use Socket Mode)');
  }
  // Built here rather than by Bolt so its connection state can be watched for readiness.
  const socket = socketMode
    ? new SocketModeReceiver({ appToken: config.appToken!, logger: boltLogger, installerOptions: { clientOptions } })
    : undefined;
  let socketOpen = false;
  socket?.client.on('connected', () => (socketOpen = true));
  socket?.client.on('disconnected', () => (socketOpen = false));
  const app = new App({
    token: config.botToken,
    // Known from auth.test above, so Bolt does not call it again (and cannot crash on it).
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger: boltLogger,
    clientOptions,
    ...(socket ? { socketMode: true, receiver: socket } : { signingSecret: config.signingSecret! }),
  });
  app.error(async (error) => {
    log.error({ err: error }, 'slack listener failed');
  });

  const sender = new SlackChannelSender({ client: app.client, logger: log, ...(options.sleep ? { sleep: options.sleep } : {}) });
  const users = new SlackUserDirectory({ client: app.client, adminUserIds: config.adminUserIds, clock: newsdesk.context.clock, logger: log });
  const work = new InFlight();
  registerSlashCommands(app, { newsdesk, users, sender, logger: log, work });
  registerMentions(app, { newsdesk, users, sender, logger: log, work });

  let port: number | undefined;
  let server: Server | undefined;
  if (socketMode) {
    try {
      await app.start();
    } catch (error) {
      await app.stop().catch(() => undefined);
      throw new NewsdeskError('slack-socket', `cannot open a Socket Mode connection: ${describe(error)} (check SLACK_APP_TOKEN: an xapp- token with the connections:write scope)`, { cause: error });
    }
    log.info({ mode: 'socket', team: identity.teamId, bot: identity.botUserId }, 'slack adapter connected in Socket Mode');
  } else {
    const listening = await listen(app, options.port ?? config.port, options.host);
    server = listening;
    port = (listening.address() as AddressInfo).port;
    log.info({ mode: 'http', port, path: '/slack/events', team: identity.teamId, bot: identity.botUserId }, 'slack adapter listening');
  }

  // Only a running adapter may be handed digests.
  newsdesk.registerSender(sender);
  return {
    mode: socketMode ? 'socket' : 'http',
    ...(port !== undefined ? { port } : {}),
    botUserId: identity.botUserId,
    sender,
    isReady: () => (socket ? socketOpen : Boolean(server?.listening)),
    async stop() {
      await app.stop();
      const finished = await work.drain(options.drainTimeoutMs ?? 5000);
      if (!finished) log.warn('stopped before every acknowledged Slack request was answered');
      log.info('slack adapter stopped');
    },
  };
}

/** Starts Bolt's HTTP receiver; a port in use or not allowed is reported by its variable. */
async function listen(app: App, port: number, host: string | undefined): Promise<Server> {
  try {
    return (await app.start(host ? { port, host } : { port })) as Server;
  } catch (error) {
    throw new NewsdeskError('slack-listen', `cannot listen for Slack on port ${port}: ${describe(error)} (set PORT to a free port)`, { cause: error });
  }
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
