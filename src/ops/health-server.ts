import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/logger';
import type { Readiness } from './readiness';
import { NewsdeskError } from '../errors';

/** What /metrics serves: the text exposition and its content type. */
export interface MetricsExposition {
  render(): Promise<string>;
  readonly contentType: string;
}

export interface HealthServer {
  /** The port actually bound (useful when 0 was asked for). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The operations endpoints: `/healthz` (the process is alive and its event loop turns),
 * `/readyz` (every readiness check passes: 200, else 503 with the failing checks) and
 * `/metrics` (Prometheus text). GET and HEAD only; anything else is 404 or 405.
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  readiness: Readiness;
  metrics: MetricsExposition;
  logger: Logger;
}): Promise<HealthServer> {
  const { readiness, metrics } = options;
  const logger = options.logger.child({ component: 'health' });
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'use GET\n', { allow: 'GET, HEAD' });
      return;
    }
    const route = async (): Promise<void> => {
      if (path === '/healthz') {
        send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
      } else if (path === '/readyz') {
        const report = await readiness.evaluate();
        send(res, report.ready ? 200 : 503, 'application/json', `${JSON.stringify(report)}\n`);
      } else if (path === '/metrics') {
        send(res, 200, metrics.contentType, await metrics.render());
      } else {
        send(res, 404, 'text/plain; charset=utf-8', 'not found: try /healthz, /readyz or /metrics\n');
      }
    };
    route().catch((error: unknown) => {
      logger.error({ err: error, path }, 'health endpoint failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  // Scrapers keep connections open; do not let them hold the process at shutdown.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    throw new NewsdeskError('health-port', `cannot serve health checks on port ${options.port}: ${error.code ?? error.message} (set HEALTH_PORT to a free port)`, { cause: error });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'health and metrics endpoints listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
