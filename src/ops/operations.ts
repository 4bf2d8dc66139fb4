import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Newsdesk } from '../app/create-newsdesk';
import { PrometheusMetrics } from './prometheus-metrics';
import { Readiness } from './readiness';
import { Shutdown, type ShutdownOptions } from './shutdown';
import { startHealthServer, type HealthServer } from './health-server';

/** What a running process needs to be operated: metrics, readiness and a graceful stop. */
export interface Operations {
  readonly metrics: PrometheusMetrics;
  readonly readiness: Readiness;
  readonly shutdown: Shutdown;
}

/** Created before the core, so the core reports into `metrics` from the start. */
export function createOperations(logger: Logger, options: Partial<ShutdownOptions> = {}): Operations {
  return {
    metrics: new PrometheusMetrics(),
    readiness: new Readiness(),
    shutdown: new Shutdown({ logger, ...options }),
  };
}

/**
 * Wires the core into operations: readiness checks the store; the graceful stop drains
 * readiness first, lets the core finish its in-flight work and close the store, and closes
 * the health server last; the health server is started when a port is configured.
 * Chat adapters add their own readiness check and shutdown steps (intake, close).
 */
export async function serveOperations(
  ops: Operations,
  newsdesk: Newsdesk,
  config: Config,
  logger: Logger,
): Promise<HealthServer | undefined> {
  ops.readiness.add('database', () => newsdesk.context.database.ping());
  ops.shutdown.add('intake', 'readiness', () => ops.readiness.drain());
  ops.shutdown.add('work', 'core', () => newsdesk.close());
  if (config.healthPort === undefined) return undefined;
  const server = await startHealthServer({ port: config.healthPort, readiness: ops.readiness, metrics: ops.metrics, logger });
  ops.shutdown.add('close', 'health server', () => server.close());
  return server;
}
