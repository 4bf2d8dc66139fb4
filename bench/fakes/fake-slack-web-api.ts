import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSlackWebApiOptions {
  /**
   * Least time between two accepted `chat.postMessage` calls to one channel; a faster one
   * gets HTTP 429 with `Retry-After` (seconds), as Slack answers. 0 = no limit.
   */
  perChannelIntervalMs?: number;
}

/**
 * The parts of Slack's Web API newsdesk calls (auth.test, users.info, chat.postMessage,
 * chat.postEphemeral) and response_url endpoints, on 127.0.0.1. It counts what arrives so the
 * bench can tell what a real Slack would have received.
 */
export class FakeSlackWebApi {
  /** Accepted chat.postMessage calls per channel. */
  readonly posted = new Map<string, number>();
  /** response_url posts by response id. */
  readonly responses = new Map<string, number>();
  http429 = 0;
  private readonly lastPost = new Map<string, number>();
  private ts = 1_780_000_000;
  private waiter: (() => void) | undefined;

  private constructor(
    private readonly server: http.Server,
    private readonly options: FakeSlackWebApiOptions,
  ) {}

  static async start(options: FakeSlackWebApiOptions = {}): Promise<FakeSlackWebApi> {
    const server = http.createServer();
    const fake = new FakeSlackWebApi(server, options);
    server.on('request', (req, res) => fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/respond/${id}`;
  }

  get postCount(): number {
    let total = 0;
    for (const n of this.posted.values()) total += n;
    return total;
  }

  /** Resolves when `done()` holds, checked on every request; rejects after `timeoutMs`. */
  async until(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error('fake Slack: timed out waiting for requests');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      this.answer(req.url ?? '/', req.headers['content-type'] ?? '', body, res);
      this.waiter?.();
    });
  }

  private answer(url: string, contentType: string, body: string, res: http.ServerResponse): void {
    const respond = /^\/respond\/([^/?]+)/.exec(url);
    if (respond) {
      const id = respond[1]!;
      this.responses.set(id, (this.responses.get(id) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = /^\/api\/([\w.]+)/.exec(url)?.[1] ?? '';
    const params = contentType.includes('application/json')
      ? (JSON.parse(body || '{}') as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(body));
    const json = (payload: unknown, status = 200, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };
    switch (method) {
      case 'auth.test':
        return json({ ok: true, user_id: 'UBENCHBOT', bot_id: 'BBENCHBOT', team_id: 'TBENCH', user: 'newsdesk', team: 'Bench' });
      case 'users.info':
        return json({ ok: true, user: { id: params.user, name: `user-${params.user}`, is_admin: false, deleted: false } });
      case 'chat.postMessage': {
        const channel = params.channel ?? '';
        const now = Date.now();
        const interval = this.options.perChannelIntervalMs ?? 0;
        const last = this.lastPost.get(channel);
        if (interval > 0 && last !== undefined && now - last < interval) {
          this.http429++;
          return json({ ok: false, error: 'ratelimited' }, 429, { 'retry-after': String(Math.ceil((interval - (now - last)) / 1000)) });
        }
        this.lastPost.set(channel, now);
        this.posted.set(channel, (this.posted.get(channel) ?? 0) + 1);
        return json({ ok: true, channel, ts: `${this.ts++}.000100` });
      }
      case 'chat.postEphemeral':
        return json({ ok: true, message_ts: `${this.ts++}.000200` });
      default:
        return json({ ok: true });
    }
  }
}
