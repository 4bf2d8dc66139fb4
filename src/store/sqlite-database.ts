import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Schema } from './schema';
import { migrateToLatest, wrapDatabase, type Database } from './database';
import { NewsdeskError } from '../errors';

/**
 * The embedded default store: one SQLite file (created on first run) in WAL mode, so
 * readers never wait for the writer. `:memory:` gives a private in-memory database.
 */
export async function createSqliteDatabase(file: string): Promise<Database> {
  let raw: BetterSqlite3.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    raw = new BetterSqlite3(file);
  } catch (error) {
    throw new NewsdeskError('database-open', `cannot open the SQLite database at ${file}: ${(error as Error).message}`, { cause: error });
  }
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateToLatest(db);
  return wrapDatabase(db, 'sqlite', raw);
}
