import { Hono } from 'hono';
import { z } from 'zod';
import { Id } from '../../src/contract/common.js';
import { BUS_FACTOR_MIN, type RatingSource, type SkillLevel } from '../../src/contract/rules.js';
import {
  NewRating,
  SkillMatrixQuery,
  type Expert,
  type MatrixPerson,
  type Rating,
  type Skill,
  type SkillGap,
  type SkillMatrix,
} from '../../src/contract/skills.js';
import { levelSteps } from '../../src/testing/skills-seed.js';
import type { AppEnv } from '../auth.js';
import { leavers } from '../leavers.js';
import type { Db } from '../db/database.js';
import { ProblemError, validate } from '../problem.js';
import { mustExist } from './filters.js';
import { jsonBody } from '../body.js';

type RatingRow = { person_id: string; skill_id: string; source: string; level: number; assessed_at: string };

function toSkill(row: { id: string; name: string; category: string; synonyms: string }): Skill {
  return { id: row.id, name: row.name, category: row.category, synonyms: JSON.parse(row.synonyms) as string[] };
}

/** The newest rating of each person and skill: that is the person's current level. */
function current(rows: RatingRow[]): Map<string, RatingRow> {
  const newest = new Map<string, RatingRow>();
  for (const row of rows) {
    const key = `${row.person_id}|${row.skill_id}`;
    const seen = newest.get(key);
    if (!seen || row.assessed_at > seen.assessed_at) newest.set(key, row);
  }
  return newest;
}

/** The people of the skill map: those who have left are not in it. */
function matrixPeople(db: Db) {
  return db
    .selectFrom('people')
    .innerJoin('departments', 'departments.id', 'people.department_id')
    .select([
      'people.id',
      'people.name',
      'people.title',
      'people.has_photo',
      'people.photo_url',
      'people.department_id',
      'departments.name as department_name',
    ])
    .where('people.left_on', 'is', null);
}

function toMatrixPerson(
  row: {
    id: string;
    name: string;
    title: string;
    has_photo: number;
    photo_url: string | null;
    department_id: string;
    department_name: string;
  },
  apiBase: string,
): MatrixPerson {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    department: { id: row.department_id, name: row.department_name },
    photoUrl: row.photo_url ?? (row.has_photo ? `${apiBase}/avatars/${encodeURIComponent(row.id)}.svg` : null),
  };
}

async function findSkill(db: Db, id: string) {
  const row = await db.selectFrom('skills').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ProblemError(404, 'Not found', `No skill has the id "${id}".`);
  return row;
}

