import type { MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import type { AppEnv } from './auth.js';
import type { Db } from './db/database.js';
import { ProblemError } from './problem.js';

/** A request still marked as running after this long is taken to have died with its process. */
const ABANDONED_MS = 30_000;
/** How long a concurrent retry waits for the first attempt to finish before it is told to come back. */
const WAIT_MS = 10_000;
const POLL_MS = 25;
/**
 * How long a key is kept. Most retries come within seconds, but a feedback form's outbox keeps a
 * send whose answer was lost until the reader opens the page again, which can be after a holiday.
 */
export const KEEP_MS = 30 * 24 * 60 * 60 * 1000;
/** How often each process forgets the keys older than that, at most. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Whose request a stored answer belongs to: a hash of the person, the route and the key, never
 * the person. A copy of the database (a backup, a dump) therefore cannot tell who sent what; in
 * particular it cannot name the giver of anonymous feedback, whose answer (the receipt: recipient,
 * kind) is kept here for replays. The key is random (the widgets use a UUID), so the hash cannot
 * be undone by trying every person.
 */
export function idempotencyOwner(personId: string, route: string, key: string) {
  return createHash('sha256')
    .update(JSON.stringify([personId, route, key]))
    .digest('base64url');
}

/** A finished answer keeps only the day it was given: enough to forget it after `KEEP_MS`, too little to line up with anything else. */
export const dayOnly = (iso: string) => `${iso.slice(0, 10)}T00:00:00.000Z`;

/** Forgets the answers kept longer than `KEEP_MS`. */
export async function pruneIdempotency(db: Db, now = Date.now()) {
  const before = new Date(now - KEEP_MS).toISOString();
  await db.deleteFrom('idempotency_records').where('created_at', '<', before).execute();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes sent with an `Idempotency-Key` are carried out once: a retry with the same key (by the
 * same person, to the same route) gets the first answer again instead of a second write.
 *
 * The key is reserved before the write runs (status 0), so two attempts that arrive together,
 * as a retry after a timeout and the slow original can, do not both write: the second waits for
 * the first answer. Reusing a key for a different request body is refused with 422. Keys are
 * kept for 30 days (`KEEP_MS`). No row names the person (`idempotencyOwner`).
 */
export function idempotency(db: Db): MiddlewareHandler<AppEnv> {
  let pruned = 0;
  return async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (!key || c.req.method === 'GET') return next();
    if (key.length > 200) throw new ProblemError(400, 'Invalid request', 'The Idempotency-Key is too long.');
    if (Date.now() - pruned > PRUNE_EVERY_MS) {
      // Kept for 30 days, so that the table does not grow for ever: one statement an hour per process.
      pruned = Date.now();
      await pruneIdempotency(db, pruned);
    }
    const owner = idempotencyOwner(c.get('personId'), `${c.req.method} ${new URL(c.req.url).pathname}`, key);
    const requestHash = createHash('sha256')
      .update(await c.req.raw.clone().text())
      .digest('base64url');
    const row = () => db.selectFrom('idempotency_records').selectAll().where('owner', '=', owner).executeTakeFirst();
    const reserve = async () => {
      const result = await db
        .insertInto('idempotency_records')
        .values({
          owner,
          status: 0,
          body: '',
          request_hash: requestHash,
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    };

    const deadline = Date.now() + WAIT_MS;
    while (!(await reserve())) {
      const stored = await row();
      if (!stored) continue; // released between the two statements: try to reserve again
      if (stored.request_hash && stored.request_hash !== requestHash) {
        throw new ProblemError(
          422,
          'Idempotency-Key reused',
          'This Idempotency-Key was first sent with a different request; use a new key for a new request.',
        );
      }
      if (stored.status > 0) {
        return c.body(stored.body, stored.status as 200, {
          'Content-Type': stored.status >= 400 ? 'application/problem+json' : 'application/json',
          'Idempotent-Replayed': 'true',
          ...(stored.location ? { Location: stored.location } : {}),
        });
      }
      if (Date.now() - Date.parse(stored.created_at) > ABANDONED_MS) {
        await release(db, owner);
        continue;
      }
      if (Date.now() > deadline) {
        throw new ProblemError(
          409,
          'Request in progress',
          'A request with this Idempotency-Key is still being processed; try again shortly.',
          {},
          { 'Retry-After': '1' },
        );
      }
      await sleep(POLL_MS);
    }

    try {
      await next();
    } catch (error) {
      await release(db, owner);
      throw error;
    }
    // Server errors are not kept: the client may try again and succeed.
    if (c.res.status >= 500) {
      await release(db, owner);
      return;
    }
    // Read once and answered anew, not through clone(): after its clone had been read, the original
    // answer was at times found unreadable later ("Body is unusable"), seen under load on PostgreSQL.
    const text = await c.res.text();
    const { status, headers } = c.res;
    c.res = undefined;
    c.res = new Response(text, { status, headers });
    await db
      .updateTable('idempotency_records')
      .set({ status, body: text, location: headers.get('Location'), created_at: dayOnly(new Date().toISOString()) })
      .where('owner', '=', owner)
      .execute();
  };
}

function release(db: Db, owner: string) {
  return db.deleteFrom('idempotency_records').where('owner', '=', owner).where('status', '=', 0).execute();
}
