import type { Kysely } from 'kysely';

/** Replicas load each other's new items every poll round by update time; index that read. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('feed_items_story_updated').on('feed_items').columns(['story_id', 'updated_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('feed_items_story_updated').execute();
}
