import type { Kysely } from 'kysely';

/**
 * Feeds per story (with their poll state, lease, and the ids and content hashes of the
 * items last seen, for dedupe across restarts), the items about the story read from them,
 * and the clusters of items that report the same development.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text')
    .addColumn('include_json', 'text', (c) => c.notNull())
    .addColumn('exclude_json', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('public_only', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error_kind', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('next_poll_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('paused_at', 'text')
    .addColumn('added_by', 'text')
    .addColumn('seen_json', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('feeds_story_url', ['story_id', 'url'])
    .execute();
  await db.schema.createIndex('feeds_due').on('feeds').columns(['status', 'next_poll_at']).execute();

  await db.schema
    .createTable('feed_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feed_id', 'text', (c) => c.notNull())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('date_flag', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('relevance', 'real', (c) => c.notNull())
    .addColumn('relevant', 'integer', (c) => c.notNull())
    .addColumn('cluster_id', 'text')
    .execute();
  await db.schema.createIndex('feed_items_story_relevant').on('feed_items').columns(['story_id', 'relevant', 'published_at']).execute();
  await db.schema.createIndex('feed_items_cluster').on('feed_items').column('cluster_id').execute();

  await db.schema
    .createTable('feed_clusters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('relevance', 'real', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('terms_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feed_clusters_story_published').on('feed_clusters').columns(['story_id', 'published_at']).execute();
  await db.schema.createIndex('feed_clusters_story_seen').on('feed_clusters').columns(['story_id', 'first_seen_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feed_clusters').execute();
  await db.schema.dropTable('feed_items').execute();
  await db.schema.dropTable('feeds').execute();
}
