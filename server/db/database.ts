import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';
import { seed } from './seed.js';

export type Db = Kysely<Database>;

/** Where the data lives: a PostgreSQL connection URL, or else a SQLite file (`:memory:` for a throw-away one). */
export function isPostgresUrl(location: string) {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface OpenOptions {
  /** Seed the demo organisation into an empty database (default true). */
  seed?: boolean;
  /** PostgreSQL only: connections in the pool (default 10). */
  poolSize?: number;
}

/**
 * Opens the database, migrates it and seeds the demo organisation when it is empty.
 * - A `postgres://` or `postgresql://` URL: PostgreSQL, through a connection pool.
 * - Anything else: the SQLite file at that path, in WAL mode (`:memory:` for a throw-away one).
 */
export async function openDatabase(location: string, options: OpenOptions = {}): Promise<Db> {
  const db = isPostgresUrl(location)
    ? new Kysely<Database>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: location, max: options.poolSize ?? 10 }),
        }),
      })
    : openSqlite(location);
  const dialect = isPostgresUrl(location) ? 'postgres' : 'sqlite';
  try {
    await migrate(db as Kysely<unknown>, dialect);
    if (options.seed !== false) await seed(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

function openSqlite(file: string) {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
