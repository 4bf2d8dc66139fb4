import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import type { Platform } from '../commands/command';
import { DeliveryError, type ChannelSender } from '../delivery/channel-sender';
import type { DigestOutbox, DueEntry } from './digest-outbox';
import type { SubscriptionStore } from './subscription';
import type { Metrics } from '../ops/metrics';

/** Entries read from the outbox at a time. */
const DUE_BATCH = 100;

export interface DigestDeliveryOptions {
  clock: Clock;
  logger: Logger;
  outbox: DigestOutbox;
  subscriptions: SubscriptionStore;
  senders: Map<Platform, ChannelSender>;
  /** Identifies this process in claims; unique per running scheduler. */
  owner: string;
  /**
   * How long a claim holds. Longer than any send takes; a claim left by a process that died
   * mid-send lets another take over after it.
   */
  leaseMs: number;
  /** Delivery attempts before a digest is given up (transient and rate-limited errors). */
  maxAttempts: number;
  /** First retry delay; doubles per attempt up to `maxRetryDelayMs`. */
  retryBaseMs: number;
  maxRetryDelayMs: number;
  /** Where deliveries and failures are counted; default: nowhere. */
  metrics?: Pick<Metrics, 'digestDelivered' | 'digestFailed'>;
}

/**
 * Delivers pending outbox entries: claims each (so one replica sends it), sends the stored
 * reply through the platform's `ChannelSender`, and records the outcome. Transient and
 * rate-limited errors are retried later with backoff (bounded); a permanent error pauses
 * the subscription.
 *
 * Delivery is at least once only in one case: a process that dies after the platform
 * accepted a post but before recording it; another replica resends after the lease ends.
 */
export class DigestDelivery {
  /** Entries this process is sending now; never claimed twice by the same process. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: DigestDeliveryOptions) {}

  /**
   * Sends every entry that is due now, one after another, in batches; resolves when all are
   * settled. Keeps fetching batches while they come back full, so 1,000 channels due at the
   * same minute are served in one pass rather than 100 per minute. Each entry is tried at
   * most once per pass (one without a sender here stays pending and ends the pass).
   */
  async deliverDue(): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      const due = await this.options.outbox.due(this.options.clock.now(), DUE_BATCH);
      const fresh = due.filter((entry) => !tried.has(entry.id) && !this.inFlight.has(entry.id));
      for (const entry of fresh) {
        tried.add(entry.id);
        await this.deliverOne(entry);
      }
      if (due.length < DUE_BATCH || fresh.length === 0) return;
    }
  }

  private async deliverOne(entry: DueEntry): Promise<void> {
    const { outbox, clock, owner } = this.options;
    const log = this.options.logger.child({ digest: entry.id, subscription: entry.subscriptionId, period: entry.period, channel: entry.channelId });
    const sender = this.options.senders.get(entry.platform);
    if (!sender) {
      // The adapter for this platform is not running here; another replica (or a restart) sends it.
      log.debug({ platform: entry.platform }, 'no sender for the platform; digest waits');
      return;
    }
    if (!entry.reply) {
      log.error('pending digest has no stored reply; giving up on it');
      if (await outbox.claim(entry.id, owner, clock.now(), this.options.leaseMs)) await outbox.fail(entry.id, owner, entry.attempts, 'nothing stored to send');
      return;
    }
    if (!(await outbox.claim(entry.id, owner, clock.now(), this.options.leaseMs))) return;
    this.inFlight.add(entry.id);
    try {
      try {
        await sender.send(entry.channelId, entry.reply);
      } catch (error) {
        await this.failed(entry, error, log);
        return;
      }
      const recorded = await outbox.markDelivered(entry.id, owner, clock.now());
      this.options.metrics?.digestDelivered(entry.platform);
      if (recorded) log.info({ developments: entry.developmentIds.length, kind: entry.kind }, 'digest delivered');
      else log.warn('digest sent after its claim had passed to another process; it may have been sent twice');
    } finally {
      this.inFlight.delete(entry.id);
    }
  }

  private async failed(entry: DueEntry, error: unknown, log: Logger): Promise<void> {
    const { outbox, owner, clock } = this.options;
    const attempts = entry.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    const kind = error instanceof DeliveryError ? error.kind : 'transient';
    this.options.metrics?.digestFailed(entry.platform, error instanceof DeliveryError ? error.kind : 'error');
    if (kind === 'permanent') {
      await outbox.fail(entry.id, owner, attempts, message);
      const reason = `the last delivery failed on ${clock.now().toISOString().slice(0, 10)}: ${message}`;
      await this.options.subscriptions.pause(entry.subscriptionId, reason, clock.now());
      log.warn({ err: error }, 'digest delivery failed permanently; subscription paused');
      return;
    }
    if (attempts >= this.options.maxAttempts) {
      await outbox.fail(entry.id, owner, attempts, message);
      log.error({ err: error, attempts }, 'digest delivery kept failing; gave up');
      return;
    }
    const backoff = Math.min(this.options.retryBaseMs * 2 ** (attempts - 1), this.options.maxRetryDelayMs);
    const retryAfter = error instanceof DeliveryError && error.retryAfterMs !== undefined ? error.retryAfterMs : 0;
    const next = new Date(clock.now().getTime() + Math.max(backoff, retryAfter));
    await outbox.retryLater(entry.id, owner, attempts, next, message);
    log.warn({ err: error, attempts, retryAt: next.toISOString(), kind }, 'digest delivery failed; will retry');
  }
}
