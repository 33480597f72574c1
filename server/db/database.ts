import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
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
  const db: Db = isPostgresUrl(location) ? openPostgres(location, options.poolSize ?? 10) : openSqlite(location);
  const dialect = isPostgresUrl(location) ? 'postgres' : 'sqlite';
  try {
    await migrate(db as Kysely<unknown>, dialect);
    if (options.seed !== false) await seed(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  if (dialect === 'postgres') postgresUrls.set(db, location);
  return db;
}

const postgresUrls = new WeakMap<Db, string>();
const CHANNEL = 'peerkit_events';

/**
 * On PostgreSQL, how server processes on one database tell each other that events were stored:
 * NOTIFY to send, and a connection of its own (not one of the pool's) that LISTENs.
 * On SQLite there is no such channel: processes poll (`EventBus`).
 */
export function crossProcessMessages(db: Db) {
  const url = postgresUrls.get(db);
  if (!url) return undefined;
  return {
    broadcast: async () => {
      await sql`select pg_notify(${CHANNEL}, '')`.execute(db);
    },
    listen: async (wake: () => void, lost: () => void) => {
      const client = new pg.Client({ connectionString: url });
      client.on('notification', wake);
      // A dropped connection: the poll carries on, and listening starts again a little later.
      client.on('error', (error) => {
        console.warn(`Stopped listening for other server processes: ${error.message}`);
        lost();
      });
      try {
        await client.connect();
        await client.query(`listen ${CHANNEL}`);
      } catch (error) {
        client.end().catch((closing: Error) => console.warn(`Closing the listening connection: ${closing.message}`));
        throw error;
      }
      return () => client.end();
    },
  };
}

function openPostgres(url: string, size: number) {
  const pool = new pg.Pool({ connectionString: url, max: size });
  // A connection that dies while idle (the database restarted, a proxy timed out) would otherwise
  // end the process; the pool opens a new one for the next query.
  pool.on('error', (error) => console.warn(`An idle PostgreSQL connection was lost: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function openSqlite(file: string) {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
