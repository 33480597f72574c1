import { sql, type Insertable } from 'kysely';
import { z } from 'zod';
import { Id } from '../src/contract/common.js';
import { BIO_MAX, CAPACITY_MAX } from '../src/contract/rules.js';
import { FeedbackTemplate, type Question } from '../src/contract/feedback.js';
import type { SeedPerson } from '../src/testing/organisation.js';
import type { Db } from './db/database.js';
import type { Database } from './db/schema.js';
import { markBack, markLeft, today } from './leavers.js';
import { validate } from './problem.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Level = z.number().int().min(1).max(5);

const TimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone (for example "Europe/Berlin")');

const Language = z.string().refine((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}, 'not a language tag (for example "en" or "pt-BR")');

/** A photo is shown from where the file says, so only from the web: http or https, nothing else. */
const PhotoUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'not an absolute http or https URL');

const OrgPerson = z
  .object({
    id: Id,
    name: Text(200),
    email: z.email().max(254).toLowerCase(),
    title: z.string().trim().max(200).default(''),
    departmentId: Id,
    location: z.string().trim().max(200).default(''),
    timeZone: TimeZone,
    managerId: Id.nullable().default(null),
    /** Most preferred first. */
    languages: z.array(Language).max(10).default(['en']),
    photoUrl: PhotoUrl.nullable().default(null),
    /** Skills the person wants to learn, for mentor matching. Given, it replaces what is stored. */
    learningGoals: z.array(Id).max(50).optional(),
    /**
     * The day they left (YYYY-MM-DD). Given for someone stored, they leave (see `markLeft`); left
     * out or null for someone who had left, they are back.
     */
    leftOn: z.iso.date().nullable().default(null),
  })
  .strict();

const OrgMentor = z
  .object({
    personId: Id,
    bio: z.string().trim().max(BIO_MAX).default(''),
    capacity: z.number().int().min(0).max(CAPACITY_MAX),
    accepting: z.boolean().default(true),
    /** Replaces what is stored. */
    expertise: z
      .array(z.object({ skillId: Id, level: Level }).strict())
      .min(1)
      .max(30),
  })
  .strict();

/** The entries of each section of an organisation file. */
const Entries = {
  departments: z.object({ id: Id, name: Text(200) }).strict(),
  skills: z
    .object({
      id: Id,
      name: Text(100),
      category: Text(100),
      synonyms: z.array(Text(100)).max(20).default([]),
    })
    .strict(),
  /** Company values for kudos, in the order they are offered. */
  values: z.object({ id: Id, name: Text(100), description: z.string().trim().max(500), emoji: Text(16) }).strict(),
  people: OrgPerson,
  skillTargets: z.object({ departmentId: Id, skillId: Id, level: Level }).strict(),
  mentors: OrgMentor,
  /** Mentorship circles: a mentor leads a group on one topic; people join them from the mentor card. */
  circles: z
    .object({
      id: Id,
      topic: Text(200),
      description: z.string().trim().max(2000).default(''),
      leadId: Id,
      capacity: z.number().int().min(1).max(500),
    })
    .strict(),
  /** In the order they are offered. */
  feedbackTemplates: FeedbackTemplate.strict(),
};

/**
 * An organisation, as `npm run admin -- import` reads it and `export` writes it. Every section is
 * optional; each entry is added, or updates the stored one with its id. Nothing is deleted.
 */
export const OrganisationFile = z
  .object({
    departments: z.array(Entries.departments).default([]),
    skills: z.array(Entries.skills).default([]),
    values: z.array(Entries.values).default([]),
    people: z.array(Entries.people).default([]),
    skillTargets: z.array(Entries.skillTargets).default([]),
    mentors: z.array(Entries.mentors).default([]),
    circles: z.array(Entries.circles).default([]),
    feedbackTemplates: z.array(Entries.feedbackTemplates).default([]),
  })
  .strict();

export type OrganisationFile = z.input<typeof OrganisationFile>;
type Organisation = z.output<typeof OrganisationFile>;

/** What an import changed, section by section; of people also how many left and came back. */
export type ImportSummary = Record<
  keyof Organisation,
  { added: number; updated: number; left?: number; back?: number }
>;

