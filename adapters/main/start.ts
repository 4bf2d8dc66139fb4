import 'dotenv/config';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { createNewsdesk } from '../../src/app/create-newsdesk';
import { ConfigError, NewsdeskError } from '../../src/errors';
import { runConsole } from '../console/console-adapter';
import { createOperations, serveOperations } from '../../src/ops/operations';

/**
 * `npm start`: with Slack or Discord configured, runs as a service until SIGTERM;
 * otherwise opens the console on the bundled story.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Metrics, /healthz /readyz /metrics (when HEALTH_PORT or a chat platform is set) and
  // the graceful stop on SIGTERM/SIGINT: drain, finish deliveries, close, exit within 10 s.
  const ops = createOperations(logger);
  const newsdesk = await createNewsdesk(config, logger, { metrics: ops.metrics });
  await serveOperations(ops, newsdesk, config, logger).catch(async (error: unknown) => {
    await newsdesk.close();
    throw error;
  });
  ops.shutdown.install();
  const chat = Boolean(config.slack || config.discord);
  if (!chat) {
    await newsdesk.start();
    await runConsole(newsdesk);
    await ops.shutdown.run('end of input');
    return 0;
  }
  // A service: no console, stdin ignored; runs until SIGTERM/SIGINT (ops.shutdown).
  try {
    // Each chat SDK is loaded only when its platform is configured: Bolt and discord.js
    // took most of the console's startup time (npm run bench) when loaded up front.
    // Readiness counts a configured platform as not ready until its adapter is up, so a
    // load balancer sends nothing before the listener exists.
    if (config.slack) {
      const up: { adapter?: { isReady(): boolean } } = {};
      ops.readiness.add('slack', () => up.adapter?.isReady() ?? false);
      const { startSlack } = await import('../slack/start-slack');
      const slack = await startSlack(newsdesk, config.slack, logger);
      up.adapter = slack;
      ops.shutdown.add('intake', 'slack', () => slack.stop());
    }
    if (config.discord) {
      const up: { adapter?: { isReady(): boolean } } = {};
      ops.readiness.add('discord', () => up.adapter?.isReady() ?? false);
      const { startDiscord } = await import('../discord/start-discord');
      const discord = await startDiscord(newsdesk, config.discord, logger);
      up.adapter = discord;
      ops.shutdown.add('intake', 'discord', () => discord.stopIntake()).add('close', 'discord', () => discord.stop());
    }
  } catch (error) {
    await ops.shutdown.run('a chat adapter could not start');
    throw error;
  }
  await newsdesk.start();
  return 0;
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
