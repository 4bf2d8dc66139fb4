import type { Platform } from '../commands/command';
import type { Reply } from '../reply/reply';
import { NewsdeskError } from '../errors';

/**
 * The port through which the core posts to a channel unprompted (digests, feed alerts).
 * Each chat adapter implements it; the core never knows which platform it talks to.
 */
export interface ChannelSender {
  readonly platform: Platform;
  /**
   * Posts `reply` to `channelId`, split as the platform requires. Resolves once the platform
   * accepted every part; rejects with a `DeliveryError` saying whether to retry.
   */
  send(channelId: string, reply: Reply): Promise<void>;
}

/**
 * Why a post failed. `permanent`: the channel is gone or the bot is not in it — pause and
 * tell the admins. `transient`: retry with backoff. `rate-limited`: retry after `retryAfterMs`.
 */
export class DeliveryError extends NewsdeskError {
  constructor(
    readonly kind: 'permanent' | 'transient' | 'rate-limited',
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(`delivery-${kind}`, message, options);
  }
}
