import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A fake Discord on 127.0.0.1: the REST API (under `/api/v10`) and the gateway (websocket on
 * the same port), enough for the real discord.js client to log in, receive interactions and
 * messages, and answer them. Every REST request is captured for assertions.
 */

export interface CapturedRequest {
  method: string;
  /** Path without `/api/v10`, URL-decoded, without the query: `/channels/1/messages`. */
  path: string;
  query: string;
  body: unknown;
  at: number;
}

interface ProgrammedFailure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeDiscordOptions {
  botId?: string;
  applicationId?: string;
  guildId?: string;
  /** Text channels of the one guild (messages in other channels are dropped by discord.js). */
  channelIds?: string[];
}

type Waiter = { predicate: (r: CapturedRequest) => boolean; resolve: (r: CapturedRequest) => void };

export class FakeDiscord {
  readonly botId: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelIds: string[];
  readonly requests: CapturedRequest[] = [];
  /** Gateway payloads the client sent (IDENTIFY, heartbeats). */
  readonly gatewayReceived: Array<{ op: number; d: unknown }> = [];

  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private socket: WebSocket | undefined;
  private identified: Promise<void>;
  private markIdentified!: () => void;
  private seq = 0;
  private nextId = 1000;
  private failures: ProgrammedFailure[] = [];
  private waiters: Waiter[] = [];

