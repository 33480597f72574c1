import { Hono } from 'hono';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Id } from '../../src/contract/common.js';
import { matchReasons, scoreMatch } from '../../src/contract/matching.js';
import {
  MentorSettings,
  MentorshipConflict,
  MentorsQuery,
  NewMentorshipRequest,
  RequestState,
  type Circle,
  type RequestAction,
  type MentorMatch,
  type MentorProfile,
  type MentorshipRequest,
} from '../../src/contract/mentors.js';
import type { AppEnv } from '../auth.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { invalidDetail } from '../../src/contract/problems.js';
import { ProblemError, validate } from '../problem.js';
import { mustExist } from './filters.js';
import { selectPeople, toPerson } from './people.js';
import { leavers } from '../leavers.js';
import { jsonBody } from '../body.js';

const REQUEST_LIFETIME_MS = 14 * 86_400_000;

const conflict = (type: string, title: string, detail: string) => new ProblemError(409, title, detail, { type });

function toRequest(row: Database['mentorship_requests']): MentorshipRequest {
  return {
    id: row.id,
    menteeId: row.mentee_id,
    mentorId: row.mentor_id,
    goal: row.goal,
    message: row.message,
    state: row.state as MentorshipRequest['state'],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    respondedAt: row.responded_at,
  };
}

async function circlesFor(db: Db, meId: string, where: { leadIds?: string[]; ids?: string[] }): Promise<Circle[]> {
  // A circle whose lead has left meets no more.
  let query = db.selectFrom('circles').selectAll().where('lead_id', 'not in', leavers(db));
  if (where.leadIds) query = query.where('lead_id', 'in', where.leadIds.length ? where.leadIds : ['']);
  if (where.ids) query = query.where('id', 'in', where.ids.length ? where.ids : ['']);
  const rows = await query.orderBy('topic').execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('circle_members')
    .select(['circle_id', 'person_id'])
    .where(
      'circle_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) => {
    const ofCircle = members.filter((m) => m.circle_id === row.id);
    return {
      id: row.id,
      topic: row.topic,
      description: row.description,
      leadId: row.lead_id,
      capacity: row.capacity,
      memberCount: ofCircle.length,
      joined: ofCircle.some((m) => m.person_id === meId),
    };
  });
}

/** Full profiles of the given mentors, in the order given; unknown ids, and those who left, are left out. */
export async function loadProfiles(db: Db, ids: string[], meId: string, apiBase: string): Promise<MentorProfile[]> {
  if (ids.length === 0) return [];
  const [profiles, people, expertise, goals, circles, open] = await Promise.all([
    db.selectFrom('mentor_profiles').selectAll().where('person_id', 'in', ids).execute(),
    selectPeople(db).where('people.id', 'in', ids).where('people.left_on', 'is', null).execute(),
    db
      .selectFrom('mentor_expertise')
      .innerJoin('skills', 'skills.id', 'mentor_expertise.skill_id')
      .select(['mentor_expertise.person_id', 'skills.id', 'skills.name', 'mentor_expertise.level'])
      .where('mentor_expertise.person_id', 'in', ids)
      .orderBy('mentor_expertise.level', 'desc')
      .orderBy('skills.name')
      .execute(),
    db
      .selectFrom('learning_goals')
      .innerJoin('skills', 'skills.id', 'learning_goals.skill_id')
      .select(['learning_goals.person_id', 'skills.id', 'skills.name'])
      .where('learning_goals.person_id', 'in', ids)
      .orderBy('skills.name')
      .execute(),
    circlesFor(db, meId, { leadIds: ids }),
    // The reader's own open request or running mentorship; a pending one past its expiry is over.
    db
      .selectFrom('mentorship_requests')
      .select(['id', 'mentor_id', 'state'])
      .where('mentee_id', '=', meId)
      .where('mentor_id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('state', '=', 'accepted'),
          eb.and([eb('state', '=', 'pending'), eb('expires_at', '>=', new Date().toISOString())]),
        ]),
      )
      .execute(),
  ]);
  const openByMentor = new Map(open.map((r) => [r.mentor_id, r]));
  const profileById = new Map(profiles.map((p) => [p.person_id, p]));
  const personById = new Map(people.map((p) => [p.id, p]));
  return ids
    .filter((id) => profileById.has(id) && personById.has(id))
    .map((id) => {
      const profile = profileById.get(id)!;
      return {
        id,
        person: toPerson(personById.get(id)!, apiBase),
        bio: profile.bio,
        expertise: expertise
          .filter((e) => e.person_id === id)
          .map((e) => ({ skill: { id: e.id, name: e.name }, level: e.level })),
        wantsToLearn: goals.filter((g) => g.person_id === id).map((g) => ({ id: g.id, name: g.name })),
        capacity: profile.capacity,
        activeMentees: profile.active_mentees,
        accepting: profile.accepting === 1,
        hidden: profile.hidden === 1,
        medianResponseHours: profile.median_response_hours,
        circles: circles.filter((c) => c.leadId === id),
        yourRequest: yourRequest(openByMentor.get(id)),
      };
    });
}

