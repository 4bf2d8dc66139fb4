/**
 * Table types for the Kysely query layer, shared by SQLite and PostgreSQL.
 * Conventions so one query serves both: ids are text, instants are ISO-8601 UTC text
 * (they sort as text), booleans are integers 0/1, JSON is text.
 * Each feature adds its tables here and a migration in `migrations/`.
 */
export interface AppMetaTable {
  key: string;
  value: string;
}

/** A channel's digest subscription to one story (unique per story, platform, channel). */
export interface DigestSubscriptionsTable {
  id: string;
  story_id: string;
  platform: string;
  channel_id: string;
  workspace_id: string | null;
  /** Local delivery time, HH:MM. */
  time: string;
  /** IANA time zone of `time`. */
  timezone: string;
  /** active | paused | ended */
  status: string;
  paused_reason: string | null;
  created_by: string | null;
  subscribed_at: string;
  updated_at: string;
}

/** A digest (or channel notice) stored before delivery; delivered rows are the history. */
export interface DigestOutboxTable {
  id: string;
  subscription_id: string;
  /** Local date (YYYY-MM-DD) of a scheduled digest, or `notice:<key>`; unique per subscription. */
  period: string;
  /** catch-up | daily | note | notice */
  kind: string;
  /** pending | delivered | failed | skipped | empty */
  status: string;
  due_at: string;
  created_at: string;
  /** End of the window the digest covers; the next digest starts here. */
  covers_until: string | null;
  /** The rendered neutral Reply as JSON; null when nothing is sent. */
  reply_json: string | null;
  /** JSON array of the development ids shown. */
  development_ids: string;
  development_count: number;
  attempts: number;
  next_attempt_at: string;
  claim_owner: string | null;
  claim_until: string | null;
  last_error: string | null;
  delivered_at: string | null;
}

/** Developments a subscription has received; later digests leave them out. */
export interface DigestDeliveredDevelopmentsTable {
  subscription_id: string;
  development_id: string;
  outbox_id: string;
  delivered_at: string;
}

export interface Schema {
  app_meta: AppMetaTable;
  digest_subscriptions: DigestSubscriptionsTable;
  digest_outbox: DigestOutboxTable;
  digest_delivered_developments: DigestDeliveredDevelopmentsTable;
}
