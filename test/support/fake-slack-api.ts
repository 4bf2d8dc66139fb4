import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the fake received: a Web API call or a post to a response_url. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url:<id>`. */
  method: string;
  /** Form fields or JSON body; `blocks` is parsed back from its JSON string. */
  params: Record<string, unknown>;
  /** Milliseconds since the fake started. */
  at: number;
}

/** A scripted answer for the next call of a method. */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A user as users.info reports it. */
export interface FakeUser {
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

/**
 * A small stand-in for Slack on 127.0.0.1: the Web API methods newsdesk calls, response_url
 * endpoints, and a Socket Mode websocket. It records every request so tests can assert
 * what a real Slack would have received.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, FakeUser>();
  private readonly scripted = new Map<string, FakeAnswer[]>();
  private readonly started = Date.now();
  private readonly waiters = new Set<() => void>();
  private sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private ts = 1_700_000_000;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeSlackApi> {
    const server = http.createServer();
    const fake = new FakeSlackApi(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.acceptSocket(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What SLACK_API_URL should be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url that records what is posted to it under `response_url:<id>`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** The next calls of `method` get these answers, in order; later calls get the default. */
  script(method: string, ...answers: FakeAnswer[]): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...answers]);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `predicate` holds for the recorded calls; rejects after `timeoutMs`. */
  async waitFor<T>(predicate: (calls: RecordedCall[]) => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = predicate(this.calls);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake Slack: timed out waiting; calls so far: ${this.calls.map((c) => c.method).join(', ') || 'none'}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 200));
        this.waiters.add(wake);
      });
    }
  }

  /**
   * Sends a Socket Mode envelope to the connected app and resolves with the app's ack
   * (`{envelope_id, payload?}`).
   */
  async sendEnvelope(type: 'slash_commands' | 'events_api', payload: unknown, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const ws = [...this.sockets][0];
    if (!ws) throw new Error('fake Slack: no Socket Mode connection');
    const envelopeId = `env-${Math.random().toString(36).slice(2)}`;
    const ack = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake Slack: no ack for the envelope')), timeoutMs);
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(data.toString()) as Record<string, unknown>;
        if (message.envelope_id !== envelopeId) return;
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(message);
      };
      ws.on('message', onMessage);
    });
    ws.send(JSON.stringify({ envelope_id: envelopeId, type, accepts_response_payload: type === 'slash_commands', retry_attempt: 0, payload }));
    return ack;
  }

  /** Resolves once an app holds a Socket Mode connection. */
  async waitForSocket(timeoutMs = 5000): Promise<void> {
    await this.waitFor(() => this.sockets.size > 0, timeoutMs);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private acceptSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A-FAKE' } }));
    this.wake();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = parseBody(raw, String(req.headers['content-type'] ?? ''));
    const respond = url.pathname.match(/^\/respond\/(.+)$/);
    const method = respond ? `response_url:${respond[1]}` : url.pathname.replace(/^\/api\//, '');
    this.calls.push({ method, params, at: Date.now() - this.started });
    this.wake();
    const answer = this.scripted.get(method)?.shift() ?? { body: this.defaultAnswer(method, params) };
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  private defaultAnswer(method: string, params: Record<string, unknown>): unknown {
    if (method.startsWith('response_url:')) return { ok: true };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'newsdesk', team_id: 'T-FAKE', user_id: 'U-BOT', bot_id: 'B-BOT' };
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts: `${++this.ts}.000100`, message: { text: params.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++this.ts}.000100` };
      case 'users.info': {
        const id = String(params.user);
        const user = this.users.get(id);
        return { ok: true, user: { id, name: user?.name ?? id.toLowerCase(), real_name: user?.name ?? id, deleted: false, ...user } };
      }
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private wake(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments']) {
    if (typeof params[key] === 'string') params[key] = JSON.parse(params[key] as string);
  }
  return params;
}
