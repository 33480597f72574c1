import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPostgresUrl, openDatabase } from './db/database.js';
import { addressesOf, LOOPBACK } from './proxies.js';

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

/** The server's settings from the environment, beside the database's; a setting that cannot be meant as written stops it. */
export interface ServerSettings {
  port: number;
  host: string;
  corsOrigins: string[];
  trustedHeader?: string;
  /** The proxies whose `trustedHeader` is believed: addresses and ranges. */
  trustedProxies: string[];
  publicUrl?: string;
  bodyLimit?: number;
  /** Requests a minute per client; 0: no limit. */
  rateLimit: number;
  demoLogin: boolean;
  testHooks: boolean;
  accessLog: boolean;
  feedbackPerDay?: number;
  eventPollMs?: number;
}

/**
 * Reads and checks the server's settings. A value that is not what the setting takes stops the
 * server with a message naming it, rather than being read as something else: a rate limit of
 * "lots" would otherwise turn the limit off, `PEERKIT_DEMO_LOGIN=false` leave the demo sign-in on,
 * and an origin written with a path never match the browser's `Origin`.
 */
export function serverSettings(env: NodeJS.ProcessEnv): ServerSettings {
  const whole = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
      throw new SettingError(
        `${name} must be a whole number from ${min}${max < 1e15 ? ` to ${max}` : ''} (got "${value}").`,
      );
    }
    return number;
  };
  const flag = (name: string, fallback: boolean) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if (value !== '0' && value !== '1') throw new SettingError(`${name} must be 1 (on) or 0 (off) (got "${value}").`);
    return value === '1';
  };
  const corsOrigins = (env.PEERKIT_CORS_ORIGINS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : undefined;
      if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
        throw new SettingError(
          `PEERKIT_CORS_ORIGINS holds "${entry}", which is not an origin: write scheme, host and port only, as in https://intranet.example or http://localhost:3000.`,
        );
      }
      return url.origin;
    });
  const publicUrl = env.PEERKIT_PUBLIC_URL || undefined;
  if (publicUrl && !(URL.canParse(publicUrl) && /^https?:$/.test(new URL(publicUrl).protocol))) {
    throw new SettingError(
      `PEERKIT_PUBLIC_URL must be the API's whole public address, as in https://peerkit.intranet.example/api (got "${publicUrl}").`,
    );
  }
  const trustedHeader = env.PEERKIT_TRUSTED_HEADER || undefined;
  if (trustedHeader && !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(trustedHeader)) {
    throw new SettingError(
      `PEERKIT_TRUSTED_HEADER must be a header name, as in X-Remote-User (got "${trustedHeader}").`,
    );
  }
  const proxies = env.PEERKIT_TRUSTED_PROXIES?.trim();
  const trustedProxies = proxies ? proxies.split(',').map((entry) => entry.trim()) : [...LOOPBACK];
  try {
    addressesOf(trustedProxies);
  } catch (error) {
    throw new SettingError(`PEERKIT_TRUSTED_PROXIES: ${(error as Error).message}.`);
  }
  return {
    port: whole('PORT', 0, 65535) ?? 8080,
    host: env.HOST || '0.0.0.0',
    corsOrigins,
    trustedHeader,
    trustedProxies,
    publicUrl,
    bodyLimit: whole('PEERKIT_BODY_LIMIT', 1024),
    rateLimit: whole('PEERKIT_RATE_LIMIT', 0) ?? 1200,
    demoLogin: flag('PEERKIT_DEMO_LOGIN', true),
    testHooks: flag('PEERKIT_TEST_HOOKS', false),
    accessLog: flag('PEERKIT_ACCESS_LOG', false),
    feedbackPerDay: whole('PEERKIT_FEEDBACK_PER_DAY', 1),
    eventPollMs: whole('PEERKIT_EVENT_POLL_MS', 10),
  };
}
