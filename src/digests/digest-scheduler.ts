import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import type { DigestOutbox } from './digest-outbox';
import type { Subscription, SubscriptionStore } from './subscription';
import type { DigestComposer } from './digest-composer';
import type { DigestDelivery } from './digest-delivery';
import { decideDigest } from './due-digest';

export interface DigestSchedulerOptions {
  clock: Clock;
  logger: Logger;
  subscriptions: SubscriptionStore;
  outbox: DigestOutbox;
  composer: DigestComposer;
  delivery: DigestDelivery;
  /** A digest missed by more than this (bot down) is skipped, not sent late. */
  graceHours: number;
  /** Story ids this process serves; subscriptions of other stories are left alone. */
  storyIds: () => string[];
}

/**
 * Runs the daily digests: every minute (node-cron) and once on start, it stores each due
 * digest in the outbox (one per subscription and local date: the unique key makes this
 * idempotent across ticks, restarts and replicas), then delivers what is pending.
 * What is due is decided by `decideDigest` from the injected clock, so tests call `tick()`.
 */
export class DigestScheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<void> | undefined;
  private warnedNoSource = false;

  constructor(private readonly options: DigestSchedulerOptions) {}

  /** One pass: store due digests, then deliver pending ones. Overlapping calls share a pass. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Ticks every minute and starts a first pass at once (what was missed while the bot was
   * down, within grace). Resolves without waiting for that pass: a slow chat platform must
   * not hold up the bot's start and readiness. The pass logs its own errors; `stop()` waits
   * for it.
   */
  async start(): Promise<void> {
    if (this.task) return;
    this.task = cron.schedule('* * * * *', () => this.tick(), { name: `digests-${randomUUID()}`, noOverlap: true });
    this.tick().catch((error: unknown) => this.options.logger.error({ err: error }, 'first digest pass failed; will try again next minute'));
  }

  /** Stops the minute ticker and waits for the pass in flight (deliveries included), up to `waitMs`. */
  async stop(waitMs = 10_000): Promise<void> {
    const task = this.task;
    this.task = undefined;
    if (task) await task.destroy();
    if (!this.running) return;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
      timer.unref();
    });
    await Promise.race([this.running.catch(() => undefined), gaveUp]);
    clearTimeout(timer);
  }

  private async pass(): Promise<void> {
    const log = this.options.logger;
    try {
      await this.planDue();
    } catch (error) {
      log.error({ err: error }, 'digest planning failed; will try again next minute');
    }
    try {
      await this.options.delivery.deliverDue();
    } catch (error) {
      log.error({ err: error }, 'digest delivery pass failed; will try again next minute');
    }
  }

  private async planDue(): Promise<void> {
    const stories = new Set(this.options.storyIds());
    for (const subscription of await this.options.subscriptions.listActive()) {
      if (!stories.has(subscription.storyId)) continue;
      try {
        await this.planOne(subscription);
      } catch (error) {
        this.options.logger.error({ err: error, subscription: subscription.id }, 'could not prepare a digest; will try again next minute');
      }
    }
  }

  private async planOne(subscription: Subscription): Promise<void> {
    const { outbox, clock, composer } = this.options;
    const now = clock.now();
    const last = await outbox.lastPeriod(subscription.id);
    const decision = decideDigest(subscription, now, last, this.options.graceHours);
    if (decision.kind === 'none') return;
    const base = {
      id: randomUUID(),
      subscriptionId: subscription.id,
      period: decision.period,
      dueAt: decision.dueAt.toISOString(),
      createdAt: now.toISOString(),
      attempts: 0,
      nextAttemptAt: now.toISOString(),
    };
    if (decision.kind === 'skip') {
      const hours = Math.round((now.getTime() - decision.dueAt.getTime()) / 360_000) / 10;
      const reason = `missed: the bot was not running at ${subscription.time} and came back ${hours} h later (grace ${this.options.graceHours} h)`;
      if (await outbox.add({ ...base, kind: 'daily', status: 'skipped', developmentIds: [], lastError: reason })) {
        this.options.logger.info({ subscription: subscription.id, period: decision.period }, `digest skipped: ${reason}`);
      }
      return;
    }
    if (!composer.hasSources()) {
      if (!this.warnedNoSource) this.options.logger.warn('digests are due but no development source is wired; nothing is composed');
      this.warnedNoSource = true;
      return;
    }
    const planned = await composer.forSubscription(subscription, now, decision.period);
    await outbox.add({
      ...base,
      kind: planned.kind,
      status: planned.reply ? 'pending' : 'empty',
      coversUntil: planned.coversUntil.toISOString(),
      ...(planned.reply ? { reply: planned.reply } : {}),
      developmentIds: planned.developmentIds,
    });
  }
}
