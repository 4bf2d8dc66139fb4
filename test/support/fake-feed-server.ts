import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake server answers for one path. */
export interface FakeRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Write the body in pieces with pauses, or never finish (timeouts). */
  stream?: (res: http.ServerResponse, req: http.IncomingMessage) => void;
}

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A feed publisher on 127.0.0.1 for tests: routes are set per path (and may be changed
 * between polls), every request is recorded, and `close()` ends open connections so jest
 * never hangs.
 */
export class FakeFeedServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, FakeRoute | ((req: http.IncomingMessage) => FakeRoute)>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path.startsWith('/') ? path : `/${path}`}`;
  }

  route(path: string, route: FakeRoute | ((req: http.IncomingMessage) => FakeRoute)): this {
    this.routes.set(path, route);
    return this;
  }

  /** Requests to `path` so far. */
  hits(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    this.requests.push({ path, headers: req.headers });
    const found = this.routes.get(path);
    const route = typeof found === 'function' ? found(req) : found;
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.stream) {
      route.stream(res, req);
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': 'application/xml', ...route.headers });
    res.end(route.body ?? '');
  }
}
