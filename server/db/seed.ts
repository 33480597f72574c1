import { createHash } from 'node:crypto';
import { departments, people, skills } from '../../src/testing/organisation.js';
import type { Db } from './database.js';

export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/** The demo token of a seeded person; only its hash is stored. */
export function demoToken(personId: string) {
  return `demo-${personId}`;
}

/** Fills an empty database with the seeded organisation. Does nothing when people exist. */
export async function seed(db: Db) {
  const existing = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('departments')
      .values(departments.map((d) => ({ id: d.id, name: d.name })))
      .execute();
    // The seeded list names every manager before their reports, so foreign keys hold row by row.
    const ordered = people;
    for (let start = 0; start < ordered.length; start += 50) {
      await trx
        .insertInto('people')
        .values(
          ordered.slice(start, start + 50).map((p) => ({
            id: p.id,
            name: p.name,
            email: p.email,
            title: p.title,
            department_id: p.departmentId,
            location: p.location,
            time_zone: p.timeZone,
            has_photo: p.hasPhoto ? 1 : 0,
            manager_id: p.managerId,
            languages: JSON.stringify(p.languages),
          })),
        )
        .execute();
    }
    const now = new Date().toISOString();
    for (let start = 0; start < people.length; start += 100) {
      await trx
        .insertInto('access_tokens')
        .values(
          people.slice(start, start + 100).map((p) => ({
            token_hash: hashToken(demoToken(p.id)),
            person_id: p.id,
            label: 'demo',
            created_at: now,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('skills')
      .values(
        skills.map((s) => ({ id: s.id, name: s.name, category: s.category, synonyms: JSON.stringify(s.synonyms) })),
      )
      .execute();
  });
}