/** An organisation file that cannot be imported; `errors` names each place, as `people.3.email`. */
export class ImportError extends Error {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(`${errors.length === 1 ? 'One problem' : `${errors.length} problems`} in the organisation file`);
  }
}

const CHUNK = 100;

/** A person's columns as the demo seed and an import both store them. */
export function personRow(p: Omit<SeedPerson, 'hasPhoto' | 'managerId'>) {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    title: p.title,
    department_id: p.departmentId,
    location: p.location,
    time_zone: p.timeZone,
    languages: JSON.stringify(p.languages),
  };
}

/** Thrown inside the transaction of a dry run, so that it rolls back what it wrote. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Adds or updates what the file holds, in one transaction: all of it, or (on any problem) nothing.
 * Every entry is checked first, including what it refers to (in the file or already stored).
 * `dryRun` does all of it and says what would change, then takes it back.
 */
export async function importOrganisation(
  db: Db,
  input: unknown,
  options: {
    dryRun?: boolean;
    /** The file lists everyone: stored people it leaves out have left, today. */
    markLeavers?: boolean;
    /**
     * How many may leave that way at most; more, and nothing is imported. By default a tenth of
     * the people there are (at least one): a file that lists one department only must not empty
     * the rest of the organisation.
     */
    maxLeavers?: number;
    /** Told what the organisation still lacks for a widget to work, once the file is in. */
    warn?: (message: string) => void;
    /** What counts as today (tests). */
    now?: Date;
  } = {},
): Promise<ImportSummary> {
  let parsed: Organisation | undefined;
  let shapeErrors: { path: string; message: string }[] = [];
  try {
    parsed = validate(OrganisationFile, input, 'organisation file');
  } catch (error) {
    const errors = (error as { extra?: { errors?: { path: string; message: string }[] } }).extra?.errors;
    if (!errors) throw error;
    shapeErrors = errors;
  }
  const run = db.transaction().execute(async (trx) => {
    const stored = {
      departments: await ids(trx, 'departments'),
      skills: await ids(trx, 'skills'),
      values: await ids(trx, 'company_values'),
      feedbackTemplates: await ids(trx, 'feedback_templates'),
      people: new Map(
        (await trx.selectFrom('people').select(['id', 'email', 'manager_id', 'left_on']).execute()).map((p) => [
          p.id,
          p,
        ]),
      ),
      circles: new Map(
        (
          await trx
            .selectFrom('circle_members')
            .select((eb) => ['circle_id', eb.fn.countAll<number>().as('members')])
            .groupBy('circle_id')
            .execute()
        ).map((c) => [c.circle_id, Number(c.members)]),
      ),
      storedCircles: await ids(trx, 'circles'),
      mentors: new Map(
        (await trx.selectFrom('mentor_profiles').select(['person_id', 'active_mentees']).execute()).map((m) => [
          m.person_id,
          m.active_mentees,
        ]),
      ),
    };
    const day = today(options.now);
    // Those a whole list leaves out, who have not left yet.
    const listed = new Set(parsed?.people.map((p) => p.id));
    const present = [...stored.people.values()].filter((p) => !p.left_on);
    const absent = options.markLeavers && parsed ? present.filter((p) => !listed.has(p.id)).map((p) => p.id) : [];
    const mostLeavers = options.maxLeavers ?? Math.max(1, Math.floor(present.length / 10));
    // A file of the wrong shape is refused, but its well-shaped entries are checked too, so that
    // one run names every problem.
    const errors = [
      ...shapeErrors,
      ...(parsed
        ? check(parsed, stored, { day, markLeavers: options.markLeavers === true })
        : checkWellShaped(input, stored, { day, markLeavers: options.markLeavers === true })),
      ...(absent.length > mostLeavers
        ? [
            {
              path: 'people',
              message: `leaves out ${absent.length} of the ${present.length} people there are, who would all leave; at most ${mostLeavers} may (--max-leavers=${absent.length} allows it)`,
            },
          ]
        : []),
    ];
    if (errors.length || !parsed) throw new ImportError(errors);
    const org = parsed;

    /** How many of the entries are new, and how many update a stored one. */
    const tally = (known: { has(id: string): boolean }, list: ({ id: string } | { personId: string })[]) => {
      const updated = list.filter((entry) => known.has('id' in entry ? entry.id : entry.personId)).length;
      return { added: list.length - updated, updated };
    };
    const summary: ImportSummary = {
      departments: tally(stored.departments, org.departments),
      skills: tally(stored.skills, org.skills),
      values: tally(stored.values, org.values),
      people: tally(stored.people, org.people),
      skillTargets: { added: 0, updated: 0 }, // counted below
      mentors: tally(stored.mentors, org.mentors),
      circles: tally(stored.storedCircles, org.circles),
      feedbackTemplates: tally(stored.feedbackTemplates, org.feedbackTemplates),
    };

    await upsert(trx, 'departments', ['id'], org.departments);
    await upsert(
      trx,
      'skills',
      ['id'],
      org.skills.map((s) => ({ ...s, synonyms: JSON.stringify(s.synonyms) })),
    );
    // Values and templates after those already stored, in the file's order.
    const nextPosition = async (table: 'company_values' | 'feedback_templates') =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.max('position').as('last'))
            .executeTakeFirst()
        )?.last ?? -1,
      ) + 1;
    const firstValue = await nextPosition('company_values');
    await upsert(
      trx,
      'company_values',
      ['id'],
      org.values.map((v, i) => ({ ...v, position: firstValue + i })),
    );
    // Emails that move between people in the file (two swapped, or one taken over) are put aside
    // first, so that no row holds another's email between two writes; `check` made sure each ends
    // with one person.
    const moving = org.people.filter((p) => {
      const known = stored.people.get(p.id);
      return known && known.email !== p.email;
    });
    for (const p of moving) {
      await trx
        .updateTable('people')
        .set({ email: `moving-${p.id}@invalid` })
        .where('id', '=', p.id)
        .execute();
    }
    // People without their managers first: a manager may come later in the file.
    await upsert(
      trx,
      'people',
      ['id'],
      org.people.map((p) => ({ ...personRow(p), photo_url: p.photoUrl })),
      { insertOnly: { has_photo: 0, manager_id: null } },
    );
    for (const p of org.people) {
      await trx.updateTable('people').set({ manager_id: p.managerId }).where('id', '=', p.id).execute();
      if (!p.learningGoals) continue;
      await trx.deleteFrom('learning_goals').where('person_id', '=', p.id).execute();
      const goals = [...new Set(p.learningGoals)].map((skillId) => ({ person_id: p.id, skill_id: skillId }));
      if (goals.length) await trx.insertInto('learning_goals').values(goals).execute();
    }
    for (const t of org.skillTargets) {
      const known = await trx
        .selectFrom('skill_targets')
        .select('level')
        .where('department_id', '=', t.departmentId)
        .where('skill_id', '=', t.skillId)
        .executeTakeFirst();
      summary.skillTargets[known ? 'updated' : 'added']++;
    }
    await upsert(
      trx,
      'skill_targets',
      ['department_id', 'skill_id'],
      org.skillTargets.map((t) => ({ department_id: t.departmentId, skill_id: t.skillId, level: t.level })),
    );
    await upsert(
      trx,
      'mentor_profiles',
      ['person_id'],
      org.mentors.map((m) => ({
        person_id: m.personId,
        bio: m.bio,
        capacity: m.capacity,
        accepting: m.accepting ? 1 : 0,
      })),
      { insertOnly: { active_mentees: 0, hidden: 0, median_response_hours: null } },
    );
    for (const m of org.mentors) {
      await trx.deleteFrom('mentor_expertise').where('person_id', '=', m.personId).execute();
      await trx
        .insertInto('mentor_expertise')
        .values(m.expertise.map((e) => ({ person_id: m.personId, skill_id: e.skillId, level: e.level })))
        .execute();
    }
    await upsert(
      trx,
      'circles',
      ['id'],
      org.circles.map((c) => ({
        id: c.id,
        topic: c.topic,
        description: c.description,
        lead_id: c.leadId,
        capacity: c.capacity,
      })),
    );
    const firstTemplate = await nextPosition('feedback_templates');
    await upsert(
      trx,
      'feedback_templates',
      ['id'],
      org.feedbackTemplates.map((t, i) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        kinds: JSON.stringify(t.kinds),
        questions: JSON.stringify(t.questions),
        position: firstTemplate + i,
      })),
    );
    // Last, so that what the file says of a mentor cannot undo what leaving does. Who leaves and
    // who comes back, by the file (and, with `markLeavers`, by whom it leaves out).
    const leaving = new Map<string, string[]>();
    for (const p of org.people) if (p.leftOn) leaving.set(p.leftOn, [...(leaving.get(p.leftOn) ?? []), p.id]);
    if (absent.length) leaving.set(day, [...(leaving.get(day) ?? []), ...absent]);
    summary.people.left = 0;
    for (const [on, ids] of leaving) summary.people.left += await markLeft(trx, ids, on);
    summary.people.back = await markBack(
      trx,
      org.people.filter((p) => !p.leftOn).map((p) => p.id),
    );
    for (const message of await stillMissing(trx)) options.warn?.(message);
    if (options.dryRun) throw new DryRun(summary);
    return summary;
  });
  return run.catch((error: unknown) => {
    if (error instanceof DryRun) return error.summary;
    throw error;
  });
}

