import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Schema, DigestSubscriptionsTable } from '../store/schema';
import type { Platform } from '../commands/command';
import type { Subscription, SubscriptionStatus, SubscriptionStore, SubscriptionTarget } from './subscription';

/** Subscriptions in the shared SQL store (SQLite or PostgreSQL, same queries). */
export class KyselySubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: Kysely<Schema>) {}

  async subscribe(
    target: SubscriptionTarget,
    schedule: { time: string; timezone: string; createdBy?: string },
    now: Date,
  ): Promise<{ subscription: Subscription; started: boolean }> {
    const at = now.toISOString();
    const inserted = await this.db
      .insertInto('digest_subscriptions')
      .values({
        id: randomUUID(),
        story_id: target.storyId,
        platform: target.platform,
        channel_id: target.channelId,
        workspace_id: target.workspaceId ?? null,
        time: schedule.time,
        timezone: schedule.timezone,
        status: 'active',
        paused_reason: null,
        created_by: schedule.createdBy ?? null,
        subscribed_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['story_id', 'platform', 'channel_id']).doNothing())
      .executeTakeFirst();
    let started = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    if (!started) {
      // A channel that had unsubscribed starts over: a new catch-up and a new schedule.
      const restarted = await this.db
        .updateTable('digest_subscriptions')
        .set({ subscribed_at: at, created_by: schedule.createdBy ?? null })
        .where('story_id', '=', target.storyId)
        .where('platform', '=', target.platform)
        .where('channel_id', '=', target.channelId)
        .where('status', '=', 'ended')
        .executeTakeFirst();
      started = Number(restarted.numUpdatedRows) > 0;
      await this.db
        .updateTable('digest_subscriptions')
        .set({
          time: schedule.time,
          timezone: schedule.timezone,
          status: 'active',
          paused_reason: null,
          workspace_id: target.workspaceId ?? null,
          updated_at: at,
        })
        .where('story_id', '=', target.storyId)
        .where('platform', '=', target.platform)
        .where('channel_id', '=', target.channelId)
        .execute();
    }
    const subscription = await this.find(target);
    if (!subscription) throw new Error('subscription vanished right after it was written');
    return { subscription, started };
  }

  async unsubscribe(target: SubscriptionTarget, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('digest_subscriptions')
      .set({ status: 'ended', paused_reason: null, updated_at: now.toISOString() })
      .where('story_id', '=', target.storyId)
      .where('platform', '=', target.platform)
      .where('channel_id', '=', target.channelId)
      .where('status', '!=', 'ended')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async find(target: SubscriptionTarget): Promise<Subscription | undefined> {
    const row = await this.db
      .selectFrom('digest_subscriptions')
      .selectAll()
      .where('story_id', '=', target.storyId)
      .where('platform', '=', target.platform)
      .where('channel_id', '=', target.channelId)
      .executeTakeFirst();
    return row ? toSubscription(row) : undefined;
  }

  async get(id: string): Promise<Subscription | undefined> {
    const row = await this.db.selectFrom('digest_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSubscription(row) : undefined;
  }

  async listForWorkspace(storyId: string, platform: Platform, workspaceId: string | undefined): Promise<Subscription[]> {
    let query = this.db
      .selectFrom('digest_subscriptions')
      .selectAll()
      .where('story_id', '=', storyId)
      .where('platform', '=', platform)
      .where('status', '!=', 'ended');
    query = workspaceId === undefined ? query.where('workspace_id', 'is', null) : query.where('workspace_id', '=', workspaceId);
    const rows = await query.orderBy('channel_id').execute();
    return rows.map(toSubscription);
  }

  async listActive(storyId?: string): Promise<Subscription[]> {
    let query = this.db.selectFrom('digest_subscriptions').selectAll().where('status', '=', 'active');
    if (storyId !== undefined) query = query.where('story_id', '=', storyId);
    const rows = await query.orderBy('id').execute();
    return rows.map(toSubscription);
  }

  async pause(id: string, reason: string, now: Date): Promise<void> {
    await this.db
      .updateTable('digest_subscriptions')
      .set({ status: 'paused', paused_reason: reason, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .execute();
  }
}

function toSubscription(row: Selectable<DigestSubscriptionsTable>): Subscription {
  return {
    id: row.id,
    storyId: row.story_id,
    platform: row.platform as Platform,
    channelId: row.channel_id,
    ...(row.workspace_id !== null ? { workspaceId: row.workspace_id } : {}),
    time: row.time,
    timezone: row.timezone,
    status: row.status as SubscriptionStatus,
    ...(row.paused_reason !== null ? { pausedReason: row.paused_reason } : {}),
    ...(row.created_by !== null ? { createdBy: row.created_by } : {}),
    subscribedAt: row.subscribed_at,
    updatedAt: row.updated_at,
  };
}
