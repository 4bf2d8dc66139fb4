import type { Database } from './database';
import { createSqliteDatabase } from './sqlite-database';

/**
 * Opens the configured store: PostgreSQL when a postgres:// URL is given, else the
 * SQLite file. Both run the same migrations and the same queries.
 */
export async function openDatabase(target: { path: string; url?: string }): Promise<Database> {
  if (target.url) {
    const { createPostgresDatabase } = await import('./postgres-database');
    return createPostgresDatabase(target.url);
  }
  return createSqliteDatabase(target.path);
}
