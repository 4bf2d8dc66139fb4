import pino from 'pino';

/** The structured logger every component receives; child loggers per component. */
export type Logger = pino.Logger;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Paths that may hold secrets; pino replaces their values before writing. */
const REDACT = [
  'token', 'botToken', 'appToken', 'signingSecret', 'apiKey', 'password', 'authorization',
  '*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.apiKey', '*.password', '*.authorization',
  'headers.authorization', 'req.headers.authorization', 'config.slack', 'config.discord.token', 'config.anthropic.apiKey',
  'config.database.url',
];

/** A JSON logger writing to stderr, so stdout stays free for replies and `--json` output. */
export function createLogger(level: LogLevel = 'info', destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, base: { app: 'newsdesk' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

/** A logger that writes nothing (tests, benchmarks). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
