import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';
import { seed } from './seed.js';

export type Db = Kysely<Database>;

/**
 * Opens the SQLite database at `file` (`:memory:` for a throw-away one), in WAL mode, migrates
 * it, and seeds the demo organisation when it is empty.
 */
export async function openDatabase(file: string, options: { seed?: boolean } = {}): Promise<Db> {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db as Kysely<unknown>);
  if (options.seed !== false) await seed(db);
  return db;
}
