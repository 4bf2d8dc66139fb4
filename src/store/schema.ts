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

export interface Schema {
  app_meta: AppMetaTable;
}
