import 'dotenv/config';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { createNewsdesk, type Newsdesk } from '../../src/app/create-newsdesk';
import { fixedClock } from '../../src/clock';
import { ConfigError, NewsdeskError } from '../../src/errors';
import { parseCliArgs } from './parse-cli-args';
import { cliCommands } from './commands';
import type { CliIo } from './cli-command';

/** `npm run cli -- <command> [options]`: runs one command and exits. */
export async function runCli(argv: string[], io: CliIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  let bot: Newsdesk | undefined;
  try {
    const { command, options } = parseCliArgs(argv);
    const commands = cliCommands();
    const chosen = commands.find((c) => c.name === command);
    if (!chosen) {
      io.err(`Unknown command "${command}". Commands: ${commands.map((c) => c.name).join(', ')}. See: npm run cli -- help`);
      return 2;
    }
    const base = loadConfig(env);
    const config = options.db
      ? { ...base, database: /^postgres(ql)?:\/\//.test(options.db) ? { path: base.database.path, url: options.db } : { path: options.db } }
      : base;
    // Logs go to stderr; without chat settings they default to warnings only.
    const logger = createLogger(config.logLevel);
    return await chosen.run({
      options,
      config,
      logger,
      io,
      newsdesk: async () => {
        bot ??= await createNewsdesk(config, logger, {
          ...(options.now ? { clock: fixedClock(options.now) } : {}),
          ...(options.corpus ? { corpusDir: options.corpus } : {}),
        });
        if (options.story) bot.story(options.story);
        // One-shot commands answer from stored feed items too, without polling.
        await bot.load();
        return bot;
      },
    });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof NewsdeskError) {
      io.err(error.message);
      return 2;
    }
    io.err(`newsdesk: unexpected error: ${(error as Error)?.stack ?? String(error)}`);
    return 1;
  } finally {
    await bot?.close();
  }
}

if (require.main === module) {
  const io: CliIo = {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    tty: Boolean(process.stdout.isTTY),
  };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