function yourRequest(row: { id: string; state: string } | undefined): MentorProfile['yourRequest'] {
  return row ? { id: row.id, state: row.state === 'accepted' ? 'accepted' : 'pending' } : null;
}

/** Pending requests past their expiry become expired (lazily, before anything reads them). */
async function expireOld(db: Db) {
  await db
    .updateTable('mentorship_requests')
    .set({ state: 'expired' })
    .where('state', '=', 'pending')
    .where('expires_at', '<', new Date().toISOString())
    .execute();
}

/**
 * Holds the write lock of a row until the transaction ends, with an update that changes nothing
 * (the same SQL on SQLite and PostgreSQL), so that check-then-write steps on it take turns.
 * SQLite lets one writer in at a time anyway; PostgreSQL runs transactions side by side, and two
 * would otherwise both see the last free place. Resolves to whether the row exists.
 */
async function lockRow(trx: Db, table: 'mentor_profiles' | 'circles', key: string) {
  const result =
    table === 'circles'
      ? await trx
          .updateTable('circles')
          .set((eb) => ({ capacity: eb.ref('capacity') }))
          .where('id', '=', key)
          .executeTakeFirst()
      : await trx
          .updateTable('mentor_profiles')
          .set((eb) => ({ capacity: eb.ref('capacity') }))
          .where('person_id', '=', key)
          .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

async function findRequest(db: Db, id: string) {
  const row = await db.selectFrom('mentorship_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ProblemError(404, 'Not found', `No mentorship request has the id "${id}".`);
  return row;
}

/**
 * Either side ends a running mentorship: the request becomes `ended` and the mentor's place is
 * free again. Only the first of two ends sent at once changes anything; the other is told so.
 */
export async function endMentorship(trx: Db, request: Database['mentorship_requests'], byId: string) {
  if (request.mentor_id !== byId && request.mentee_id !== byId) {
    throw new ProblemError(403, 'Forbidden', 'Only the mentor or the mentee can end this mentorship.');
  }
  const ended = await trx
    .updateTable('mentorship_requests')
    .set({ state: 'ended' })
    .where('id', '=', request.id)
    .where('state', '=', 'accepted')
    .executeTakeFirst();
  if (Number(ended.numUpdatedRows) === 0) {
    const now = await findRequest(trx, request.id);
    throw conflict(
      MentorshipConflict.notActive,
      'Not a running mentorship',
      now.state === 'ended'
        ? 'This mentorship has already ended.'
        : `This request was never accepted (it is ${now.state}), so there is no mentorship to end.`,
    );
  }
  await trx
    .updateTable('mentor_profiles')
    .set((eb) => ({ active_mentees: eb('active_mentees', '-', 1) }))
    .where('person_id', '=', request.mentor_id)
    .where('active_mentees', '>', 0)
    .execute();
  return { ...request, state: 'ended' };
}

export function mentorRoutes(db: Db, apiBase: (url: string) => string) {
  const routes = new Hono<AppEnv>();

  routes.get('/mentors', async (c) => {
    const query = validate(MentorsQuery, c.req.query(), 'query');
    const me = c.get('personId');
    if (query.ids) {
      const ids = [...new Set(query.ids)];
      const items = await loadProfiles(db, ids, me, apiBase(c.req.url));
      const found = new Set(items.map((p) => p.id));
      return c.json({ items, nextCursor: null, missing: ids.filter((id) => !found.has(id)) });
    }
    await mustExist(db, { department: ['department', query.department], skill: ['skill', query.skill] });
    let select = db
      .selectFrom('mentor_profiles')
      .innerJoin('people', 'people.id', 'mentor_profiles.person_id')
      .select(['people.id', 'people.name'])
      .where('mentor_profiles.hidden', '=', 0)
      .where('people.left_on', 'is', null);
    if (query.department) select = select.where('people.department_id', '=', query.department);
    if (query.available === 'true') {
      select = select
        .where('mentor_profiles.accepting', '=', 1)
        .whereRef('mentor_profiles.active_mentees', '<', 'mentor_profiles.capacity');
    }
    if (query.skill) {
      const skill = query.skill;
      select = select.where((eb) =>
        eb.exists(
          eb
            .selectFrom('mentor_expertise')
            .select('mentor_expertise.skill_id')
            .whereRef('mentor_expertise.person_id', '=', 'people.id')
            .where('mentor_expertise.skill_id', '=', skill),
        ),
      );
    }
    const offset = query.cursor ? Number.parseInt(query.cursor, 10) : 0;
    if (!Number.isInteger(offset) || offset < 0) {
      throw new ProblemError(400, 'Invalid request', 'The cursor is not one this API gave out.', {
        errors: [{ path: 'cursor', message: 'unknown cursor' }],
      });
    }
    const rows = await select
      .orderBy('people.name')
      .orderBy('people.id')
      .offset(offset)
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const items = await loadProfiles(
      db,
      page.map((r) => r.id),
      me,
      apiBase(c.req.url),
    );
    return c.json({ items, nextCursor: rows.length > query.limit ? String(offset + query.limit) : null });
  });

  routes.get('/mentors/:id', async (c) => {
    const id = validate(Id, c.req.param('id'), 'mentor id');
    const [profile] = await loadProfiles(db, [id], c.get('personId'), apiBase(c.req.url));
    if (!profile) throw new ProblemError(404, 'Not found', `"${id}" is not a mentor.`);
    return c.json(profile);
  });

  routes.get('/me/mentor-matches', async (c) => {
    const { limit } = validate(
      z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
      c.req.query(),
      'query',
    );
    const meId = c.get('personId');
    const me = await selectPeople(db).where('people.id', '=', meId).executeTakeFirstOrThrow();
    const wants = await db.selectFrom('learning_goals').select('skill_id').where('person_id', '=', meId).execute();
    const candidates = await db
      .selectFrom('mentor_profiles')
      .innerJoin('people', 'people.id', 'mentor_profiles.person_id')
      .innerJoin('departments', 'departments.id', 'people.department_id')
      .select([
        'people.id',
        'people.department_id',
        'departments.name as department_name',
        'people.time_zone',
        'mentor_profiles.capacity',
        'mentor_profiles.active_mentees',
        'mentor_profiles.median_response_hours',
      ])
      .where('mentor_profiles.hidden', '=', 0)
      .where('people.left_on', 'is', null)
      .where('mentor_profiles.accepting', '=', 1)
      .whereRef('mentor_profiles.active_mentees', '<', 'mentor_profiles.capacity')
      .where('people.id', '!=', meId)
      .execute();
    const expertise = await db.selectFrom('mentor_expertise').selectAll().execute();
    const subject = {
      departmentId: me.department_id,
      timeZone: me.time_zone,
      wantsToLearn: wants.map((w) => w.skill_id),
    };
    const scored = candidates
      .map((m) => ({
        id: m.id,
        result: scoreMatch(subject, {
          departmentId: m.department_id,
          departmentName: m.department_name,
          timeZone: m.time_zone,
          expertise: expertise
            .filter((e) => e.person_id === m.id)
            .map((e) => ({ skillId: e.skill_id, level: e.level })),
          capacity: m.capacity,
          activeMentees: m.active_mentees,
          medianResponseHours: m.median_response_hours,
        }),
      }))
      .sort((a, b) => b.result.score - a.result.score || a.id.localeCompare(b.id))
      .slice(0, limit);
    const profiles = await loadProfiles(
      db,
      scored.map((s) => s.id),
      meId,
      apiBase(c.req.url),
    );
    const items: MentorMatch[] = scored.map((s, index) => {
      const mentor = profiles[index];
      return { mentor, score: Math.min(100, s.result.score), reasons: matchReasons(mentor, s.result) };
    });
    return c.json({ items, nextCursor: null });
  });

  routes.post('/mentorship-requests', async (c) => {
    const body = validate(NewMentorshipRequest, await jsonBody(c), 'request body');
    const meId = c.get('personId');
    if (body.mentorId === meId) {
      throw conflict(MentorshipConflict.self, 'Cannot mentor yourself', 'You cannot request mentorship from yourself.');
    }
    await expireOld(db);
    const created = await db.transaction().execute(async (trx) => {
      // Requests to one mentor take turns, so that two sent at once cannot both be the open one.
      await lockRow(trx, 'mentor_profiles', body.mentorId);
      const mentor = await trx
        .selectFrom('mentor_profiles')
        .selectAll()
        .where('person_id', '=', body.mentorId)
        .where('person_id', 'not in', leavers(trx))
        .executeTakeFirst();
      if (!mentor) throw new ProblemError(404, 'Not found', `"${body.mentorId}" is not a mentor.`);
      if (!mentor.accepting) {
        throw conflict(
          MentorshipConflict.notAccepting,
          'Not accepting mentees',
          'This mentor is not taking new mentees right now.',
        );
      }
      if (mentor.active_mentees >= mentor.capacity) {
        throw conflict(MentorshipConflict.full, 'Mentor is full', 'This mentor has no free places at the moment.');
      }
      const open = await trx
        .selectFrom('mentorship_requests')
        .select('id')
        .where('mentee_id', '=', meId)
        .where('mentor_id', '=', body.mentorId)
        .where('state', 'in', ['pending', 'accepted'])
        .executeTakeFirst();
      if (open) {
        throw conflict(
          MentorshipConflict.duplicate,
          'Request already open',
          'You already have an open request or mentorship with this mentor.',
        );
      }
      const now = new Date();
      const row = {
        id: `r-${randomUUID()}`,
        mentee_id: meId,
        mentor_id: body.mentorId,
        goal: body.goal,
        message: body.message,
        state: 'pending',
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + REQUEST_LIFETIME_MS).toISOString(),
        responded_at: null,
      };
      await trx.insertInto('mentorship_requests').values(row).execute();
      return row;
    });
    return c.json(toRequest(created), 201, { Location: `${apiBase(c.req.url)}/mentorship-requests/${created.id}` });
  });

  routes.patch('/me/mentor-profile', async (c) => {
    const changes = validate(MentorSettings, await jsonBody(c), 'request body');
    const meId = c.get('personId');
    await db.transaction().execute(async (trx) => {
      // Takes turns with requests being accepted, so that the capacity is checked against the mentees there are.
      if (!(await lockRow(trx, 'mentor_profiles', meId))) {
        throw new ProblemError(404, 'Not a mentor', 'You have no mentor profile to change.');
      }
      const { active_mentees: mentees } = await trx
        .selectFrom('mentor_profiles')
        .select('active_mentees')
        .where('person_id', '=', meId)
        .executeTakeFirstOrThrow();
      if (changes.capacity !== undefined && changes.capacity < mentees) {
        const message = `at least ${mentees}, the mentees you have now`;
        throw new ProblemError(400, 'Invalid request', invalidDetail('request body', [{ path: 'capacity', message }]), {
          errors: [{ path: 'capacity', message }],
        });
      }
      await trx
        .updateTable('mentor_profiles')
        .set({
          ...(changes.accepting === undefined ? {} : { accepting: changes.accepting ? 1 : 0 }),
          ...(changes.capacity === undefined ? {} : { capacity: changes.capacity }),
          ...(changes.bio === undefined ? {} : { bio: changes.bio }),
        })
        .where('person_id', '=', meId)
        .execute();
    });
    const [profile] = await loadProfiles(db, [meId], meId, apiBase(c.req.url));
    return c.json(profile);
  });

  routes.get('/me/mentorship-requests', async (c) => {
    const { role, state } = validate(
      z.object({ role: z.enum(['mentor', 'mentee']).default('mentee'), state: RequestState.optional() }),
      c.req.query(),
      'query',
    );
    await expireOld(db);
    let select = db
      .selectFrom('mentorship_requests')
      .selectAll()
      .where(role === 'mentor' ? 'mentor_id' : 'mentee_id', '=', c.get('personId'));
    if (state) select = select.where('state', '=', state);
    // Open ones first, so that a long history never pushes a running mentorship off the list.
    const rows = await select
      .orderBy(sql`case when state in ('pending', 'accepted') then 0 else 1 end`)
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
    return c.json({ items: rows.map(toRequest), nextCursor: null });
  });

  routes.post('/mentorship-requests/:id/:action{accept|decline|withdraw|end}', async (c) => {
    const id = validate(Id, c.req.param('id'), 'request id');
    const action = c.req.param('action') as RequestAction;
    const meId = c.get('personId');
    await expireOld(db);
    const updated = await db.transaction().execute(async (trx) => {
      const request = await findRequest(trx, id);
      if (action === 'end') return endMentorship(trx, request, meId);
      const mayAct = action === 'withdraw' ? request.mentee_id === meId : request.mentor_id === meId;
      if (!mayAct)
        throw new ProblemError(
          403,
          'Forbidden',
          `Only the ${action === 'withdraw' ? 'mentee' : 'mentor'} can ${action} this request.`,
        );
      if (request.state !== 'pending') {
        throw conflict(
          MentorshipConflict.notPending,
          'Request not pending',
          `This request is already ${request.state}.`,
        );
      }
      // Only the first answer counts: the state changes only while it is still pending, so an
      // accept and a withdraw sent at once cannot both succeed.
      const state = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' }[action];
      const respondedAt = new Date().toISOString();
      const answered = await trx
        .updateTable('mentorship_requests')
        .set({ state, responded_at: respondedAt })
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      if (Number(answered.numUpdatedRows) === 0) {
        const now = await findRequest(trx, id);
        throw conflict(MentorshipConflict.notPending, 'Request not pending', `This request is already ${now.state}.`);
      }
      if (action === 'accept') {
        // One statement checks and takes the place, so racing accepts can never overfill.
        const taken = await trx
          .updateTable('mentor_profiles')
          .set((eb) => ({ active_mentees: eb('active_mentees', '+', 1) }))
          .where('person_id', '=', meId)
          .whereRef('active_mentees', '<', 'capacity')
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 0) {
          throw conflict(
            MentorshipConflict.full,
            'Mentor is full',
            'You have no free places; end a mentorship or raise your capacity first.',
          );
        }
      }
      return { ...request, state, responded_at: respondedAt };
    });
    return c.json(toRequest(updated));
  });

  routes.get('/circles', async (c) => {
    const items = await circlesFor(db, c.get('personId'), {});
    return c.json({ items, nextCursor: null });
  });

  routes.post('/circles/:id/join', async (c) => {
    const id = validate(Id, c.req.param('id'), 'circle id');
    const meId = c.get('personId');
    await db.transaction().execute(async (trx) => {
      // Joins of one circle take turns, so that two at once cannot both take its last place.
      await lockRow(trx, 'circles', id);
      const circle = await trx
        .selectFrom('circles')
        .selectAll()
        .where('id', '=', id)
        .where('lead_id', 'not in', leavers(trx))
        .executeTakeFirst();
      if (!circle) throw new ProblemError(404, 'Not found', `No circle has the id "${id}".`);
      const members = await trx.selectFrom('circle_members').select('person_id').where('circle_id', '=', id).execute();
      if (members.some((m) => m.person_id === meId)) {
        throw conflict(MentorshipConflict.alreadyMember, 'Already a member', 'You are already in this circle.');
      }
      if (members.length >= circle.capacity) {
        throw conflict(MentorshipConflict.circleFull, 'Circle is full', 'This circle has no free places.');
      }
      await trx
        .insertInto('circle_members')
        .values({ circle_id: id, person_id: meId, joined_at: new Date().toISOString() })
        .execute();
    });
    const [circle] = await circlesFor(db, meId, { ids: [id] });
    return c.json(circle);
  });

  // Leaving frees the place at once. Leaving a circle you are not in changes nothing and answers
  // the same (a retry whose first answer was lost), so it needs no Idempotency-Key.
  routes.post('/circles/:id/leave', async (c) => {
    const id = validate(Id, c.req.param('id'), 'circle id');
    const meId = c.get('personId');
    const [found] = await circlesFor(db, meId, { ids: [id] });
    if (!found) throw new ProblemError(404, 'Not found', `No circle has the id "${id}".`);
    await db.deleteFrom('circle_members').where('circle_id', '=', id).where('person_id', '=', meId).execute();
    const [circle] = await circlesFor(db, meId, { ids: [id] });
    return c.json(circle);
  });

  return routes;
}
