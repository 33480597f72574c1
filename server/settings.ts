import { mkdirSync } from 'node:fs';
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
  const location = env.DATABASE_URL || env.PEERKIT_DB || resolve(root, 'data/peerkit.db');
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

/** `PEERKIT_SEED`: whether an empty database gets the demo organisation. */
export function seedsDemo(env: NodeJS.ProcessEnv) {
  const value = env.PEERKIT_SEED ?? 'demo';
  if (value !== 'demo' && value !== 'none') {
    throw new SettingError(`PEERKIT_SEED must be "demo" or "none" (got "${value}").`);
  }
  return value === 'demo';
}
