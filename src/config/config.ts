import type { Env } from './config-schema';
import type { LogLevel } from '../logging/logger';

/** newsdesk's settings, grouped by concern; built from the environment by `loadConfig`. */
export interface Config {
  logLevel: LogLevel;
  storiesDir: string;
  /** Story id to use when a command does not say; undefined = the first story. */
  story?: string;
  database: { path: string; url?: string };
  slack?: {
    botToken: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    port: number;
    adminUserIds: string[];
  };
  discord?: { token: string; applicationId: string; apiUrl?: string; adminUserIds: string[] };
  anthropic?: { apiKey: string; baseUrl?: string; model: string; timeoutMs: number };
  ask: { maxChars: number; ratePerMinute: number };
  feeds: {
    allowPrivateNetworks: boolean;
    timeoutMs: number;
    maxBytes: number;
    pollMinutes: number;
    concurrency: number;
    perHostConcurrency: number;
  };
  digest: {
    time?: string;
    timezone?: string;
    maxDevelopments: number;
    maxChars: number;
    whenEmpty: 'skip' | 'note';
    graceHours: number;
  };
  /** Port for /healthz, /readyz and /metrics; undefined = no health server. */
  healthPort?: number;
}

export function configFromEnv(env: Env, problems: string[]): Config {
  let slack: Config['slack'];
  const slackAny = env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN;
  if (slackAny) {
    if (!env.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN is missing (the xoxb- token from your Slack app\'s "OAuth & Permissions" page)');
    if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      problems.push('SLACK_SIGNING_SECRET is missing (from "Basic Information"; or set SLACK_APP_TOKEN to use Socket Mode)');
    }
    if (env.SLACK_BOT_TOKEN) {
      slack = {
        botToken: env.SLACK_BOT_TOKEN,
        ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
        ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
        ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
        port: env.PORT,
        adminUserIds: env.SLACK_ADMIN_USER_IDS,
      };
    }
  }
  let discord: Config['discord'];
  if (env.DISCORD_TOKEN || env.DISCORD_APPLICATION_ID) {
    if (!env.DISCORD_TOKEN) problems.push('DISCORD_TOKEN is missing (the bot token from the Discord developer portal, "Bot" page)');
    if (!env.DISCORD_APPLICATION_ID) problems.push('DISCORD_APPLICATION_ID is missing (the application id from the Discord developer portal, "General Information")');
    if (env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID) {
      discord = {
        token: env.DISCORD_TOKEN,
        applicationId: env.DISCORD_APPLICATION_ID,
        ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
        adminUserIds: env.DISCORD_ADMIN_USER_IDS,
      };
    }
  }
  const chatConfigured = Boolean(slack || discord);
  return {
    // The console shares the terminal with the logs: routine lines (an offline feed) stay out.
    logLevel: env.LOG_LEVEL ?? (chatConfigured ? 'info' : 'warn'),
    storiesDir: env.STORIES_DIR,
    ...(env.STORY ? { story: env.STORY } : {}),
    database: { path: env.DATABASE_PATH, ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}) },
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
    ...(env.ANTHROPIC_API_KEY
      ? {
          anthropic: {
            apiKey: env.ANTHROPIC_API_KEY,
            ...(env.ANTHROPIC_BASE_URL ? { baseUrl: env.ANTHROPIC_BASE_URL } : {}),
            model: env.ANTHROPIC_MODEL,
            timeoutMs: env.ANTHROPIC_TIMEOUT_MS,
          },
        }
      : {}),
    ask: { maxChars: env.ASK_MAX_CHARS, ratePerMinute: env.ASK_RATE_LIMIT_PER_MINUTE },
    feeds: {
      allowPrivateNetworks: env.FEEDS_ALLOW_PRIVATE_NETWORKS,
      timeoutMs: env.FEED_TIMEOUT_MS,
      maxBytes: env.FEED_MAX_BYTES,
      pollMinutes: env.FEED_POLL_MINUTES,
      concurrency: env.FEED_CONCURRENCY,
      perHostConcurrency: env.FEED_PER_HOST_CONCURRENCY,
    },
    digest: {
      ...(env.DIGEST_TIME ? { time: env.DIGEST_TIME } : {}),
      ...(env.DIGEST_TIMEZONE ? { timezone: env.DIGEST_TIMEZONE } : {}),
      maxDevelopments: env.DIGEST_MAX_DEVELOPMENTS,
      maxChars: env.DIGEST_MAX_CHARS,
      whenEmpty: env.DIGEST_WHEN_EMPTY,
      graceHours: env.DIGEST_GRACE_HOURS,
    },
    ...(env.HEALTH_PORT !== undefined
      ? { healthPort: env.HEALTH_PORT }
      : chatConfigured
        ? { healthPort: 9464 }
        : {}),
  };
}
