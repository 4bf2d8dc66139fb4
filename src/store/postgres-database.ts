import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema';
import { failedBeforeMigrating, migrateToLatest, wrapDatabase, type Database } from './database';
import { NewsdeskError } from '../errors';

export interface PostgresOptions {
  /** Largest number of open connections per process. */
  maxConnections?: number;
  /** How long to wait for a connection before a query fails (the server may be down). */
  connectTimeoutMs?: number;
  /**
   * How long one query may take before it fails on the client side. A cut network never
   * answers, so without this a query (and the caller's retry loop) would wait forever.
   */
  queryTimeoutMs?: number;
}

/**
 * Values come back as the SQLite path returns them, so one query layer serves both:
 * `bigint` and `count(*)` (int8) and `numeric` arrive as strings from `pg` by default;
 * here they are numbers (counts and small integers never exceed 2^53). Set per pool, not
 * on pg's global parser table, so other users of `pg` in the process are unaffected.
 */
const toNumber = (value: string): number => Number(value);
const sameAsSqlite: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return toNumber;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * PostgreSQL, for several replicas sharing one store. Same schema and queries as SQLite.
 * Replicas starting together are safe: Kysely's migrator holds an advisory lock.
 */
export async function createPostgresDatabase(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    query_timeout: options.queryTimeoutMs ?? 30000,
    types: sameAsSqlite,
    application_name: 'newsdesk',
  });
  // A connection dropped by the server (restart, network cut) emits 'error': on the pool
  // when idle, on the client itself when checked out between two queries (inside a
  // transaction). Either, unhandled, would crash the process; the queries report their own
  // failures, and the pool discards a client that is no longer usable when it is released.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let schema: string;
  try {
    // The schema tables are created in: the first of the search path (`options=-c search_path=...`).
    const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    schema = current.rows[0]?.schema ?? 'public';
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new NewsdeskError('database-open', `cannot reach PostgreSQL: ${(error as Error).message}`, { cause: error });
  }
  try {
    await migrateWithRetry(db, schema);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return wrapDatabase(db, 'postgres');
}

/**
 * Kysely's "does the migration table exist" check reads every table and column of every
 * schema in the database and resolves each name; a schema, table or column someone else
 * drops or renames at that moment (another application, a replica migrating, parallel test
 * runs) fails the check with "schema ... does not exist" (SQLSTATE 3F000) naming a schema
 * that is not ours, or "relation/column ... does not exist" (42P01, 42703). Those, raised
 * before any migration ran, are retried; anything else is not.
 */
const VANISHED_DURING_CHECK = new Set(['42P01', '42703']);

async function migrateWithRetry(db: Kysely<Schema>, schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db, schema);
      return;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const otherSchemaVanished = cause?.code === '3F000' && !String(cause.message).includes(`"${schema}"`);
      const objectVanished = failedBeforeMigrating(error) && VANISHED_DURING_CHECK.has(cause?.code ?? '');
      if (!(otherSchemaVanished || objectVanished) || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