/** What a widget cannot do without, and is not stored. */
async function stillMissing(trx: Db) {
  const none = async (table: 'company_values' | 'feedback_templates') =>
    !(await trx.selectFrom(table).select('id').limit(1).executeTakeFirst());
  return [
    ...((await none('company_values'))
      ? ['No company values are stored, so no kudos can be given: add some under "values".']
      : []),
    ...((await none('feedback_templates'))
      ? [
          'No feedback templates are stored, so the feedback form has none to offer: add some under "feedbackTemplates" (an export of the demo database has four).',
        ]
      : []),
  ];
}

async function ids(db: Db, table: 'departments' | 'skills' | 'company_values' | 'feedback_templates' | 'circles') {
  return new Set((await db.selectFrom(table).select('id').execute()).map((row) => row.id));
}

/**
 * Checks what the entries of the right shape refer to, in a file that failed its shape check.
 * Each keeps its index; the others are holes (a sparse array: `forEach`, `map` and `filter` pass
 * over them), and the ids they name count as there, so that a broken entry is named once, for
 * its shape, and not again by each entry that refers to it.
 */
function checkWellShaped(input: unknown, stored: Stored, options: { day: string; markLeavers: boolean }) {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const file = input as Record<string, unknown>;
  const org: Record<string, unknown[]> = {};
  const broken = new Set<string>();
  for (const [section, entry] of Object.entries(Entries)) {
    const list = file[section];
    const kept: unknown[] = [];
    if (Array.isArray(list)) {
      kept.length = list.length;
      list.forEach((item, i) => {
        const result = entry.safeParse(item);
        if (result.success) kept[i] = result.data;
        else if (item && typeof item === 'object' && 'id' in item && typeof item.id === 'string') broken.add(item.id);
        else if (item && typeof item === 'object' && 'personId' in item && typeof item.personId === 'string')
          broken.add(item.personId);
      });
    }
    org[section] = kept;
  }
  return check(org as unknown as Organisation, stored, options, broken);
}

