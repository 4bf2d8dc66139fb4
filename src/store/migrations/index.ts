import type { Migration } from 'kysely';
import * as core from './0001-core';
import * as digests from './0002-digests';
import * as feeds from './0003-feeds';
import * as feedItemsUpdated from './0004-feed-items-updated';

/**
 * The one migration history, for SQLite and PostgreSQL alike. Names sort in the order
 * they run; add new ones at the end and never edit one that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-digests': digests,
  '0003-feeds': feeds,
  '0004-feed-items-updated': feedItemsUpdated,
};
