import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { Config } from '../../src/config/config';
import type { Logger } from '../../src/logging/logger';

/** Parsed options common to every CLI command. */
export interface CliOptions {
  json: boolean;
  story?: string;
  db?: string;
  corpus?: string;
  now?: Date;
  since?: Date;
  feeds: string[];
  guild?: string;
  /** Positional arguments after the command name. */
  args: string[];
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stdout is a terminal (progress bars, colour). */
  tty: boolean;
}

export interface CliContext {
  options: CliOptions;
  config: Config;
  logger: Logger;
  io: CliIo;
  /** Opens the bot core lazily (some commands need no store or corpus). */
  newsdesk(): Promise<Newsdesk>;
}

/** One `npm run cli -- <name>` command; resolves to the exit code. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(context: CliContext): Promise<number>;
}
