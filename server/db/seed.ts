import { feedbackTemplates, seedFeedback } from '../../src/testing/feedback-seed.js';
import {
  circles,
  departments,
  learningGoals,
  mentors,
  mentorshipRequests,
  people,
  skills,
} from '../../src/testing/organisation.js';
import { companyValues, seedKudos } from '../../src/testing/kudos-seed.js';
import { skillRatings, skillTargets } from '../../src/testing/skills-seed.js';
import { MENTION_PATTERN } from '../../src/contract/rules.js';
import { type Insertable, sql } from 'kysely';
import type { Dialect } from './migrations.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { DEMO_LABEL, hashToken } from '../tokens.js';
import { personRow } from '../organisation.js';

/** The demo token of a seeded person; only its hash is stored. */
export function demoToken(personId: string) {
  return `demo-${personId}`;
}

/** An arbitrary key of the advisory lock that one seeding holds. */
const SEED_LOCK = 7_315_020;

/** Fills an empty database with the seeded organisation, in a transaction. Does nothing when people exist. */
export async function seed(db: Db, dialect: Dialect = 'sqlite') {
  await db.transaction().execute((trx) => seedInto(trx, dialect));
}

/**
 * What `seed` does, inside a transaction the caller holds. Several server processes may start at
 * once on one database: one of them seeds, and the others wait for it and find the people. On
 * PostgreSQL they wait here, for an advisory lock; on SQLite the caller's `BEGIN IMMEDIATE` waits.
 */
export async function seedInto(trx: Db, dialect: Dialect) {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
  const existing = await trx
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return;
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
          ...personRow(p),
          has_photo: p.hasPhoto ? 1 : 0,
          manager_id: p.managerId,
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
          label: DEMO_LABEL,
          created_at: now,
        })),
      )
      .execute();
  }
  await trx
    .insertInto('skills')
    .values(skills.map((s) => ({ id: s.id, name: s.name, category: s.category, synonyms: JSON.stringify(s.synonyms) })))
    .execute();
  await seedMentoring(trx, now);
  await seedRecognition(trx, Date.now());
  if (dialect === 'postgres') {
    // The seeded kudos carry their numbers: the counter of new ones must start after them.
    await sql`select setval(pg_get_serial_sequence('kudos', 'seq'), (select max(seq) from kudos))`.execute(trx);
  }
  await insertChunked(
    trx,
    'skill_ratings',
    skillRatings.map((r) => ({
      person_id: r.personId,
      skill_id: r.skillId,
      source: r.source,
      level: r.level,
      assessed_at: r.assessedAt,
    })),
  );
  await insertChunked(
    trx,
    'skill_targets',
    skillTargets.map((t) => ({ department_id: t.departmentId, skill_id: t.skillId, level: t.level })),
  );
  await seedFeedbackHistory(trx, Date.now());
}

async function seedMentoring(trx: Db, now: string) {
  const goals = [...learningGoals].flatMap(([personId, ids]) =>
    ids.map((skillId) => ({ person_id: personId, skill_id: skillId })),
  );
  for (let start = 0; start < goals.length; start += 200) {
    await trx
      .insertInto('learning_goals')
      .values(goals.slice(start, start + 200))
      .execute();
  }
  const accepted = new Map<string, number>();
  for (const r of mentorshipRequests) {
    if (r.state === 'accepted') accepted.set(r.mentorId, (accepted.get(r.mentorId) ?? 0) + 1);
  }
  await trx
    .insertInto('mentor_profiles')
    .values(
      mentors.map((m) => ({
        person_id: m.personId,
        bio: m.bio,
        capacity: m.capacity,
        active_mentees: accepted.get(m.personId) ?? 0,
        accepting: m.accepting ? 1 : 0,
        hidden: m.hidden ? 1 : 0,
        median_response_hours: m.medianResponseHours,
      })),
    )
    .execute();
  await trx
    .insertInto('mentor_expertise')
    .values(
      mentors.flatMap((m) => m.expertise.map((e) => ({ person_id: m.personId, skill_id: e.skillId, level: e.level }))),
    )
    .execute();
  await trx
    .insertInto('mentorship_requests')
    .values(
      mentorshipRequests.map((r) => ({
        id: r.id,
        mentee_id: r.menteeId,
        mentor_id: r.mentorId,
        goal: r.goal,
        message: r.message,
        state: r.state,
        created_at: r.createdAt,
        // Seeded pending requests stay open until someone answers them.
        expires_at: r.state === 'pending' ? '2099-01-01T00:00:00.000Z' : r.createdAt,
        responded_at: r.state === 'pending' ? null : r.createdAt,
      })),
    )
    .execute();
  await trx
    .insertInto('circles')
    .values(
      circles.map((c) => ({
        id: c.id,
        topic: c.topic,
        description: c.description,
        lead_id: c.leadId,
        capacity: c.capacity,
      })),
    )
    .execute();
  await trx
    .insertInto('circle_members')
    .values(
      circles.flatMap((c) => c.memberIds.map((personId) => ({ circle_id: c.id, person_id: personId, joined_at: now }))),
    )
    .execute();
}

