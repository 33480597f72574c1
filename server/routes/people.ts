import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { Id } from '../../src/contract/common.js';
import { PeopleQuery, type Me, type Person } from '../../src/contract/people.js';
import type { AppEnv } from '../auth.js';
import type { Db } from '../db/database.js';
import { ProblemError, validate } from '../problem.js';
import { mustExist } from './filters.js';
import { keysetCursor } from '../cursor.js';

/** People as the API shows them; a manager who has left is no manager any more. */
export function selectPeople(db: Db) {
  return db
    .selectFrom('people')
    .innerJoin('departments', 'departments.id', 'people.department_id')
    .leftJoin('people as managers', (join) =>
      join.onRef('managers.id', '=', 'people.manager_id').on('managers.left_on', 'is', null),
    )
    .select([
      'people.id',
      'people.name',
      'people.email',
      'people.title',
      'people.department_id',
      'departments.name as department_name',
      'people.location',
      'people.time_zone',
      'people.has_photo',
      'people.photo_url',
      'managers.id as manager_id',
      'people.languages',
      'people.left_on',
    ]);
}

export type PersonRow = Awaited<ReturnType<ReturnType<typeof selectPeople>['executeTakeFirstOrThrow']>>;

export function toPerson(row: PersonRow, apiBase: string): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    title: row.title,
    department: { id: row.department_id, name: row.department_name },
    location: row.location,
    timeZone: row.time_zone,
    photoUrl: row.photo_url ?? (row.has_photo ? `${apiBase}/avatars/${encodeURIComponent(row.id)}.svg` : null),
    managerId: row.manager_id,
  };
}

const cursor = keysetCursor(z.tuple([z.string(), z.string()]));

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
function likePattern(text: string) {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function peopleRoutes(db: Db, apiBase: (url: string) => string) {
  const routes = new Hono<AppEnv>();

  routes.get('/me', async (c) => {
    const row = await selectPeople(db).where('people.id', '=', c.get('personId')).executeTakeFirst();
    if (!row) throw new ProblemError(404, 'Not found', 'The signed-in person no longer exists.');
    const me: Me = { ...toPerson(row, apiBase(c.req.url)), languages: JSON.parse(row.languages) as string[] };
    return c.json(me);
  });

  routes.get('/people', async (c) => {
    const query = validate(PeopleQuery, c.req.query(), 'query');
    const base = apiBase(c.req.url);
    if (query.ids) {
      const ids = [...new Set(query.ids)];
      const rows = await selectPeople(db).where('people.id', 'in', ids).execute();
      const byId = new Map(rows.map((row) => [row.id, row]));
      return c.json({
        items: ids.filter((id) => byId.has(id)).map((id) => toPerson(byId.get(id)!, base)),
        nextCursor: null,
        missing: ids.filter((id) => !byId.has(id)),
      });
    }
    await mustExist(db, { department: ['department', query.department] });
    // Those who left are still found by id (in what they gave and got), never in a search.
    let select = selectPeople(db).where('people.left_on', 'is', null);
    if (query.department) select = select.where('people.department_id', '=', query.department);
    if (query.q) {
      const pattern = likePattern(query.q);
      select = select.where((eb) =>
        eb.or(
          ['people.name', 'people.title', 'people.email', 'departments.name'].map(
            (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
          ),
        ),
      );
    }
    if (query.cursor) {
      const [name, id] = cursor.decode(query.cursor);
      select = select.where((eb) =>
        eb.or([eb('people.name', '>', name), eb.and([eb('people.name', '=', name), eb('people.id', '>', id)])]),
      );
    }
    const rows = await select
      .orderBy('people.name')
      .orderBy('people.id')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    return c.json({
      items: page.map((row) => toPerson(row, base)),
      nextCursor:
        rows.length > query.limit ? cursor.encode([page[page.length - 1].name, page[page.length - 1].id]) : null,
    });
  });

  routes.get('/people/:id', async (c) => {
    const id = validate(Id, c.req.param('id'), 'person id');
    const row = await selectPeople(db).where('people.id', '=', id).executeTakeFirst();
    if (!row) throw new ProblemError(404, 'Not found', `No person has the id "${id}".`);
    return c.json(toPerson(row, apiBase(c.req.url)));
  });

  return routes;
}
