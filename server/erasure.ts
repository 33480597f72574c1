import { sql } from 'kysely';
import type { Db } from './db/database.js';

/**
 * A pattern that finds a person's full name or email in text: whole words only, in any case,
 * with any run of spaces or line breaks between the parts of the name, in either Unicode form
 * (composed or decomposed accents). A given name alone is not looked for: "Grace" or "Will"
 * is too often a word.
 */
export function mentionPattern(details: string[]) {
  const alternatives = new Set<string>();
  for (const detail of details) {
    const parts = detail.trim().split(/\s+/).filter(Boolean);
    if (parts.join('').length < 3) continue;
    for (const form of ['NFC', 'NFD'] as const) {
      alternatives.add(parts.map((part) => part.normalize(form).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
    }
  }
  if (!alternatives.size) return undefined;
  // Longest first, so that an email is taken whole rather than from its name part.
  const either = [...alternatives].sort((a, b) => b.length - a.length).join('|');
  // Not inside a longer word, name or address: a dot joins words only between letters or digits.
  return new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}_@-])(?<![\\p{L}\\p{N}]\\.)(?:${either})(?![\\p{L}\\p{M}\\p{N}_@-]|\\.[\\p{L}\\p{N}])`,
    'giu',
  );
}

/** Text and JSON columns others wrote in, by the key that finds each row again. */
const columns = [
  { table: 'kudos', key: 'seq', column: 'message', json: false },
  { table: 'feedback', key: 'id', column: 'answers', json: true },
  { table: 'mentorship_requests', key: 'id', column: 'goal', json: false },
  { table: 'mentorship_requests', key: 'id', column: 'message', json: false },
  { table: 'mentor_profiles', key: 'person_id', column: 'bio', json: false },
  { table: 'circles', key: 'id', column: 'topic', json: false },
  { table: 'circles', key: 'id', column: 'description', json: false },
  // Answers kept for a retried write (idempotency.ts) hold people as the API gave them.
  { table: 'idempotency_records', key: 'owner', column: 'body', json: true },
] as const;

const BATCH = 500;

/** The value of a JSON text; undefined for text that is not JSON (an answer still being made is ''). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

interface Erased {
  id: string;
  name: string;
  email: string;
}

/**
 * What an erased person's stored details become inside a JSON value: a person object of the API
 * (`{ id, name, email, … }`) with their id takes the erased details; strings lose their name and
 * email (`mentionPattern`).
 */
function rewriteJson(value: unknown, person: Erased, pattern: RegExp, replacement: Record<string, unknown>): unknown {
  if (typeof value === 'string') return value.replace(pattern, String(replacement.name));
  if (Array.isArray(value)) return value.map((item) => rewriteJson(item, person, pattern, replacement));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, rewriteJson(v, person, pattern, replacement)] as const);
    const object = Object.fromEntries(entries) as Record<string, unknown>;
    if (object.id === person.id && 'name' in object) {
      for (const [k, v] of Object.entries(replacement)) if (k in object) object[k] = v;
    }
    if (object.managerId === person.id) object.managerId = null;
    return object;
  }
  return value;
}

/**
 * Takes an erased person's full name and email out of what others wrote: kudos messages,
 * feedback answers, mentorship goals and messages, mentor bios, circle topics and descriptions,
 * and the answers kept for retried writes. Each becomes `replacement.name`. Resolves to how many
 * texts changed. Runs inside the erasing transaction, before their details are wiped.
 */
export async function eraseMentions(trx: Db, person: Erased, replacement: Record<string, unknown>) {
  const pattern = mentionPattern([person.name, person.email]);
  if (!pattern) return 0;
  let changed = 0;
  for (const { table, key, column, json } of columns) {
    let after: string | number = table === 'kudos' ? -1 : '';
    for (;;) {
      const rows = (
        await sql<{ k: string | number; v: string }>`select ${sql.ref(key)} as k, ${sql.ref(column)} as v
          from ${sql.table(table)} where ${sql.ref(key)} > ${after} order by ${sql.ref(key)} limit ${BATCH}`.execute(
          trx,
        )
      ).rows;
      for (const row of rows) {
        let next: string | undefined;
        const value = json ? parseJson(row.v) : undefined;
        if (value !== undefined) {
          // Compared as JSON, so that a value that changes in no detail is not written again.
          const rewritten = JSON.stringify(rewriteJson(value, person, pattern, replacement));
          if (rewritten !== JSON.stringify(value)) next = rewritten;
        } else if (row.v) {
          const rewritten = row.v.replace(pattern, String(replacement.name));
          if (rewritten !== row.v) next = rewritten;
        }
        if (next !== undefined) {
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${next} where ${sql.ref(key)} = ${row.k}`.execute(
            trx,
          );
          changed++;
        }
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].k;
    }
  }
  return changed;
}