/** Chunks rows so that no insert passes SQLite's limit of bound variables. */
async function insertChunked<T extends keyof Database>(trx: Db, table: T, rows: Insertable<Database[T]>[], size = 200) {
  for (let start = 0; start < rows.length; start += size) {
    // Kysely cannot relate a generic table to its row type; the signature above keeps callers typed.
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + size) as never)
      .execute();
  }
}

async function seedRecognition(trx: Db, anchor: number) {
  await trx
    .insertInto('company_values')
    .values(companyValues.map((v, position) => ({ ...v, position })))
    .execute();
  const history = seedKudos(anchor);
  await insertChunked(
    trx,
    'kudos',
    history.map((k, index) => ({
      seq: index + 1,
      id: k.id,
      giver_id: k.giverId,
      message: k.message,
      visibility: k.visibility,
      created_at: k.createdAt,
    })),
  );
  const seqOf = (index: number) => index + 1;
  await insertChunked(
    trx,
    'kudos_recipients',
    history.flatMap((k, i) => k.recipientIds.map((person_id) => ({ kudos_seq: seqOf(i), person_id }))),
  );
  await insertChunked(
    trx,
    'kudos_values',
    history.flatMap((k, i) => k.valueIds.map((value_id) => ({ kudos_seq: seqOf(i), value_id }))),
  );
  await insertChunked(
    trx,
    'kudos_mentions',
    history.flatMap((k, i) =>
      [...new Set([...k.message.matchAll(MENTION_PATTERN)].map((m) => m[1]))].map((person_id) => ({
        kudos_seq: seqOf(i),
        person_id,
      })),
    ),
  );
  await insertChunked(
    trx,
    'kudos_reactions',
    history.flatMap((k, i) =>
      k.reactions.map((r) => ({
        kudos_seq: seqOf(i),
        person_id: r.personId,
        reaction: r.reaction,
        created_at: k.createdAt,
      })),
    ),
  );
}

async function seedFeedbackHistory(trx: Db, anchor: number) {
  await trx
    .insertInto('feedback_templates')
    .values(
      feedbackTemplates.map((t, position) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        kinds: JSON.stringify(t.kinds),
        questions: JSON.stringify(t.questions),
        position,
      })),
    )
    .execute();
  const templates = new Map(feedbackTemplates.map((t) => [t.id, t]));
  await insertChunked(
    trx,
    'feedback',
    seedFeedback(anchor).map((f) => ({
      id: f.id,
      template_id: f.templateId,
      template_name: templates.get(f.templateId)!.name,
      questions: JSON.stringify(templates.get(f.templateId)!.questions),
      recipient_id: f.recipientId,
      giver_id: f.giverId,
      kind: f.kind,
      answers: JSON.stringify(f.answers),
      visibility: f.visibility,
      anonymous: f.anonymous ? 1 : 0,
      received_on: f.receivedOn,
    })),
  );
}
