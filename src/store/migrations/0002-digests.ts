import type { Kysely } from 'kysely';

/**
 * Digest subscriptions per channel, the digest outbox (which is also the history), and the
 * developments each subscription has already received so no digest repeats them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('digest_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text')
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paused_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('subscribed_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('digest_subscriptions_channel', ['story_id', 'platform', 'channel_id'])
    .execute();

  await db.schema
    .createTable('digest_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('digest_subscriptions.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('covers_until', 'text')
    .addColumn('reply_json', 'text')
    .addColumn('development_ids', 'text', (c) => c.notNull())
    .addColumn('development_count', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claim_owner', 'text')
    .addColumn('claim_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addUniqueConstraint('digest_outbox_period', ['subscription_id', 'period'])
    .execute();
  await db.schema.createIndex('digest_outbox_pending').on('digest_outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('digest_delivered_developments')
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('digest_subscriptions.id').onDelete('cascade'))
    .addColumn('development_id', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_delivered_developments_pk', ['subscription_id', 'development_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('digest_delivered_developments').execute();
  await db.schema.dropTable('digest_outbox').execute();
  await db.schema.dropTable('digest_subscriptions').execute();
}
