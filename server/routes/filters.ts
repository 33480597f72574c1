import { sql } from 'kysely';
import { type FilterKind, UnknownFilter, unknownFilterProblem } from '../../src/contract/problems.js';
import type { Db } from '../db/database.js';
import { ProblemError } from '../problem.js';

/** Where each kind of thing a filter may name lives. */
const WHERE: Record<FilterKind, { table: 'departments' | 'people' | 'company_values' | 'skills'; column: string }> = {
  department: { table: 'departments', column: 'id' },
  person: { table: 'people', column: 'id' },
  value: { table: 'company_values', column: 'id' },
  skill: { table: 'skills', column: 'id' },
  category: { table: 'skills', column: 'category' },
};

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
    return values.filter((v) => !known.has(v)).map((v) => ({ path, message: UnknownFilter.says[kind](v) }));
  });
  const missing = (await Promise.all(checks)).flat();
  if (!missing.length) return;
  const { title, detail, ...extra } = unknownFilterProblem(missing);
  throw new ProblemError(404, title, detail, extra);
}