  constructor(options: FakeDiscordOptions = {}) {
    this.botId = options.botId ?? '900000000000000001';
    this.applicationId = options.applicationId ?? '900000000000000002';
    this.guildId = options.guildId ?? '800000000000000001';
    this.channelIds = options.channelIds ?? ['700000000000000001', '700000000000000002'];
    this.identified = new Promise((resolve) => (this.markIdentified = resolve));
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for DISCORD_API_URL / `rest.api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Gateway websockets currently open. */
  get gatewayConnections(): number {
    return this.sockets.size;
  }

  /** Resolves once a client sent IDENTIFY and got READY and the guild. */
  whenIdentified(): Promise<void> {
    return this.identified;
  }

  /** Answers the next request matching `method` and `path` with an error instead. */
  failNext(method: string, path: RegExp, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.failures.push({ method, path, status, body, headers });
  }

  /** Requests so far that match, in arrival order. */
  find(method: string, path: RegExp): CapturedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** The first request (past or future) that matches; rejects after `timeoutMs`. */
  waitFor(method: string, path: RegExp, timeoutMs = 5000, where: (r: CapturedRequest) => boolean = () => true): Promise<CapturedRequest> {
    return this.waitForRequest((r) => r.method === method && path.test(r.path) && where(r), timeoutMs, `${method} ${path}`);
  }

  waitForRequest(predicate: (r: CapturedRequest) => boolean, timeoutMs: number, description: string): Promise<CapturedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { predicate, resolve: (r) => { clearTimeout(timer); resolve(r); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seenPaths = this.requests.map((r) => `${r.method} ${r.path}`).join(', ');
        reject(new Error(`no ${description} within ${timeoutMs} ms; got: ${seenPaths || 'nothing'}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /**
   * The first visible answer to an interaction, however the bot gave it: the callback
   * message (type 4), or after a defer (type 5) the edited original or the first follow-up.
   */
  async waitForAnswer(interaction: { id: string; token: string }, timeoutMs = 10000): Promise<Record<string, unknown>> {
    const callback = await this.waitFor('POST', new RegExp(`^/interactions/${interaction.id}/${interaction.token}/callback$`), timeoutMs);
    const body = callback.body as { type: number; data?: Record<string, unknown> };
    if (body.type === 4) return body.data ?? {};
    if (body.type !== 5) throw new Error(`unexpected interaction callback type ${body.type}`);
    const webhook = `/webhooks/${this.applicationId}/${interaction.token}`;
    const answer = await this.waitForRequest(
      (r) => (r.method === 'PATCH' && r.path === `${webhook}/messages/@original`) || (r.method === 'POST' && r.path === webhook),
      timeoutMs,
      `an edit or follow-up of interaction ${interaction.id}`,
    );
    return (answer.body ?? {}) as Record<string, unknown>;
  }

  /** Sends a gateway DISPATCH event to the connected client. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('no client connected to the fake gateway');
    this.seq += 1;
    this.socket.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /** An INTERACTION_CREATE for `/<command> [group] <sub> options...`; returns its id and token. */
  sendSlashCommand(input: {
    command: string;
    path: string[];
    options?: Array<{ name: string; type: number; value: string | number | boolean }>;
    userId?: string;
    /** Member permission bits as Discord sends them (decimal string); Manage Server is 32. */
    permissions?: string;
    channelId?: string;
  }): { id: string; token: string } {
    const id = this.id();
    const token = `interaction-token-${id}`;
    let options: unknown[] = input.options ?? [];
    for (const [i, name] of [...input.path].reverse().entries()) {
      const isGroup = i > 0;
      options = [{ type: isGroup ? 2 : 1, name, options }];
    }
    const channelId = input.channelId ?? this.channelIds[0]!;
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: this.applicationId,
      type: 2,
      token,
      version: 1,
      guild_id: this.guildId,
      channel_id: channelId,
      channel: { id: channelId, type: 0, guild_id: this.guildId, name: 'news' },
      app_permissions: '2248473465835073',
      locale: 'en-GB',
      guild_locale: 'en-GB',
      member: {
        user: { id: input.userId ?? '600000000000000001', username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null },
        roles: [],
        joined_at: '2026-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        permissions: input.permissions ?? '0',
        flags: 0,
      },
      data: { id: this.id(), name: input.command, type: 1, options },
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
    });
    return { id, token };
  }

  /** A MESSAGE_CREATE from a person; `mentionBot` puts `<@bot>` in front and in `mentions`. */
  sendMessage(input: { content: string; mentionBot?: boolean; channelId?: string; authorId?: string; authorIsBot?: boolean }): string {
    const id = this.id();
    const authorId = input.authorId ?? '600000000000000001';
    this.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: input.channelId ?? this.channelIds[0]!,
      guild_id: this.guildId,
      author: { id: authorId, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null, ...(input.authorIsBot ? { bot: true } : {}) },
      member: { roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      content: input.mentionBot ? `<@${this.botId}> ${input.content}` : input.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: input.mentionBot ? [{ id: this.botId, username: 'newsdesk', discriminator: '0', bot: true, avatar: null }] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
    });
    return id;
  }

  private id(): string {
    this.nextId += 1;
    return `5000000000000${String(this.nextId).padStart(5, '0')}`;
  }

  private onGateway(ws: WebSocket): void {
    this.sockets.add(ws);
    this.socket = ws;
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      this.gatewayReceived.push(payload);
      if (payload.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (payload.op === 2) this.ready(ws);
    });
  }

  private ready(ws: WebSocket): void {
    this.socket = ws;
    this.dispatch('READY', {
      v: 10,
      user: { id: this.botId, username: 'newsdesk', discriminator: '0', bot: true, avatar: null },
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      application: { id: this.applicationId, flags: 0 },
    });
    this.dispatch('GUILD_CREATE', {
      id: this.guildId,
      name: 'Test server',
      owner_id: '600000000000000099',
      unavailable: false,
      member_count: 2,
      roles: [{ id: this.guildId, name: '@everyone', permissions: '68608', position: 0, color: 0, hoist: false, managed: false, mentionable: false }],
      channels: this.channelIds.map((id, i) => ({ id, type: 0, name: `news-${i}`, position: i, guild_id: this.guildId })),
      threads: [],
      members: [],
      emojis: [],
      stickers: [],
      features: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      joined_at: '2026-01-01T00:00:00.000Z',
    });
    this.markIdentified();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const method = req.method ?? 'GET';
      const captured: CapturedRequest = { method, path, query: url.search, body, at: Date.now() };
      this.requests.push(captured);
      for (const w of [...this.waiters]) {
        if (w.predicate(captured)) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(captured);
        }
      }
      const failure = this.failures.find((f) => f.method === method && f.path.test(path));
      if (failure) {
        this.failures = this.failures.filter((f) => f !== failure);
        return send(res, failure.status, failure.body, failure.headers);
      }
      this.route(method, path, body, res);
    });
  }

  private route(method: string, path: string, body: unknown, res: http.ServerResponse): void {
    if (method === 'GET' && path === '/gateway/bot') {
      return send(res, 200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) return send(res, 204);
    if (method === 'POST' && /^\/channels\/[^/]+\/typing$/.test(path)) return send(res, 204);
    if (method === 'DELETE' && /^\/webhooks\/[^/]+\/[^/]+\/messages\/[^/]+$/.test(path)) return send(res, 204);
    const channelMessage = /^\/channels\/([^/]+)\/messages$/.exec(path);
    if (method === 'POST' && channelMessage) return send(res, 200, this.message(channelMessage[1]!, body));
    if ((method === 'PATCH' && /^\/webhooks\/[^/]+\/[^/]+\/messages\/[^/]+$/.test(path)) || (method === 'POST' && /^\/webhooks\/[^/]+\/[^/]+$/.test(path))) {
      return send(res, 200, this.message(this.channelIds[0]!, body, true));
    }
    if (method === 'PUT' && /^\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/.test(path) && Array.isArray(body)) {
      return send(res, 200, body.map((c: Record<string, unknown>) => ({ ...c, id: this.id(), application_id: this.applicationId, version: '1' })));
    }
    send(res, 404, { message: `fake Discord has no route ${method} ${path}`, code: 0 });
  }

  private message(channelId: string, body: unknown, fromWebhook = false): Record<string, unknown> {
    const b = (body ?? {}) as Record<string, unknown>;
    return {
      id: this.id(),
      channel_id: channelId,
      guild_id: this.guildId,
      author: { id: this.botId, username: 'newsdesk', discriminator: '0', bot: true, avatar: null },
      content: b.content ?? '',
      embeds: b.embeds ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: b.message_reference ? 19 : 0,
      flags: b.flags ?? 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      ...(fromWebhook ? { webhook_id: this.applicationId, application_id: this.applicationId } : {}),
      ...(b.message_reference ? { message_reference: b.message_reference } : {}),
      ...(b.nonce ? { nonce: b.nonce } : {}),
    };
  }
}

function send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Bodies of captured requests that post or edit a message (not defers or typing). */
export function messageBodies(requests: readonly CapturedRequest[]): Array<{ path: string; body: Record<string, unknown> }> {
  return requests
    .filter((r) => /\/messages|\/webhooks\/|\/callback$/.test(r.path) && (r.method === 'POST' || r.method === 'PATCH'))
    .filter((r) => !/\/typing$/.test(r.path))
    .map((r) => ({ path: r.path, body: (r.body ?? {}) as Record<string, unknown> }))
    .map(({ path, body }) => ({ path, body: path.endsWith('/callback') ? (((body as { data?: unknown }).data ?? {}) as Record<string, unknown>) : body }))
    .filter(({ path, body }) => !path.endsWith('/callback') || 'content' in body || 'embeds' in body);
}
