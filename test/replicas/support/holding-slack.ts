import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChangeSignal } from './change-signal';

/** A message the fake Slack accepted (answered ok), in order. */
export interface AcceptedPost {
  channel: string;
  /** The notification text. */
  text: string;
  /** The Block Kit blocks as sent (a JSON string). */
  blocks: string;
}

/**
 * A stand-in for Slack's Web API on 127.0.0.1 that can hold `chat.postMessage` calls
 * unanswered: the point at which a replica is killed or told to stop "during a delivery".
 * A post counts as accepted only once the fake answered it; a held post whose client went
 * away (the process was killed) was never accepted, as with Slack when the request never
 * completed.
 */
export class HoldingSlack {
  readonly accepted: AcceptedPost[] = [];
  /** chat.postMessage calls that arrived, accepted or not. */
  arrived = 0;
  private holding = false;
  private readonly held: Array<{ release: () => void }> = [];
  private readonly changed = new ChangeSignal();

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<HoldingSlack> {
    const server = http.createServer();
    const fake = new HoldingSlack(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** What SLACK_API_URL should be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  /** From now on chat.postMessage calls wait until `release()`. */
  hold(): void {
    this.holding = true;
  }

  /** Answers every held post (ok) and stops holding. */
  release(): void {
    this.holding = false;
    for (const h of this.held.splice(0)) h.release();
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Resolves once `condition` holds, re-checked whenever a request arrives or settles. */
  async until(condition: () => boolean, timeoutMs = 15000, what = 'a condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`fake Slack: timed out waiting for ${what}`);
      await this.changed.next();
    }
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const answer = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (method === 'auth.test') {
      answer({ ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'newsdesk', team_id: 'T-1', user_id: 'U-BOT', bot_id: 'B-BOT' });
    } else if (method === 'chat.postMessage') {
      this.arrived++;
      const post = { channel: params.get('channel') ?? '', text: params.get('text') ?? '', blocks: params.get('blocks') ?? '' };
      const accept = () => {
        if (res.destroyed || req.socket.destroyed) return; // the sender died before Slack answered
        this.accepted.push(post);
        answer({ ok: true, channel: post.channel, ts: `${1_700_000_000 + this.accepted.length}.000100` });
      };
      if (this.holding) this.held.push({ release: accept });
      else accept();
    } else {
      answer({ ok: false, error: 'unknown_method' });
    }
    this.changed.notify();
  }
}
