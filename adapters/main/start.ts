import 'dotenv/config';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { createNewsdesk } from '../../src/app/create-newsdesk';
import { ConfigError, NewsdeskError } from '../../src/errors';
import { runConsole } from '../console/console-adapter';

/**
 * `npm start`: with Slack or Discord configured, runs as a service until SIGTERM;
 * otherwise opens the console on the bundled story.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const newsdesk = await createNewsdesk(config, logger);
  const chat = Boolean(config.slack || config.discord);
  if (!chat) {
    await newsdesk.start();
    await runConsole(newsdesk);
    await newsdesk.close();
    return 0;
  }
  logger.error('chat adapters are not built yet');
  await newsdesk.close();
  return 2;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof NewsdeskError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`newsdesk stopped on an unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
