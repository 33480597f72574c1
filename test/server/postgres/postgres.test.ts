import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../../server/db/database.js';
import { migrationsFor } from '../../../server/db/migrations.js';
import pg from 'pg';
import { everyGetPath, freshLocation, makeApp, onPostgres, postgresUrl } from '../helpers.js';

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
        const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(dbs[0]);
        assert.deepEqual(
          migrations.rows.map((row) => row.name),
          Object.keys(migrationsFor('postgres')),
          'each migration ran once',
        );
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

describe('PostgreSQL and SQLite', () => {
  it('answer every GET of the API alike, in the same order', { timeout: 120_000 }, async () => {
    const sqlite = await makeApp({}, ':memory:');
    const postgres = await makeApp();
    const paths = await everyGetPath(sqlite, {
      '{id}': ['u0001', 'u0002', 'u0033', 'sbi', 'k0001'],
      '{skillId}': ['ts'],
    });
    paths.push(
      '/people?q=an&limit=50',
      '/people?department=eng&limit=100',
      '/people?ids=u0003,u0001,u0002',
      '/kudos?limit=100',
      '/kudos?team=eng&limit=50',
      '/kudos?value=learning&limit=50',
      '/kudos?person=u0002&limit=50',
      '/skill-matrix?department=eng',
      '/skill-matrix?category=Engineering',
      '/skills/ts/experts?limit=20',
      '/skill-gaps?department=eng',
      '/mentors?limit=50',
      '/mentors/u0002',
      '/me/mentor-matches?limit=20',
      '/me/mentorship-requests?role=mentor',
      '/me/mentorship-requests?role=mentee',
      '/circles',
    );
    assert.ok(paths.length > 30, `${paths.length} paths`);
    // The two were seeded moments apart: the times of day differ, nothing else may.
    const answer = async (app: typeof sqlite, path: string, as: string) => {
      const response = await app.request(`/api${path}`, { as });
      const text = await response.text();
      return `${response.status} ${text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, '<time>')}`;
    };
    for (const as of ['u0001', 'u0033']) {
      for (const path of paths) {
        assert.equal(await answer(postgres, path, as), await answer(sqlite, path, as), `GET ${path} as ${as}`);
      }
    }
  });
});

describe('PostgreSQL connections', () => {
  it('keeps serving when the database drops its connections', async () => {
    const app = await makeApp();
    assert.equal((await app.request('/api/me')).status, 200);
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(app.db);
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      // What a restart of the database or a proxy's idle timeout does to the pool's open connections.
      const dropped = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [rows[0].name],
      );
      assert.ok(dropped.rowCount! >= 1, 'the pool had connections to drop');
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await app.request('/api/me')).status, 200);
    assert.equal((await app.request('/api/people?q=an')).status, 200);
  });
});

describe('live streams on PostgreSQL', () => {
  it('listen again after the listening connection is lost', { timeout: 60_000 }, async () => {
    const app = await makeApp({ eventPollMs: 100 });
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(app.db);
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const listeners = async () =>
      (
        await admin.query<{ pid: number }>(
          `select pid from pg_stat_activity where datname = $1 and query ilike 'listen %'`,
          [rows[0].name],
        )
      ).rows.map((row) => row.pid);
    const until = async (check: () => Promise<boolean>, what: string) => {
      const deadline = Date.now() + 20_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      const stream = await app.request('/api/kudos/stream');
      assert.equal(stream.status, 200);
      // Read and throw away what the stream sends, until the test cancels it.
      const reader = stream.body!.getReader();
      const reading = (async () => {
        while (!(await reader.read()).done);
      })();
      await until(async () => (await listeners()).length === 1, 'the stream listens');
      const [first] = await listeners();
      await admin.query('select pg_terminate_backend($1)', [first]);
      await until(async () => {
        const now = await listeners();
        return now.length === 1 && now[0] !== first;
      }, 'a new connection listens');
      await reader.cancel();
      await reading;
    } finally {
      await admin.end();
    }
  });
});
