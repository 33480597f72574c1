import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../../server/db/database.js';
import { freshLocation, makeApp, onPostgres } from '../helpers.js';

// What only PostgreSQL has to prove. Every other server test also runs on it (`npm run test:server:postgres`).
describe('on PostgreSQL', () => {
  before(() => {
    assert.ok(onPostgres, 'run with PEERKIT_TEST_DATABASE_URL set: npm run test:server:postgres');
  });

  it(
    'lets several processes start at once on one empty database: one seeds, all serve',
    { timeout: 60_000 },
    async () => {
      const location = await freshLocation();
      const opened = await Promise.allSettled([1, 2, 3].map(() => openDatabase(location)));
      const dbs = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      try {
        for (const o of opened) if (o.status === 'rejected') throw o.reason;
        for (const db of dbs) {
          const count = await db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          assert.equal(Number(count.n), 180);
        }
        const migrations = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(dbs[0]);
        assert.equal(Number(migrations.rows[0].n), 7, 'each migration ran once');
      } finally {
        await Promise.all(dbs.map((db) => db.destroy()));
      }
    },
  );

  it('numbers new kudos after the seeded ones, and reads integers as numbers', async () => {
    const app = await makeApp();
    const newest = await app.db
      .selectFrom('kudos')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    const sent = await app.request('/api/kudos', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ recipientIds: ['u0002'], message: 'Numbered after the seed', valueIds: ['learning'] }),
    });
    assert.equal(sent.status, 201);
    const row = await app.db
      .selectFrom('kudos')
      .select(['seq', 'message'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.message, 'Numbered after the seed');
    assert.equal(typeof row.seq, 'number');
    assert.equal(row.seq, Number(newest.seq) + 1);
  });
});
