import { createHash } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { ChannelSender } from '../../src/delivery/channel-sender';
import type { Reply } from '../../src/reply/reply';
import type { Logger } from '../../src/logging/logger';
import { renderBlocks, type SlackMessage } from './render-blocks';
import { toDeliveryError } from './slack-delivery-error';

export interface SlackChannelSenderOptions {
  /** A Web API client created with `rejectRateLimitedCalls: true`, so 429s reach us. */
  client: webApi.WebClient;
  logger: Logger;
  /** Waits out a Retry-After; injected so tests can see the wait without sleeping. */
  sleep?: (ms: number) => Promise<void>;
  /** How many times one message is retried after a 429 before giving up. */
  maxRateLimitRetries?: number;
  /** A longer Retry-After is not waited out here: the caller gets `rate-limited` and reschedules. */
  maxWaitMs?: number;
}

/** Messages that went out before a failure, by message set, so a retry resumes after them. */
const MAX_REMEMBERED = 500;

/**
 * Posts replies with `chat.postMessage`: digests and alerts through the core's
 * `ChannelSender` port, and answers to mentions in their threads. A 429 is waited out
 * (bounded); other failures become a `DeliveryError` saying whether to retry.
 */
export class SlackChannelSender implements ChannelSender {
  readonly platform = 'slack' as const;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRateLimitRetries: number;
  private readonly maxWaitMs: number;
  private readonly delivered = new Map<string, number>();

  constructor(private readonly options: SlackChannelSenderOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxRateLimitRetries = options.maxRateLimitRetries ?? 3;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
  }

  async send(channelId: string, reply: Reply): Promise<void> {
    await this.post(channelId, renderBlocks(reply));
  }

  /**
   * Posts `messages` in order, in the thread `threadTs` when given. When a later part fails,
   * the parts already accepted are remembered: sending the same messages again resumes
   * with the part that failed, so nobody gets part one twice.
   */
  async post(channelId: string, messages: SlackMessage[], threadTs?: string): Promise<void> {
    const key = messages.length > 1 ? progressKey(channelId, threadTs, messages) : undefined;
    const start = key ? (this.delivered.get(key) ?? 0) : 0;
    for (let i = start; i < messages.length; i++) {
      await this.postOne(channelId, messages[i]!, threadTs);
      if (key) this.remember(key, i + 1);
    }
    if (key) this.delivered.delete(key);
  }

  private async postOne(channel: string, message: SlackMessage, threadTs: string | undefined): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          // Digests carry several links; previews of each would bury the digest.
          unfurl_links: false,
          unfurl_media: false,
        });
        return;
      } catch (error) {
        const failure = toDeliveryError(error, channel);
        const wait = failure.retryAfterMs ?? 0;
        if (failure.kind === 'rate-limited' && attempt < this.maxRateLimitRetries && wait <= this.maxWaitMs) {
          this.options.logger.warn({ channel, waitMs: wait, attempt: attempt + 1 }, 'slack rate limited this post; waiting before retrying');
          await this.sleep(wait);
          continue;
        }
        throw failure;
      }
    }
  }

  private remember(key: string, count: number): void {
    this.delivered.delete(key);
    this.delivered.set(key, count);
    if (this.delivered.size > MAX_REMEMBERED) {
      const oldest = this.delivered.keys().next().value;
      if (oldest !== undefined) this.delivered.delete(oldest);
    }
  }
}

function progressKey(channelId: string, threadTs: string | undefined, messages: SlackMessage[]): string {
  const digest = createHash('sha256').update(JSON.stringify(messages)).digest('hex');
  return `${channelId}\u0000${threadTs ?? ''}\u0000${digest}`;
}
