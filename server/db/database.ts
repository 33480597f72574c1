import SQLite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';
import { seed, seedInto } from './seed.js';

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
  const dialect = isPostgresUrl(location) ? 'postgres' : 'sqlite';
  const db: Db = dialect === 'postgres' ? openPostgres(location, options.poolSize ?? 10) : await openSqlite(location);
  try {
    if (dialect === 'sqlite') {
      await whileLocked(() => setUpSqlite(db, options.seed !== false));
    } else {
      // Kysely's migrations and the seed each take an advisory lock: processes starting at once take turns.
      await migrate(db as Kysely<unknown>, dialect);
      if (options.seed !== false) await seed(db, dialect);
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  if (dialect === 'postgres') postgresUrls.set(db, location);
  return db;
}

const postgresUrls = new WeakMap<Db, string>();

/**
 * Rewrites the stored tables so that no copy of rows changed or deleted stays behind in the
 * database's files: on SQLite, VACUUM (a page's spare room can still hold old text) and a
 * checkpoint that empties the write-ahead log; on PostgreSQL, VACUUM FULL of `tables` (an old row
 * version stays on disk until then). Resolves to false when the log could not be emptied because
 * another connection still reads an older state: its old pages go at a later checkpoint.
 */
export async function rewriteStorage(db: Db, tables: readonly (keyof Database)[]): Promise<boolean> {
  if (postgresUrls.has(db)) {
    await sql`vacuum full ${sql.join(tables.map((table) => sql.table(table)))}`.execute(db);
    return true;
  }
  await sql`vacuum`.execute(db);
  const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(db);
  return rows[0]?.busy === 0;
}
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

async function openSqlite(file: string) {
  // A new database file is readable by its owner only, as its key file is: it holds everyone's
  // feedback. SQLite gives its -wal and -shm files the same mode. An existing file keeps its own.
  if (file !== ':memory:') {
    try {
      writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const sqlite = new SQLite(file);
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    // What is deleted or overwritten is zeroed in the file, not left in its free space.
    sqlite.pragma('secure_delete = ON');
    await whileLocked(async () => sqlite.pragma('journal_mode = WAL'));
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * Migrates and seeds a SQLite file in one transaction that holds the write lock from its start
 * (`BEGIN IMMEDIATE`), so processes that start at once on one new file take turns: the first sets
 * it up, and each of the others waits for the lock and then finds nothing left to do.
 */
async function setUpSqlite(db: Db, withSeed: boolean) {
  await db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      await migrate(connection as Kysely<unknown>, 'sqlite', { inTransaction: true });
      if (withSeed) await seedInto(connection, 'sqlite');
      await sql`commit`.execute(connection);
    } catch (error) {
      // SQLite may have rolled back already, after some errors; the first error is the one to report.
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

/** SQLite's answer when another connection holds the lock a statement needs, here or in its causes. */
function isLocked(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (/^SQLITE_BUSY/.test((e as { code?: unknown }).code as string)) return true;
  }
  return false;
}

/** Runs `work` (which must roll back what it did when it fails) until no other process holds the lock, for up to 60 s. */
async function whileLocked<T>(work: () => Promise<T>): Promise<T> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isLocked(error) || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
    }
  }
}
