import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPostgresUrl, openDatabase } from './db/database.js';

/** The project's folder: `data/peerkit.db` is found there unless told otherwise. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A setting that cannot be used; the message says which and why. */
export class SettingError extends Error {}

/**
 * Opens the database the environment names, as the server and `npm run admin` both do:
 * `DATABASE_URL` (PostgreSQL), else `PEERKIT_DB` (a SQLite file, `:memory:`), else `data/peerkit.db`.
 * `seed` is whether an empty database gets the demo organisation (`PEERKIT_SEED`, `demo` or `none`).
 */
export async function openConfiguredDatabase(env: NodeJS.ProcessEnv, seed: boolean) {
  if (env.DATABASE_URL && !isPostgresUrl(env.DATABASE_URL)) {
    throw new SettingError('DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database).');
  }
  const poolSize = env.PEERKIT_DB_POOL ? Number(env.PEERKIT_DB_POOL) : undefined;
  if (poolSize !== undefined && !(Number.isInteger(poolSize) && poolSize >= 1)) {
    throw new SettingError(
      `PEERKIT_DB_POOL must be a whole number of connections, 1 or more (got "${env.PEERKIT_DB_POOL}").`,
    );
  }
  const location = databaseLocation(env);
  // Said without the password a URL may carry.
  const shown = isPostgresUrl(location)
    ? `PostgreSQL ${new URL(location).host}${new URL(location).pathname}`
    : `SQLite ${location}`;
  if (!isPostgresUrl(location) && location !== ':memory:') mkdirSync(dirname(resolve(location)), { recursive: true });
  try {
    return { db: await openDatabase(location, { poolSize, seed }), shown };
  } catch (error) {
    throw new SettingError(`Could not open the database (${shown}): ${(error as Error).message}`);
  }
}

function databaseLocation(env: NodeJS.ProcessEnv) {
  return env.DATABASE_URL || env.PEERKIT_DB || resolve(root, 'data/peerkit.db');
}

/**
 * The key of the daily feedback counts: `PEERKIT_SECRET`, else the one in `PEERKIT_SECRET_FILE`,
 * else, for a SQLite file, the one in `<database>.secret` beside it, made on first start (only
 * its owner may read it). A copy of the database alone then still cannot tell whose counts are
 * whose, and a restart keeps counting. Undefined for a database in memory, or PostgreSQL without
 * either setting: each process then makes a key of its own.
 */
export function configuredSecret(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PEERKIT_SECRET) return env.PEERKIT_SECRET;
  const location = databaseLocation(env);
  const file =
    env.PEERKIT_SECRET_FILE ||
    (isPostgresUrl(location) || location === ':memory:' ? undefined : `${resolve(location)}.secret`);
  if (!file) return undefined;
  try {
    // Made whole under another name, then linked into place: of processes starting at once, the
    // first link wins and every process reads the same key.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(draft, { force: true });
    }
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < 16) throw new Error('it holds fewer than 16 characters');
    return secret;
  } catch (error) {
    throw new SettingError(`Could not read or make the secret key file ${file}: ${(error as Error).message}`);
  }
}

/** `PEERKIT_SEED`: whether an empty database gets the demo organisation. */
export function seedsDemo(env: NodeJS.ProcessEnv) {
  const value = env.PEERKIT_SEED ?? 'demo';
  if (value !== 'demo' && value !== 'none') {
    throw new SettingError(`PEERKIT_SEED must be "demo" or "none" (got "${value}").`);
  }
  return value === 'demo';
}
