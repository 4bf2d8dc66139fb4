import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Feature, NewsdeskContext } from '../app/feature';
import type { StoryRuntime } from '../app/story-runtime';
import type { CommandHandler } from '../commands/command';
import type { DevelopmentSource } from '../developments/development';
import type { Reply } from '../reply/reply';
import { KyselySubscriptionStore } from './kysely-subscription-store';
import { KyselyDigestOutbox } from './kysely-digest-outbox';
import { withStoreRetries } from '../ops/store-retry';
import { DigestComposer } from './digest-composer';
import { DigestDelivery } from './digest-delivery';
import { DigestScheduler } from './digest-scheduler';
import type { DigestOutbox } from './digest-outbox';
import type { SubscriptionStore } from './subscription';
import { createDigestCommand } from './commands/digest-command';
import { createSubscribeCommand } from './commands/subscribe-command';
import { createUnsubscribeCommand } from './commands/unsubscribe-command';
import { createSubscriptionsCommand } from './commands/subscriptions-command';

export interface DigestsFeatureOptions {
  /** Development sources to start with; more can be added with `addDevelopmentSource`. */
  developments?: DevelopmentSource[];
  /** Claim owner id of this process (default: host, pid and a random part). */
  owner?: string;
  /** How long a delivery claim holds (default 5 minutes). */
  leaseMs?: number;
  /** Delivery attempts before giving up (default 6). */
  maxAttempts?: number;
  /** First retry delay (default 1 minute; doubles, at most 30 minutes). */
  retryBaseMs?: number;
}

/** Everything a digest command needs. */
export interface DigestsServices {
  context: NewsdeskContext;
  subscriptions: SubscriptionStore;
  outbox: DigestOutbox;
  composer: DigestComposer;
}

/**
 * Daily digests per channel: the `digest`, `subscribe`, `unsubscribe` and `subscriptions`
 * subcommands, the scheduler that stores and delivers each period's digest exactly once,
 * and one-off notices to every channel subscribed to a story.
 */
export class DigestsFeature implements Feature {
  readonly name = 'digests';
  readonly subscriptions: SubscriptionStore;
  readonly outbox: DigestOutbox;
  readonly composer: DigestComposer;
  readonly delivery: DigestDelivery;
  readonly scheduler: DigestScheduler;
  private readonly sources: DevelopmentSource[];

  constructor(
    private readonly context: NewsdeskContext,
    options: DigestsFeatureOptions = {},
  ) {
    const logger = context.logger.child({ component: 'digests' });
    this.sources = [...(options.developments ?? [])];
    this.subscriptions = new KyselySubscriptionStore(context.database.db);
    // Recording a delivery's outcome waits out a store outage: a post the platform accepted
    // but that was never recorded would be sent again by another replica once the claim ends.
    this.outbox = withStoreRetries(new KyselyDigestOutbox(context.database.db), ['markDelivered', 'retryLater', 'fail'], { logger: context.logger, component: 'digests' });
    this.composer = new DigestComposer({
      outbox: this.outbox,
      sources: () => this.sources,
      limits: { maxDevelopments: context.config.digest.maxDevelopments, maxChars: context.config.digest.maxChars },
      whenEmpty: context.config.digest.whenEmpty,
      story: (id) => context.stories.find((s) => s.definition.id === id)?.definition,
    });
    this.delivery = new DigestDelivery({
      clock: context.clock,
      logger,
      outbox: this.outbox,
      subscriptions: this.subscriptions,
      senders: context.senders,
      owner: options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      maxAttempts: options.maxAttempts ?? 6,
      retryBaseMs: options.retryBaseMs ?? 60_000,
      maxRetryDelayMs: 30 * 60_000,
      metrics: context.metrics,
    });
    this.scheduler = new DigestScheduler({
      clock: context.clock,
      logger,
      subscriptions: this.subscriptions,
      outbox: this.outbox,
      composer: this.composer,
      delivery: this.delivery,
      graceHours: context.config.digest.graceHours,
      storyIds: () => context.stories.map((s) => s.definition.id),
    });
  }

  /** Adds where developments come from (feed clusters, timeline events); used from the next digest on. */
  addDevelopmentSource(source: DevelopmentSource): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  commands(story: StoryRuntime): CommandHandler[] {
    const services: DigestsServices = { context: this.context, subscriptions: this.subscriptions, outbox: this.outbox, composer: this.composer };
    return [
      createDigestCommand(story, services),
      createSubscribeCommand(story, services),
      createUnsubscribeCommand(story, services),
      createSubscriptionsCommand(story, services),
    ];
  }

  async start(): Promise<void> {
    await this.scheduler.start();
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
  }

  /**
   * Tells every channel subscribed to the story, once: the notice goes through the outbox
   * under `key` (e.g. `feed-paused:<feed>:<when>`), so the same key never posts twice, even
   * from several replicas. Resolves after a delivery attempt.
   */
  async notifyStoryChannels(storyId: string, reply: Reply, key: string = randomUUID()): Promise<number> {
    const now = this.context.clock.now().toISOString();
    let stored = 0;
    for (const subscription of await this.subscriptions.listActive(storyId)) {
      const added = await this.outbox.add({
        id: randomUUID(),
        subscriptionId: subscription.id,
        period: `notice:${key}`,
        kind: 'notice',
        status: 'pending',
        dueAt: now,
        createdAt: now,
        reply: { ...reply, visibility: 'channel' },
        developmentIds: [],
        attempts: 0,
        nextAttemptAt: now,
      });
      if (added) stored++;
    }
    await this.delivery.deliverDue();
    return stored;
  }
}

export function createDigestsFeature(context: NewsdeskContext, options: DigestsFeatureOptions = {}): DigestsFeature {
  return new DigestsFeature(context, options);
}
