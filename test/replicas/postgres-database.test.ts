import { sql } from 'kysely';
import { createPostgresDatabase } from '../../src/store/postgres-database';
import type { Database } from '../../src/store/database';
import { createTestSchema, describeWithPostgres, openOnSchema, openTestDatabase } from '../support/test-database';

// Runs on whichever store the run uses (SQLite by default, PostgreSQL with NEWSDESK_TEST_DB=postgres).
describe('one query layer, the same answers on SQLite and PostgreSQL', () => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase();
  });
  afterEach(async () => {
    await database.close();
  });

  it('count(*) comes back as a number', async () => {
    await database.db.insertInto('app_meta').values([{ key: 'a', value: '1' }, { key: 'b', value: '2' }]).execute();
    const row = await database.db.selectFrom('app_meta').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(row.n).toBe(2);
  });

  it('an upsert with ON CONFLICT and RETURNING behaves the same', async () => {
    const upsert = (value: string) =>
      database.db
        .insertInto('app_meta')
        .values({ key: 'k', value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .returning(['key', 'value'])
        .executeTakeFirstOrThrow();
    expect(await upsert('first')).toEqual({ key: 'k', value: 'first' });
    expect(await upsert('second')).toEqual({ key: 'k', value: 'second' });
  });

  it('a conditional update reports how many rows it changed (the basis of every claim)', async () => {
    await database.db.insertInto('app_meta').values({ key: 'lease', value: 'free' }).execute();
    const claim = (owner: string) =>
      database.db.updateTable('app_meta').set({ value: owner }).where('key', '=', 'lease').where('value', '=', 'free').executeTakeFirst();
    expect(Number((await claim('replica-a')).numUpdatedRows)).toBe(1);
    expect(Number((await claim('replica-b')).numUpdatedRows)).toBe(0);
  });

  it('ping says the store answers', async () => {
    expect(await database.ping()).toBe(true);
  });
});

describeWithPostgres('PostgreSQL specifics', () => {
  it('bigint and numeric values are numbers, as SQLite gives them', async () => {
    const database = await openTestDatabase();
    const schema = await createTestSchema();
    const pg = await openOnSchema(schema);
    try {
      const row = await sql<{ big: unknown; num: unknown; int: unknown }>`select 9007199254740991::bigint as big, 2.5::numeric as num, 7::int as int`.execute(pg.db);
      expect(row.rows[0]).toEqual({ big: 9007199254740991, num: 2.5, int: 7 });
    } finally {
      await pg.close();
      await database.close();
    }
  });

  it('replicas starting at the same moment migrate once and share one store', async () => {
    const schema = await createTestSchema();
    const replicas = await Promise.all([1, 2, 3].map(() => openOnSchema(schema, { owner: false, maxConnections: 2 })));
    try {
      await replicas[0]!.db.insertInto('app_meta').values({ key: 'seen-by', value: 'all' }).execute();
      for (const r of replicas) {
        expect(await r.db.selectFrom('app_meta').select('value').where('key', '=', 'seen-by').executeTakeFirst()).toEqual({ value: 'all' });
      }
      const migrations = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(replicas[0]!.db);
      const applied = await sql<{ n: number }>`select count(distinct name) as n from kysely_migration`.execute(replicas[0]!.db);
      expect(migrations.rows[0]!.n).toBe(applied.rows[0]!.n);
    } finally {
      for (const r of replicas) await r.close();
      await schema.drop();
    }
  });

  it('each test schema is private: what one writes the other does not see', async () => {
    const [a, b] = [await createTestSchema(), await createTestSchema()];
    const da = await openOnSchema(a);
    const dbb = await openOnSchema(b);
    try {
      await da.db.insertInto('app_meta').values({ key: 'only-a', value: 'x' }).execute();
      expect(await dbb.db.selectFrom('app_meta').selectAll().execute()).toEqual([]);
    } finally {
      await da.close();
      await dbb.close();
    }
  });

  it('a store opens while another schema on the server is being altered (its columns come and go)', async () => {
    // Another application (or a replica of another deployment) changing its tables while this
    // one starts: the migration check reads every schema's tables and columns.
    const other = await createTestSchema();
    const churn = await openOnSchema(other, { owner: false, maxConnections: 1 });
    await sql`create table churned (id int)`.execute(churn.db);
    let stop = false;
    const altering = (async () => {
      while (!stop) {
        await sql`alter table churned add column seen_json text`.execute(churn.db);
        await sql`alter table churned drop column seen_json`.execute(churn.db);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const opened: Database[] = [];
    try {
      for (let i = 0; i < 6; i++) opened.push(await openTestDatabase());
      expect(opened).toHaveLength(6);
      for (const d of opened) expect(await d.ping()).toBe(true);
    } finally {
      stop = true;
      await altering;
      for (const d of opened) await d.close();
      await churn.close();
      await other.drop();
    }
  });

  it('an unreachable server is a clear error, not a hang', async () => {
    const started = Date.now();
    await expect(createPostgresDatabase('postgres://postgres@127.0.0.1:1/test', { connectTimeoutMs: 1000 })).rejects.toThrow(
      /cannot reach PostgreSQL: .*ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