type Stored = {
  departments: Set<string>;
  skills: Set<string>;
  people: Map<string, { id: string; email: string; manager_id: string | null }>;
  mentors: Map<string, number>;
  circles: Map<string, number>;
};

/**
 * Everything a database constraint would refuse, with where it is. The lists may have holes
 * (`checkWellShaped`): go over them with `forEach`, `map` or `filter`, never `for…of`.
 */
function check(
  org: Organisation,
  stored: Stored,
  options: { day: string; markLeavers: boolean },
  /** Ids of entries refused for their shape: not named again as missing. */
  broken = new Set<string>(),
) {
  const errors: { path: string; message: string }[] = [];
  if (options.markLeavers && org.people.length === 0) {
    errors.push({ path: 'people', message: 'lists no one: with --mark-leavers everyone stored would leave' });
  }
  org.people.forEach((p, i) => {
    if (p.leftOn && p.leftOn > options.day) {
      errors.push({ path: `people.${i}.leftOn`, message: `a day to come: import the file on ${p.leftOn} or later` });
    }
  });
  /** Two entries of a list with one key; `field` names the key's place in an entry, if it is one field. */
  const twice = <T>(section: string, list: T[], key: (item: T) => string, what = 'id', field = '') => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const k = key(item);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else
        errors.push({ path: `${section}.${i}${field}`, message: `the ${what} "${k}" is also at ${section}.${first}` });
    });
  };
  twice('departments', org.departments, (d) => d.id);
  twice('skills', org.skills, (s) => s.id);
  twice('values', org.values, (v) => v.id);
  twice('people', org.people, (p) => p.id);
  twice('people', org.people, (p) => p.email, 'email', '.email');
  twice('skillTargets', org.skillTargets, (t) => `${t.departmentId}/${t.skillId}`, 'department and skill');
  twice('mentors', org.mentors, (m) => m.personId, 'person');
  twice('feedbackTemplates', org.feedbackTemplates, (t) => t.id);
  twice('circles', org.circles, (c) => c.id);

  const departments = new Set([...stored.departments, ...org.departments.map((d) => d.id)]);
  const skills = new Set([...stored.skills, ...org.skills.map((s) => s.id)]);
  const managers = new Map([...stored.people].map(([id, p]) => [id, p.manager_id]));
  org.people.forEach((p) => managers.set(p.id, p.managerId));
  const needs = (path: string, set: Set<string> | Map<string, unknown>, id: string, what: string) => {
    if (!set.has(id) && !broken.has(id)) {
      errors.push({ path, message: `no ${what} has the id "${id}", in the file or stored` });
    }
  };

  // An email names one person: one the file does not name keeps theirs.
  const inFile = new Set(org.people.map((p) => p.id));
  const emails = new Map([...stored.people.values()].filter((p) => !inFile.has(p.id)).map((p) => [p.email, p.id]));
  org.people.forEach((p, i) => {
    needs(`people.${i}.departmentId`, departments, p.departmentId, 'department');
    if (p.managerId) needs(`people.${i}.managerId`, managers, p.managerId, 'person');
    p.learningGoals?.forEach((skill, j) => needs(`people.${i}.learningGoals.${j}`, skills, skill, 'skill'));
    const owner = emails.get(p.email);
    if (owner) errors.push({ path: `people.${i}.email`, message: `"${p.email}" is the email of "${owner}"` });
  });
  // A chain of managers must end: someone who manages their own manager would have no top.
  org.people.forEach((p, i) => {
    const seen = new Set<string>();
    for (let at: string | null | undefined = p.id; at; at = managers.get(at)) {
      if (seen.has(at)) {
        errors.push({ path: `people.${i}.managerId`, message: `the managers of "${p.id}" go round in a circle` });
        break;
      }
      seen.add(at);
    }
  });
  org.skillTargets.forEach((t, i) => {
    needs(`skillTargets.${i}.departmentId`, departments, t.departmentId, 'department');
    needs(`skillTargets.${i}.skillId`, skills, t.skillId, 'skill');
  });
  org.mentors.forEach((m, i) => {
    needs(`mentors.${i}.personId`, managers, m.personId, 'person');
    m.expertise.forEach((e, j) => needs(`mentors.${i}.expertise.${j}.skillId`, skills, e.skillId, 'skill'));
    const mentees = stored.mentors.get(m.personId) ?? 0;
    if (m.capacity < mentees) {
      errors.push({ path: `mentors.${i}.capacity`, message: `below the ${mentees} mentees they have now` });
    }
  });
  // A circle is led by a mentor, and holds at least the members it has.
  const mentors = new Set([...stored.mentors.keys(), ...org.mentors.map((m) => m.personId)]);
  org.circles.forEach((c, i) => {
    if (!mentors.has(c.leadId) && !broken.has(c.leadId)) {
      errors.push({ path: `circles.${i}.leadId`, message: `"${c.leadId}" is not a mentor, in the file or stored` });
    }
    const members = stored.circles.get(c.id) ?? 0;
    if (c.capacity < members) {
      errors.push({ path: `circles.${i}.capacity`, message: `below the ${members} members it has now` });
    }
  });
  // What the form needs to draw a question, beyond its shape.
  org.feedbackTemplates.forEach((t, i) => {
    twice(`feedbackTemplates.${i}.questions`, t.questions, (q: Question) => q.id);
    t.questions.forEach((q, j) => {
      const at = `feedbackTemplates.${i}.questions.${j}`;
      if (q.kind === 'rating') {
        const points = q.scale.max - q.scale.min + 1;
        if (points < 2 || points > 11) errors.push({ path: `${at}.scale`, message: 'a scale has 2 to 11 points' });
        else if (q.scale.labels.length !== points) {
          errors.push({ path: `${at}.scale.labels`, message: `${points} points need ${points} labels` });
        }
      } else if (q.kind === 'text') {
        if (q.minLength > q.maxLength) errors.push({ path: `${at}.minLength`, message: 'more than maxLength' });
      } else {
        twice(`${at}.options`, q.options, (o) => o.id);
        if (q.maxChoices !== undefined && (!q.multiple || q.maxChoices > q.options.length)) {
          errors.push({ path: `${at}.maxChoices`, message: 'only for multiple choices, and at most the options' });
        }
      }
    });
  });
  return errors;
}

