import type { Kysely, Selectable } from 'kysely';
import type { DigestOutboxTable, Schema } from '../store/schema';
import type { Platform } from '../commands/command';
import type { Reply } from '../reply/reply';
import type { Coverage, DigestOutbox, DueEntry, OutboxEntry, OutboxKind, OutboxStatus } from './digest-outbox';

/** The outbox in the shared SQL store; claims are atomic conditional UPDATEs. */
export class KyselyDigestOutbox implements DigestOutbox {
  constructor(private readonly db: Kysely<Schema>) {}

  async lastPeriod(subscriptionId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('digest_outbox')
      .select('period')
      .where('subscription_id', '=', subscriptionId)
      .where('kind', '!=', 'notice')
      .orderBy('period', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.period;
  }

  async coverage(subscriptionId: string, subscribedAt: string): Promise<Coverage> {
    const rows = await this.db
      .selectFrom('digest_outbox')
      .select(['status', 'covers_until'])
      .where('subscription_id', '=', subscriptionId)
      .where('kind', '!=', 'notice')
      .where('status', 'in', ['delivered', 'empty'])
      .where('created_at', '>=', subscribedAt)
      .execute();
    const caughtUp = rows.some((r) => r.status === 'delivered');
    const until = rows.map((r) => r.covers_until).filter((c): c is string => c !== null).sort().at(-1);
    return { caughtUp, ...(until ? { since: new Date(until) } : {}) };
  }

  async deliveredDevelopmentIds(subscriptionId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('digest_delivered_developments')
      .select('development_id')
      .where('subscription_id', '=', subscriptionId)
      .execute();
    return new Set(rows.map((r) => r.development_id));
  }

  async add(entry: OutboxEntry): Promise<boolean> {
    const result = await this.db
      .insertInto('digest_outbox')
      .values({
        id: entry.id,
        subscription_id: entry.subscriptionId,
        period: entry.period,
        kind: entry.kind,
        status: entry.status,
        due_at: entry.dueAt,
        created_at: entry.createdAt,
        covers_until: entry.coversUntil ?? null,
        reply_json: entry.reply ? JSON.stringify(entry.reply) : null,
        development_ids: JSON.stringify(entry.developmentIds),
        development_count: entry.developmentIds.length,
        attempts: entry.attempts,
        next_attempt_at: entry.nextAttemptAt,
        claim_owner: null,
        claim_until: null,
        last_error: entry.lastError ?? null,
        delivered_at: entry.deliveredAt ?? null,
      })
      .onConflict((oc) => oc.columns(['subscription_id', 'period']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async due(now: Date, limit: number): Promise<DueEntry[]> {
    const at = now.toISOString();
    const rows = await this.db
      .selectFrom('digest_outbox as o')
      .innerJoin('digest_subscriptions as s', 's.id', 'o.subscription_id')
      .selectAll('o')
      .select(['s.platform', 's.channel_id', 's.story_id'])
      .where('o.status', '=', 'pending')
      .where('s.status', '=', 'active')
      .where('o.next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('o.claim_until', 'is', null), eb('o.claim_until', '<', at)]))
      .orderBy('o.due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...toEntry(r), platform: r.platform as Platform, channelId: r.channel_id, storyId: r.story_id }));
  }

  async claim(id: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable('digest_outbox')
      .set({ claim_owner: owner, claim_until: new Date(now.getTime() + leaseMs).toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claim_until', 'is', null), eb('claim_until', '<', at)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markDelivered(id: string, owner: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('digest_outbox')
        .select(['subscription_id', 'development_ids', 'attempts'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return false;
      const result = await trx
        .updateTable('digest_outbox')
        .set({ status: 'delivered', delivered_at: at, attempts: row.attempts + 1, claim_owner: null, claim_until: null, last_error: null })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('claim_owner', '=', owner)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      const ids = JSON.parse(row.development_ids) as string[];
      if (ids.length > 0) {
        await trx
          .insertInto('digest_delivered_developments')
          .values(ids.map((developmentId) => ({ subscription_id: row.subscription_id, development_id: developmentId, outbox_id: id, delivered_at: at })))
          .onConflict((oc) => oc.columns(['subscription_id', 'development_id']).doNothing())
          .execute();
      }
      return true;
    });
  }

  async retryLater(id: string, owner: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.db
      .updateTable('digest_outbox')
      .set({ attempts, next_attempt_at: nextAttemptAt.toISOString(), last_error: error, claim_owner: null, claim_until: null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('claim_owner', '=', owner)
      .execute();
  }

  async fail(id: string, owner: string, attempts: number, error: string): Promise<void> {
    await this.db
      .updateTable('digest_outbox')
      .set({ status: 'failed', attempts, last_error: error, claim_owner: null, claim_until: null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('claim_owner', '=', owner)
      .execute();
  }

  async history(subscriptionId: string, limit: number): Promise<OutboxEntry[]> {
    const rows = await this.db
      .selectFrom('digest_outbox')
      .selectAll()
      .where('subscription_id', '=', subscriptionId)
      .where('kind', '!=', 'notice')
      .orderBy('period', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEntry);
  }
}

function toEntry(row: Selectable<DigestOutboxTable>): OutboxEntry {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    period: row.period,
    kind: row.kind as OutboxKind,
    status: row.status as OutboxStatus,
    dueAt: row.due_at,
    createdAt: row.created_at,
    ...(row.covers_until !== null ? { coversUntil: row.covers_until } : {}),
    ...(row.reply_json !== null ? { reply: JSON.parse(row.reply_json) as Reply } : {}),
    developmentIds: JSON.parse(row.development_ids) as string[],
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at } : {}),
  };
}
