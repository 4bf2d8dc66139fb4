import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves feed documents from memory, like many small news sites: one listener on each of
 * several loopback addresses (127.0.0.1, 127.0.0.2, ...), so the poller's per-host limit
 * applies as it would across real hosts.
 */
export class FakeFeedHost {
  requests = 0;
  private readonly servers: http.Server[] = [];
  private readonly documents = new Map<string, Buffer>();

  private constructor() {}

  static async start(hosts: number): Promise<FakeFeedHost> {
    const fake = new FakeFeedHost();
    for (let i = 0; i < hosts; i++) {
      const server = http.createServer((req, res) => fake.handle(req, res));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, `127.0.0.${i + 1}`, () => resolve());
      });
      fake.servers.push(server);
    }
    return fake;
  }

  /** Publishes `body` and returns its URL (documents are spread over the hosts by index). */
  publish(index: number, body: Buffer): string {
    const server = this.servers[index % this.servers.length]!;
    const { address, port } = server.address() as AddressInfo;
    const pathname = `/feeds/${index}.xml`;
    this.documents.set(`${address}:${port}${pathname}`, body);
    return `http://${address}:${port}${pathname}`;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.servers.map((server) => {
        server.closeAllConnections();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      }),
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests++;
    const { address, port } = req.socket.address() as AddressInfo;
    const body = this.documents.get(`${address}:${port}${req.url ?? ''}`);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': String(body.length) }).end(body);
  }
}
