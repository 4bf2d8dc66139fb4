import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/store/database';
import { createSqliteDatabase } from '../../src/store/sqlite-database';
import { createPostgresDatabase, type PostgresOptions } from '../../src/store/postgres-database';

/**
 * Stores for tests. By default every test gets a private in-memory SQLite database; with
 * NEWSDESK_TEST_DB=postgres (`npm run test:postgres`) it gets a fresh schema on the
 * PostgreSQL server instead, dropped when the database is closed. The same tests thus
 * prove that one query layer behaves the same on both.
 */

/** The server the PostgreSQL tests use: trust auth on loopback, database `test`. */
export const testPostgresUrl = process.env.NEWSDESK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when this run keeps every test's store on PostgreSQL. */
export const testsOnPostgres = process.env.NEWSDESK_TEST_DB === 'postgres';

let reachable: boolean | undefined;

/**
 * Whether the test PostgreSQL answers `select 1`. Checked once per test file, synchronously
 * (a child process) so that `describe` can decide to skip while jest collects the tests.
 */
export function postgresReachable(): boolean {
  if (reachable === undefined) {
    const probe = `
      const pg = require('pg');
      const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
      c.connect().then(() => c.query('select 1')).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`;
    const result = spawnSync(process.execPath, ['-e', probe, testPostgresUrl], { timeout: 8000, cwd: __dirname });
    reachable = result.status === 0;
  }
  return reachable;
}

/**
 * `describe` for tests that need the real PostgreSQL whichever store the run uses; skipped,
 * with the reason in the title, when no server is reachable.
 */
export function describeWithPostgres(name: string, body: () => void): void {
  if (postgresReachable()) describe(name, body);
  else describe.skip(`${name} (skipped: no PostgreSQL reachable at ${redact(testPostgresUrl)}; start one or set NEWSDESK_TEST_DATABASE_URL)`, body);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** A schema of its own on the test server; `url` connects with it as the search path. */
export interface TestSchema {
  readonly name: string;
  readonly url: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** Creates an empty schema `t_<random>` on the test server for one test's replicas. */
export async function createTestSchema(): Promise<TestSchema> {
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`create schema ${name}`);
  const url = new URL(testPostgresUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(`drop schema if exists ${name} cascade`),
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A migrated, empty store for one test: SQLite `:memory:`, or a fresh PostgreSQL schema
 * when the run asks for PostgreSQL. `close()` also drops the schema.
 */
export async function openTestDatabase(options: PostgresOptions = {}): Promise<Database> {
  if (!testsOnPostgres) return createSqliteDatabase(':memory:');
  if (!postgresReachable()) {
    throw new Error(`NEWSDESK_TEST_DB=postgres but no PostgreSQL answers at ${redact(testPostgresUrl)}`);
  }
  const schema = await createTestSchema();
  return openOnSchema(schema, options);
}

/** Opens a replica's own connection pool on a test schema; closing it drops the schema only when `owner`. */
export async function openOnSchema(schema: TestSchema, options: PostgresOptions & { owner?: boolean } = {}): Promise<Database> {
  const owner = options.owner ?? true;
  let database: Database;
  try {
    database = await createPostgresDatabase(schema.url, options);
  } catch (error) {
    if (owner) await schema.drop();
    throw error;
  }
  return {
    db: database.db,
    dialect: database.dialect,
    ping: () => database.ping(),
    async close() {
      await database.close();
      if (owner) await schema.drop();
    },
  };
}