type Table = keyof Database;

/** Inserts the rows, or updates those whose key is stored; `insertOnly` columns are set for new rows alone. */
async function upsert<T extends Table>(
  trx: Db,
  table: T,
  key: string[],
  rows: Record<string, unknown>[],
  options: { insertOnly?: Record<string, unknown> } = {},
) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const columns = Object.keys(chunk[0]).filter((column) => !key.includes(column));
    await trx
      .insertInto(table)
      .values(chunk.map((row) => ({ ...options.insertOnly, ...row })) as Insertable<Database[T]>[])
      .onConflict((oc) =>
        oc
          .columns(key as never[])
          .doUpdateSet(Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)])) as never),
      )
      .execute();
  }
}

/** The stored organisation, in the form `importOrganisation` reads: export, edit, import. */
export async function exportOrganisation(db: Db): Promise<Organisation> {
  const people = await db.selectFrom('people').selectAll().orderBy('id').execute();
  const goals = await db.selectFrom('learning_goals').selectAll().orderBy('skill_id').execute();
  const expertise = await db.selectFrom('mentor_expertise').selectAll().orderBy('skill_id').execute();
  // Managers before the people they manage, so that the file reads from the top down.
  const byId = new Map(people.map((p) => [p.id, p]));
  const depth = (id: string): number => {
    let n = 0;
    for (let at = byId.get(id)?.manager_id; at && n <= people.length; at = byId.get(at)?.manager_id) n++;
    return n;
  };
  const ordered = people.map((p) => ({ p, depth: depth(p.id) })).sort((a, b) => a.depth - b.depth);
  return {
    departments: await db.selectFrom('departments').select(['id', 'name']).orderBy('id').execute(),
    skills: (await db.selectFrom('skills').selectAll().orderBy('id').execute()).map((s) => ({
      id: s.id,
      name: s.name,
      category: s.category,
      synonyms: JSON.parse(s.synonyms) as string[],
    })),
    values: await db
      .selectFrom('company_values')
      .select(['id', 'name', 'description', 'emoji'])
      .orderBy('position')
      .execute(),
    people: ordered.map(({ p }) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      title: p.title,
      departmentId: p.department_id,
      location: p.location,
      timeZone: p.time_zone,
      managerId: p.manager_id,
      languages: JSON.parse(p.languages) as string[],
      photoUrl: p.photo_url,
      learningGoals: goals.filter((g) => g.person_id === p.id).map((g) => g.skill_id),
      leftOn: p.left_on,
    })),
    skillTargets: (
      await db.selectFrom('skill_targets').selectAll().orderBy('department_id').orderBy('skill_id').execute()
    ).map((t) => ({ departmentId: t.department_id, skillId: t.skill_id, level: t.level })),
    mentors: (await db.selectFrom('mentor_profiles').selectAll().orderBy('person_id').execute()).map((m) => ({
      personId: m.person_id,
      bio: m.bio,
      capacity: m.capacity,
      accepting: m.accepting === 1,
      expertise: expertise
        .filter((e) => e.person_id === m.person_id)
        .map((e) => ({ skillId: e.skill_id, level: e.level })),
    })),
    circles: (await db.selectFrom('circles').selectAll().orderBy('id').execute()).map((c) => ({
      id: c.id,
      topic: c.topic,
      description: c.description,
      leadId: c.lead_id,
      capacity: c.capacity,
    })),
    feedbackTemplates: (await db.selectFrom('feedback_templates').selectAll().orderBy('position').execute()).map(
      (t) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        kinds: JSON.parse(t.kinds) as Organisation['feedbackTemplates'][number]['kinds'],
        questions: JSON.parse(t.questions) as Question[],
      }),
    ),
  };
}