export function skillRoutes(db: Db, apiBase: (url: string) => string) {
  const routes = new Hono<AppEnv>();

  routes.get('/skills', async (c) => {
    const { category } = validate(z.object({ category: z.string().max(60).optional() }), c.req.query(), 'query');
    await mustExist(db, { category: ['category', category] });
    let select = db.selectFrom('skills').selectAll();
    if (category) select = select.where('category', '=', category);
    const rows = await select.orderBy('category').orderBy('name').execute();
    return c.json({ items: rows.map(toSkill), nextCursor: null });
  });

  routes.get('/skill-levels', (c) => c.json({ items: levelSteps, nextCursor: null }));

  routes.get('/skill-matrix', async (c) => {
    const query = validate(SkillMatrixQuery, c.req.query(), 'query');
    await mustExist(db, {
      department: ['department', query.department],
      category: ['category', query.category],
      skills: ['skill', query.skills],
    });
    let peopleSelect = matrixPeople(db);
    if (query.department) peopleSelect = peopleSelect.where('people.department_id', '=', query.department);
    let skillSelect = db.selectFrom('skills').selectAll();
    if (query.category) skillSelect = skillSelect.where('category', '=', query.category);
    if (query.skills?.length) skillSelect = skillSelect.where('id', 'in', query.skills);
    const [peopleRows, skillRows] = await Promise.all([
      peopleSelect.orderBy('departments.name').orderBy('people.name').orderBy('people.id').execute(),
      skillSelect.orderBy('category').orderBy('name').execute(),
    ]);
    const base = apiBase(c.req.url);
    const people = peopleRows.map((row) => toMatrixPerson(row, base));
    const skills = skillRows.map(toSkill);
    const personIndex = new Map(people.map((p, i) => [p.id, i]));
    const skillIndex = new Map(skills.map((s, i) => [s.id, i]));
    const departmentIds = [...new Set(people.map((p) => p.department.id))];
    const [ratings, targets] = await Promise.all([
      skills.length && people.length
        ? db
            .selectFrom('skill_ratings')
            .selectAll()
            .where('skill_id', 'in', [...skillIndex.keys()])
            .$if(query.department !== undefined, (q) =>
              q.where('person_id', 'in', (eb) =>
                eb.selectFrom('people').select('people.id').where('people.department_id', '=', query.department!),
              ),
            )
            .execute()
        : Promise.resolve([]),
      departmentIds.length && skills.length
        ? db
            .selectFrom('skill_targets')
            .selectAll()
            .where('department_id', 'in', departmentIds)
            .where('skill_id', 'in', [...skillIndex.keys()])
            .orderBy('department_id')
            .orderBy('skill_id')
            .execute()
        : Promise.resolve([]),
    ]);
    const cells: SkillMatrix['cells'] = [];
    for (const row of current(ratings).values()) {
      const p = personIndex.get(row.person_id);
      const s = skillIndex.get(row.skill_id);
      if (p === undefined || s === undefined) continue;
      cells.push([p, s, row.level as SkillLevel, row.source as RatingSource, row.assessed_at]);
    }
    cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const body: SkillMatrix = {
      people,
      skills,
      cells,
      targets: targets.map((t) => ({
        departmentId: t.department_id,
        skillId: t.skill_id,
        level: t.level as SkillLevel,
      })),
      levels: [...levelSteps],
    };
    return c.json(body);
  });

  routes.get('/skills/:id/experts', async (c) => {
    const id = validate(Id, c.req.param('id'), 'skill id');
    const { limit } = validate(
      z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
      c.req.query(),
      'query',
    );
    await findSkill(db, id);
    const rows = await db
      .selectFrom('skill_ratings')
      .selectAll()
      .where('skill_id', '=', id)
      .where('person_id', 'not in', leavers(db))
      .execute();
    const best = [...current(rows).values()]
      .filter((r) => r.level >= 1)
      .sort((a, b) => b.level - a.level || a.person_id.localeCompare(b.person_id))
      .slice(0, limit);
    if (best.length === 0) return c.json({ items: [], nextCursor: null });
    const ids = best.map((r) => r.person_id);
    const [people, mentors] = await Promise.all([
      matrixPeople(db).where('people.id', 'in', ids).execute(),
      db
        .selectFrom('mentor_profiles')
        .select('person_id')
        .where('person_id', 'in', ids)
        .where('hidden', '=', 0)
        .execute(),
    ]);
    const base = apiBase(c.req.url);
    const byId = new Map(people.map((p) => [p.id, toMatrixPerson(p, base)]));
    const mentorIds = new Set(mentors.map((m) => m.person_id));
    const items: Expert[] = best.map((r) => ({
      person: byId.get(r.person_id)!,
      level: r.level as SkillLevel,
      source: r.source as RatingSource,
      mentor: mentorIds.has(r.person_id),
    }));
    return c.json({ items, nextCursor: null });
  });

  routes.get('/skill-gaps', async (c) => {
    const { department } = validate(z.object({ department: Id }), c.req.query(), 'query');
    await mustExist(db, { department: ['department', department] });
    const [targets, team] = await Promise.all([
      db
        .selectFrom('skill_targets')
        .innerJoin('skills', 'skills.id', 'skill_targets.skill_id')
        .select(['skills.id', 'skills.name', 'skills.category', 'skills.synonyms', 'skill_targets.level as target'])
        .where('skill_targets.department_id', '=', department)
        .orderBy('skills.name')
        .execute(),
      db
        .selectFrom('people')
        .select('id')
        .where('department_id', '=', department)
        .where('left_on', 'is', null)
        .execute(),
    ]);
    const ratings = targets.length
      ? await db
          .selectFrom('skill_ratings')
          .selectAll()
          .where(
            'skill_id',
            'in',
            targets.map((t) => t.id),
          )
          .where(
            'person_id',
            'in',
            team.map((p) => p.id),
          )
          .execute()
      : [];
    const levels = current(ratings);
    const items: SkillGap[] = targets.map((t) => {
      const atTarget = team.filter((p) => (levels.get(`${p.id}|${t.id}`)?.level ?? -1) >= t.target).length;
      return {
        skill: toSkill(t),
        target: t.target as SkillLevel,
        atTarget,
        below: team.length - atTarget,
        busFactor: atTarget < BUS_FACTOR_MIN,
      };
    });
    // The riskiest first: bus-factor skills, then the largest share below target.
    items.sort((a, b) => Number(b.busFactor) - Number(a.busFactor) || b.below - a.below);
    return c.json({ items, nextCursor: null });
  });

  routes.put('/me/skills/:skillId', async (c) => {
    const skillId = validate(Id, c.req.param('skillId'), 'skill id');
    const { level } = validate(NewRating, await jsonBody(c), 'request body');
    await findSkill(db, skillId);
    const row = {
      person_id: c.get('personId'),
      skill_id: skillId,
      source: 'self',
      level,
      assessed_at: new Date().toISOString(),
    };
    await db
      .insertInto('skill_ratings')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['person_id', 'skill_id', 'source']).doUpdateSet({ level, assessed_at: row.assessed_at }),
      )
      .execute();
    const rating: Rating = {
      personId: row.person_id,
      skillId,
      level: level as SkillLevel,
      source: 'self',
      assessedAt: row.assessed_at,
    };
    return c.json(rating);
  });

  return routes;
}
