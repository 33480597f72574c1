import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../server/db/database.js';
import { migrate, type IdempotencyBefore0009 } from '../../server/db/migrations.js';
import { freshLocation, makeApp, onPostgres } from './helpers.js';

describe('database', () => {
  it('seeds a realistic organisation: 150+ people, 8+ departments, skills, managers that exist', async () => {
    const db = await openDatabase(await freshLocation());
    const people = await db.selectFrom('people').selectAll().execute();
    const departments = await db.selectFrom('departments').selectAll().execute();
    const skills = await db.selectFrom('skills').selectAll().execute();
    assert.ok(people.length >= 150);
    assert.ok(departments.length >= 8);
    assert.ok(skills.length >= 30);
    assert.ok(new Set(skills.map((s) => s.category)).size >= 5);
    const ids = new Set(people.map((p) => p.id));
    assert.ok(people.every((p) => p.manager_id === null || ids.has(p.manager_id)));
    assert.ok(new Set(people.map((p) => p.time_zone)).size >= 8);
    assert.ok(people.some((p) => !p.has_photo) && people.some((p) => p.has_photo));
    await db.destroy();
  });

  it('seeds the same organisation every time', async () => {
    const a = await openDatabase(await freshLocation());
    const b = await openDatabase(await freshLocation());
    const rows = (db: typeof a) => db.selectFrom('people').selectAll().orderBy('id').execute();
    assert.deepEqual(await rows(a), await rows(b));
    await a.destroy();
    await b.destroy();
  });

  it('uses WAL on a file, migrates once and seeds once across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerkit-db-'));
    try {
      const file = join(dir, 'peerkit.db');
      const first = await openDatabase(file);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(first);
      assert.equal(mode.rows[0].journal_mode, 'wal');
      await first.destroy();
      const second = await openDatabase(file);
      const count = await second
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 180);
      await second.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still replays a send kept for retries before the upgrade that stopped naming people', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerkit-upgrade-'));
    try {
      const location = onPostgres ? await freshLocation() : join(dir, 'peerkit.db');
      const old = new Kysely<IdempotencyBefore0009>({
        dialect: onPostgres
          ? new PostgresDialect({ pool: new pg.Pool({ connectionString: location }) })
          : new SqliteDialect({ database: new SQLite(location) }),
      });
      await migrate(old as Kysely<unknown>, onPostgres ? 'postgres' : 'sqlite', { to: '0008_rate_windows' });
      const body = JSON.stringify({
        recipientIds: ['u0002'],
        message: 'Sent before the upgrade',
        valueIds: ['ownership'],
      });
      const sentAt = new Date(Date.now() - 3_600_000).toISOString();
      await old
        .insertInto('idempotency_keys')
        .values({
          person_id: 'u0001',
          key: 'sent-before',
          route: 'POST /api/kudos',
          status: 201,
          body: JSON.stringify({ id: 'kept-before-the-upgrade' }),
          request_hash: createHash('sha256').update(body).digest('base64url'),
          created_at: sentAt,
        })
        .execute();
      await old.destroy();

      const { db, request } = await makeApp({}, location);
      const post = (as: string) =>
        request('/api/kudos', {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'sent-before' },
          as,
        });
      const replay = await post('u0001');
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await replay.json(), { id: 'kept-before-the-upgrade' });
      const other = await post('u0003');
      assert.equal(other.status, 201);
      assert.equal(other.headers.get('Idempotent-Replayed'), null, "another person's key is their own");

      const kept = await db.selectFrom('idempotency_records').selectAll().execute();
      assert.equal(kept.length, 2);
      for (const row of kept) {
        // The answer itself (a kudos here) may name people; what it is filed under must not.
        const filing = Object.entries(row).filter(([column]) => column !== 'body');
        assert.deepEqual(filing.map(([column]) => column).sort(), [
          'created_at',
          'location',
          'owner',
          'request_hash',
          'status',
        ]);
        assert.ok(
          !JSON.stringify(filing).includes('u000'),
          `a kept answer names its person: ${JSON.stringify(filing)}`,
        );
        assert.match(row.created_at, /T00:00:00\.000Z$/);
      }
      assert.ok(kept.some((row) => row.created_at === `${sentAt.slice(0, 10)}T00:00:00.000Z`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
