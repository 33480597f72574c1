import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './auth.js';
import type { Db } from './db/database.js';
import { ProblemError } from './problem.js';

/**
 * Writes sent with an `Idempotency-Key` are carried out once: a retry with the same key (by the
 * same person, to the same route) gets the first answer again instead of a second write.
 */
export function idempotency(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (!key || c.req.method === 'GET') return next();
    if (key.length > 200) throw new ProblemError(400, 'Invalid request', 'The Idempotency-Key is too long.');
    const personId = c.get('personId');
    const route = `${c.req.method} ${new URL(c.req.url).pathname}`;
    const stored = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('person_id', '=', personId)
      .where('key', '=', key)
      .where('route', '=', route)
      .executeTakeFirst();
    if (stored) {
      return c.body(stored.body, stored.status as 200, {
        'Content-Type': 'application/json',
        'Idempotent-Replayed': 'true',
      });
    }
    await next();
    // Server errors are not stored: the client may try again and succeed.
    if (c.res.status < 500) {
      const body = await c.res.clone().text();
      await db
        .insertInto('idempotency_keys')
        .values({ person_id: personId, key, route, status: c.res.status, body, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  };
}
