import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './project-root';

/**
 * The one description of newsdesk's environment. `load-config.ts` is the only reader of
 * `process.env`; every variable here is documented in `.env.example`.
 */

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { message: 'use true or false' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === 'true' || v === '1' || v === 'yes'));

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `use a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const optionalUrl = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return undefined;
    try {
      const url = new URL(v.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      return url.toString();
    } catch {
      ctx.addIssue({ code: 'custom', message: 'use an http(s) URL such as https://example.com/' });
      return z.NEVER;
    }
  });

const idList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const hhmm = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return undefined;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.trim())) {
      ctx.addIssue({ code: 'custom', message: 'use a 24-hour time such as 08:30' });
      return z.NEVER;
    }
    return v.trim();
  });

export const envSchema = z.object({
  /** Unset: info for a chat service, warn for the console and CLI (stdout is the user's). */
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'use one of fatal, error, warn, info, debug, trace, silent',
    })
    .optional(),
  /** Folder of story folders; default: the bundled `digests/` of this installation. */
  STORIES_DIR: z.string().default(() => path.join(projectRoot(), 'digests')),
  STORY: optionalString,
  DATABASE_PATH: z.string().default('data/newsdesk.db'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      if (!/^postgres(ql)?:\/\//.test(v.trim())) {
        ctx.addIssue({ code: 'custom', message: 'use a postgres:// URL such as postgres://user@127.0.0.1:5432/newsdesk' });
        return z.NEVER;
      }
      return v.trim();
    }),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalUrl,
  SLACK_ADMIN_USER_IDS: idList,
  PORT: int(3000, 0, 65535),

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_API_URL: optionalUrl,
  DISCORD_ADMIN_USER_IDS: idList,

  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalUrl,
  ANTHROPIC_MODEL: z.string().default('claude-haiku-4-5'),
  ANTHROPIC_TIMEOUT_MS: int(8000, 100, 120000),

  ASK_MAX_CHARS: int(500, 10, 4000),
  ASK_RATE_LIMIT_PER_MINUTE: int(6, 0, 10000),

  FEEDS_ALLOW_PRIVATE_NETWORKS: bool(false),
  FEED_TIMEOUT_MS: int(15000, 100, 300000),
  FEED_MAX_BYTES: int(5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  FEED_POLL_MINUTES: int(10, 1, 24 * 60),
  FEED_CONCURRENCY: int(8, 1, 256),
  FEED_PER_HOST_CONCURRENCY: int(2, 1, 64),

  DIGEST_TIME: hhmm,
  DIGEST_TIMEZONE: optionalString,
  DIGEST_MAX_DEVELOPMENTS: int(5, 1, 50),
  DIGEST_MAX_CHARS: int(1200, 200, 3500),
  DIGEST_WHEN_EMPTY: z.enum(['skip', 'note'], { message: 'use skip or note' }).default('skip'),
  DIGEST_GRACE_HOURS: int(6, 0, 72),

  HEALTH_PORT: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: 'use a port number from 0 to 65535' });
        return z.NEVER;
      }
      return n;
    }),
});

export type Env = z.infer<typeof envSchema>;
