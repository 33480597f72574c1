import { sql } from 'kysely';
import { type FilterKind, unknownFilterProblem } from '../../src/contract/problems.js';
import type { Db } from '../db/database.js';
import { ProblemError } from '../problem.js';

/** Where each kind of thing a filter may name lives, and what else a reader may have typed instead of its id. */
const WHERE: Record<
  FilterKind,
  { table: 'departments' | 'people' | 'company_values' | 'skills'; column: string; also: string[] }
> = {
  department: { table: 'departments', column: 'id', also: ['name'] },
  // Ids take no spaces or @: a person's name or email could never be sent here.
  person: { table: 'people', column: 'id', also: [] },
  value: { table: 'company_values', column: 'id', also: ['name'] },
  skill: { table: 'skills', column: 'id', also: ['name'] },
  category: { table: 'skills', column: 'category', also: [] },
};

/** The id that `value` most likely meant: one whose id or name is `value` in other letter case. */
async function meant(db: Db, kind: FilterKind, value: string): Promise<string | undefined> {
  const { table, column, also } = WHERE[kind];
  const lower = value.toLowerCase();
  const row = await db
    .selectFrom(table)
    .select(sql.ref<string>(column).as('found'))
    .where((eb) => eb.or([column, ...also].map((c) => eb(sql`lower(${sql.ref(c)})`, '=', lower))))
    .orderBy(sql.ref(column))
    .limit(1)
    .executeTakeFirst();
  return row?.found;
}

/**
 * Answers 404 (`UnknownFilter`) when a list's filter names something that does not exist.
 * `filters` maps each query parameter to its kind and value (or values); absent ones are skipped.
 */
export async function mustExist(
  db: Db,
  filters: Record<string, [FilterKind, string | readonly string[] | undefined]>,
): Promise<void> {
  const checks = Object.entries(filters).map(async ([path, [kind, value]]) => {
    const values = (value === undefined ? [] : typeof value === 'string' ? [value] : [...new Set(value)]).filter(
      Boolean,
    );
    if (!values.length) return [];
    const { table, column } = WHERE[kind];
    const rows = await db
      .selectFrom(table)
      .select(sql.ref<string>(column).as('found'))
      .distinct()
      .where(sql.ref(column), 'in', values)
      .execute();
    const known = new Set(rows.map((row) => row.found));
    return Promise.all(
      values.filter((v) => !known.has(v)).map(async (v) => ({ path, kind, value: v, meant: await meant(db, kind, v) })),
    );
  });
  const missing = (await Promise.all(checks)).flat();
  if (!missing.length) return;
  const { title, detail, ...extra } = unknownFilterProblem(missing);
  throw new ProblemError(404, title, detail, extra);
}
