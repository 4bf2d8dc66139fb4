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

/** A feed of a story, with its poll state; `status` active | paused | removed. */
export interface FeedsTable {
  id: string;
  story_id: string;
  url: string;
  outlet: string | null;
  include_json: string;
  exclude_json: string;
  /** story | chat | cli: where the feed was added. */
  origin: string;
  /** 1 when every fetch must reach public addresses only (feeds added from chat). */
  public_only: number;
  status: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  consecutive_failures: number;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error_kind: string | null;
  last_error_message: string | null;
  next_poll_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  paused_at: string | null;
  added_by: string | null;
  /** JSON object: item id -> short content hash of the items last seen (dedupe, edits). */
  seen_json: string;
  /** Distinct items ever read from the feed. */
  item_count: number;
  created_at: string;
  updated_at: string;
}

/** One item about the story read from a feed (and items that stopped being about it after an edit). */
export interface FeedItemsTable {
  id: string;
  feed_id: string;
  story_id: string;
  item_key: string;
  title: string;
  link: string | null;
  summary: string;
  author: string | null;
  outlet: string;
  published_at: string;
  /** ok | missing | odd */
  date_flag: string;
  first_seen_at: string;
  updated_at: string;
  content_hash: string;
  relevance: number;
  relevant: number;
  cluster_id: string | null;
}

/** Items of several feeds that report one development. */
export interface FeedClustersTable {
  id: string;
  story_id: string;
  headline: string;
  summary: string;
  published_at: string;
  first_seen_at: string;
  updated_at: string;
  relevance: number;
  item_count: number;
  /** JSON: the weighted terms new items are compared with. */
  terms_json: string;
}

export interface Schema {
  app_meta: AppMetaTable;
  digest_subscriptions: DigestSubscriptionsTable;
  digest_outbox: DigestOutboxTable;
  digest_delivered_developments: DigestDeliveredDevelopmentsTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  feed_clusters: FeedClustersTable;
}
