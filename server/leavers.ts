import type { Db } from './db/database.js';
import { eraseMentions } from './erasure.js';

/**
 * People who have left the organisation, as a subquery: they stay on record (the kudos they gave
 * and got, feedback, ratings), but are no longer listed, matched, shown in the skill map, or given
 * kudos, feedback or mentorship requests, and cannot sign in.
 */
export function leavers(db: Db) {
  return db.selectFrom('people').select('people.id').where('people.left_on', 'is not', null);
}

/** Today, as `left_on` stores a day. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * Marks people as having left on `day`; those already gone keep their day. Their tokens are
 * revoked; their running mentorships end, freeing the mentors' places; their waiting requests are
 * withdrawn (sent by them) or declined (sent to them); they leave their circles; as mentors they
 * take no new requests, should they come back. Resolves to how many left now.
 */
export async function markLeft(trx: Db, ids: string[], day: string) {
  if (ids.length === 0) return 0;
  const leaving = (
    await trx.selectFrom('people').select('id').where('id', 'in', ids).where('left_on', 'is', null).execute()
  ).map((p) => p.id);
  if (leaving.length === 0) return 0;
  await trx.updateTable('people').set({ left_on: day }).where('id', 'in', leaving).execute();
  await trx.deleteFrom('access_tokens').where('person_id', 'in', leaving).execute();
  const now = new Date().toISOString();
  const theirs = (column: 'mentee_id' | 'mentor_id') =>
    trx.updateTable('mentorship_requests').where(column, 'in', leaving).where('state', '=', 'pending');
  await theirs('mentee_id').set({ state: 'withdrawn', responded_at: now }).execute();
  await theirs('mentor_id').set({ state: 'declined', responded_at: now }).execute();
  const running = await trx
    .selectFrom('mentorship_requests')
    .select('mentor_id')
    .where('state', '=', 'accepted')
    .where((eb) => eb.or([eb('mentee_id', 'in', leaving), eb('mentor_id', 'in', leaving)]))
    .execute();
  await trx
    .updateTable('mentorship_requests')
    .set({ state: 'ended' })
    .where('state', '=', 'accepted')
    .where((eb) => eb.or([eb('mentee_id', 'in', leaving), eb('mentor_id', 'in', leaving)]))
    .execute();
  // Each mentor's places are counted again from the mentorships that still run.
  const mentors = [...new Set(running.map((r) => r.mentor_id))];
  if (mentors.length) {
    await trx
      .updateTable('mentor_profiles')
      .set((eb) => ({
        active_mentees: eb
          .selectFrom('mentorship_requests')
          .select((count) => count.fn.countAll<number>().as('n'))
          .whereRef('mentorship_requests.mentor_id', '=', 'mentor_profiles.person_id')
          .where('mentorship_requests.state', '=', 'accepted'),
      }))
      .where('person_id', 'in', mentors)
      .execute();
  }
  await trx.updateTable('mentor_profiles').set({ accepting: 0 }).where('person_id', 'in', leaving).execute();
  await trx.deleteFrom('circle_members').where('person_id', 'in', leaving).execute();
  return leaving.length;
}

/**
 * Marks people as back. Nothing that leaving ended comes back: they need a new token, and as
 * mentors they take requests again once they say so. Resolves to how many came back.
 */
export async function markBack(trx: Db, ids: string[]) {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('people')
    .set({ left_on: null })
    .where('id', 'in', ids)
    .where('left_on', 'is not', null)
    // An erased person has no details to come back with; an import that names them again gives them.
    .where('email', 'not like', '%@erased.invalid')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** What an erased person is called wherever they are still named (kudos they gave or got). */
export const ERASED_NAME = 'Former colleague';

/** The tables `erase` changes, for `rewriteStorage` after it. */
export const ERASE_TOUCHES = [
  'people',
  'kudos',
  'kudos_reactions',
  'feedback',
  'mentorship_requests',
  'mentor_profiles',
  'mentor_expertise',
  'circles',
  'circle_members',
  'learning_goals',
  'skill_ratings',
  'access_tokens',
  'idempotency_records',
] as const;

/**
 * Erases what is stored about someone who has left, for a request to be forgotten: their name,
 * email, title, place, photo, languages and manager become nothing; their learning goals, skill
 * ratings, mentor profile (and the circles they led), mentorship requests, circle memberships,
 * reactions and the feedback they received are deleted. Kudos they gave or got, and feedback
 * they gave, stay, naming them `ERASED_NAME`: they are about others too. Where others wrote their
 * full name or email (kudos, feedback answers, goals, bios, circles, answers kept for retries),
 * it becomes `ERASED_NAME` too (`eraseMentions`); a given name alone or a nickname is not looked
 * for. Their id and department stay, for the records that still point at them. Resolves to how
 * many texts of others changed.
 */
export async function erase(trx: Db, id: string) {
  const person = await trx
    .selectFrom('people')
    .select(['name', 'email', 'left_on'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!person) throw new Error(`No person has the id "${id}".`);
  if (!person.left_on) throw new Error(`"${id}" has not left: only someone who has left is erased (leave first).`);
  const email = `erased-${id}@erased.invalid`;
  const texts = await eraseMentions(
    trx,
    { id, name: person.name, email: person.email },
    { name: ERASED_NAME, email, title: '', location: '', timeZone: 'UTC', photoUrl: null, managerId: null },
  );
  await trx
    .updateTable('people')
    .set({
      name: ERASED_NAME,
      email,
      title: '',
      location: '',
      time_zone: 'UTC',
      has_photo: 0,
      photo_url: null,
      manager_id: null,
      languages: JSON.stringify(['en']),
    })
    .where('id', '=', id)
    .execute();
  await trx.updateTable('people').set({ manager_id: null }).where('manager_id', '=', id).execute();
  const led = trx.selectFrom('circles').select('id').where('lead_id', '=', id);
  await trx
    .deleteFrom('circle_members')
    .where((eb) => eb.or([eb('person_id', '=', id), eb('circle_id', 'in', led)]))
    .execute();
  await trx.deleteFrom('circles').where('lead_id', '=', id).execute();
  await trx
    .deleteFrom('mentorship_requests')
    .where((eb) => eb.or([eb('mentee_id', '=', id), eb('mentor_id', '=', id)]))
    .execute();
  await trx.deleteFrom('mentor_expertise').where('person_id', '=', id).execute();
  await trx.deleteFrom('mentor_profiles').where('person_id', '=', id).execute();
  // Today's feedback count is not theirs by name (`quotaHolder`), and it is forgotten tomorrow.
  for (const table of ['learning_goals', 'skill_ratings', 'access_tokens'] as const) {
    await trx.deleteFrom(table).where('person_id', '=', id).execute();
  }
  await trx.deleteFrom('kudos_reactions').where('person_id', '=', id).execute();
  await trx.deleteFrom('feedback').where('recipient_id', '=', id).execute();
  return { texts };
}
