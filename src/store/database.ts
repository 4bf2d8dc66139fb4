import { Kysely, Migrator, sql, type MigrationProvider, type Migration } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Schema } from './schema';
import { migrations } from './migrations';
import { NewsdeskError } from '../errors';

export type Dialect = 'sqlite' | 'postgres';

/** An open database with migrations applied; the stores are built on it. */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  /**
   * The SQLite driver under `db` (SQLite only), for a store's hot path that keeps its own
   * prepared statements. Use it only while holding Kysely's connection (`db.connection()`).
   */
  readonly sqlite?: BetterSqlite3.Database;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

class InCodeMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** A `Database` over an open Kysely instance: the same ping and close for both dialects. */
export function wrapDatabase(db: Kysely<Schema>, dialect: Dialect, sqlite?: BetterSqlite3.Database): Database {
  return {
    db,
    dialect,
    ...(sqlite ? { sqlite } : {}),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Applies every pending migration; an error names the migration that failed.
 * `schema` (PostgreSQL): where the migration bookkeeping lives; Kysely's existence check
 * looks at every schema, so without it a second schema on one server would be skipped.
 */
export async function migrateToLatest(db: Kysely<Schema>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeMigrations(), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    if (failed) throw new NewsdeskError('migration-failed', `database migration ${failed} failed: ${(error as Error).message}`, { cause: error });
    throw Object.assign(new NewsdeskError('migration-failed', `database migrations could not start: ${(error as Error).message}`, { cause: error }), { beforeMigrations: true });
  }
}

/** True for an error of `migrateToLatest` raised before any migration ran (in its bookkeeping). */
export function failedBeforeMigrating(error: unknown): boolean {
  return (error as { beforeMigrations?: boolean } | null)?.beforeMigrations === true;
}
