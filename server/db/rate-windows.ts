import { sql } from 'kysely';
import type { SharedWindow, SharedWindows } from '../limits.js';
import type { Db } from './database.js';

/** Rows per statement: 3 parameters each, well under SQLite's oldest limit of 999. */
const BATCH = 300;

/**
 * The rate limit's windows in the database (`rate_windows`), so that the server processes on
 * one database count each client's requests together. One upsert adds a process's new hits;
 * a window that ended before the hits were counted starts again with them. Windows that have
 * ended are deleted about once a window.
 */
export function databaseWindows(db: Db): SharedWindows {
  let swept = 0;
  return {
    async add(counted: SharedWindow[], windowMs: number) {
      const windows: SharedWindow[] = [];
      // In one order everywhere, so that two processes locking the same rows never wait for each other in a circle.
      const sorted = [...counted].sort((a, b) => (a.client < b.client ? -1 : a.client > b.client ? 1 : 0));
      const ended = sql<boolean>`rate_windows.started <= excluded.started - ${windowMs}`;
      for (let i = 0; i < sorted.length; i += BATCH) {
        const rows = await db
          .insertInto('rate_windows')
          .values(sorted.slice(i, i + BATCH))
          .onConflict((conflict) =>
            conflict.column('client').doUpdateSet({
              hits: sql`case when ${ended} then excluded.hits else rate_windows.hits + excluded.hits end`,
              started: sql`case when ${ended} then excluded.started else rate_windows.started end`,
            }),
          )
          .returning(['client', 'started', 'hits'])
          .execute();
        for (const row of rows)
          windows.push({ client: row.client, started: Number(row.started), hits: Number(row.hits) });
      }
      const now = Date.now();
      if (now - swept >= windowMs) {
        swept = now;
        await db
          .deleteFrom('rate_windows')
          .where('started', '<=', now - windowMs)
          .execute();
      }
      return windows;
    },
  };
}
