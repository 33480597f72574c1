import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../server/db/database.js';
import { freshLocation } from './helpers.js';

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
});
