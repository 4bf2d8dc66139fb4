import { parseArgs } from 'node:util';
import { UserFacingError } from '../../src/errors';
import type { CliOptions } from './cli-command';

/** Parses `<command> [options] [args]`; a bad option or date is a plain error. */
export function parseCliArgs(argv: string[]): { command: string; options: CliOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        story: { type: 'string' },
        db: { type: 'string' },
        corpus: { type: 'string' },
        now: { type: 'string' },
        since: { type: 'string' },
        feed: { type: 'string', multiple: true },
        guild: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}. See: npm run cli -- help`);
  }
  const { values, positionals } = parsed;
  const [command = 'help', ...args] = values.help ? ['help'] : positionals;
  return {
    command,
    options: {
      json: values.json ?? false,
      ...(values.story ? { story: values.story } : {}),
      ...(values.db ? { db: values.db } : {}),
      ...(values.corpus ? { corpus: values.corpus } : {}),
      ...(values.now ? { now: parseInstant('--now', values.now) } : {}),
      ...(values.since ? { since: parseInstant('--since', values.since) } : {}),
      feeds: values.feed ?? [],
      ...(values.guild ? { guild: values.guild } : {}),
      args,
    },
  };
}

function parseInstant(option: string, value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UserFacingError(`${option} must be an ISO-8601 date or time, e.g. 2026-05-20 or 2026-05-20T08:00:00Z (got "${value}")`);
  }
  return date;
}
