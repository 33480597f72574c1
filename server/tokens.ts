import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db/database.js';

/** How a token is stored: its SHA-256, never the token. */
export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/** What the demo organisation's tokens are labelled; such tokens work only while the demo sign-in is on. */
export const DEMO_LABEL = 'demo';

/** A person named by id or by email, as an SSO proxy would name them. */
export async function findPerson(db: Db, who: string) {
  const person = await db
    .selectFrom('people')
    .select(['id', 'name', 'left_on'])
    .where((eb) => eb.or([eb('id', '=', who), eb('email', '=', who.toLowerCase())]))
    .executeTakeFirst();
  if (!person) throw new Error(`No person has the id or email "${who}".`);
  return person;
}

/**
 * A new bearer token for a person. It is returned once and stored only as its SHA-256 hash:
 * whoever loses it gets a new one, and the old one is revoked.
 */
export async function createToken(db: Db, who: string, label: string) {
  const name = label.trim();
  if (!name || name.length > 100) throw new Error('A token needs a label of 1 to 100 characters, to find it again.');
  if (name === DEMO_LABEL) throw new Error(`"${DEMO_LABEL}" is kept for the demo organisation's tokens.`);
  const person = await findPerson(db, who);
  if (person.left_on)
    throw new Error(`${person.name} (${person.id}) left on ${person.left_on}: no token is made for them.`);
  const token = `pk_${randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('access_tokens')
    .values({ token_hash: hashToken(token), person_id: person.id, label: name, created_at: new Date().toISOString() })
    .execute();
  return { token, person };
}

/** The tokens of one person, or of everyone: who, label and when; never the token. */
export async function listTokens(db: Db, who?: string) {
  let query = db
    .selectFrom('access_tokens')
    .innerJoin('people', 'people.id', 'access_tokens.person_id')
    .select(['people.id as personId', 'people.name', 'access_tokens.label', 'access_tokens.created_at as createdAt'])
    .orderBy('people.id')
    .orderBy('access_tokens.created_at');
  if (who) query = query.where('people.id', '=', (await findPerson(db, who)).id);
  return query.execute();
}

/** Revokes a person's tokens with that label, or all of theirs; says how many. */
export async function revokeTokens(db: Db, who: string, label?: string) {
  const person = await findPerson(db, who);
  let query = db.deleteFrom('access_tokens').where('person_id', '=', person.id);
  if (label !== undefined) query = query.where('label', '=', label);
  const result = await query.executeTakeFirst();
  return { person, revoked: Number(result.numDeletedRows) };
}
