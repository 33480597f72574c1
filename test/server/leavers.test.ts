import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mentionPattern } from '../../server/erasure.js';
import { ERASED_NAME, erase, markBack, markLeft, today } from '../../server/leavers.js';
import { exportOrganisation, ImportError, importOrganisation } from '../../server/organisation.js';
import type { Circle, MentorMatch, MentorProfile, MentorshipRequest } from '../../src/contract/mentors.js';
import { FeedbackProblem } from '../../src/contract/problems.js';
import type { Person } from '../../src/contract/people.js';
import type { Expert, SkillMatrix } from '../../src/contract/skills.js';
import { everyRow, makeApp, problemOf, type App } from './helpers.js';

const post = (body: unknown, as: string) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json' },
  as,
});

const json = async <T>(response: Response) => {
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as T;
};

/** A visible mentor of the demo organisation with mentees, a circle they lead, and people they manage. */
async function busyMentor(app: App) {
  const row = await app.db
    .selectFrom('mentor_profiles as m')
    .innerJoin('circles as c', 'c.lead_id', 'm.person_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.person_id as id', 'p.name', 'p.department_id', 'c.id as circle', 'm.capacity', 'm.active_mentees'])
    .where('m.active_mentees', '>', 0)
    .whereRef('m.active_mentees', '<', 'm.capacity')
    .where('m.hidden', '=', 0)
    .where('m.accepting', '=', 1)
    .where((eb) => eb.exists(eb.selectFrom('people as r').select('r.id').whereRef('r.manager_id', '=', 'm.person_id')))
    .orderBy('m.person_id')
    .executeTakeFirstOrThrow();
  const report = await app.db
    .selectFrom('people')
    .select('id')
    .where('manager_id', '=', row.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { ...row, report: report.id };
}

const leave = (app: App, ids: string[]) => app.db.transaction().execute((trx) => markLeft(trx, ids, today()));

describe('people who leave the organisation', () => {
  it('a mentor who leaves cannot sign in, and is out of search, listings, matches, circles and the skill map', async () => {
    const app = await makeApp();
    const mentor = await busyMentor(app);
    const asker = 'u0170';
    const waiting = await app.request(
      '/api/mentorship-requests',
      post({ mentorId: mentor.id, goal: 'Learn X' }, asker),
    );
    assert.equal(waiting.status, 201);
    const { id: waitingId } = (await waiting.json()) as MentorshipRequest;
    const rated = await app.db
      .selectFrom('skill_ratings')
      .select('skill_id')
      .where('person_id', '=', mentor.id)
      .where('level', '>=', 1)
      .executeTakeFirstOrThrow();
    const experts = async () =>
      (await json<{ items: Expert[] }>(await app.request(`/api/skills/${rated.skill_id}/experts?limit=50`))).items;
    const search = async () =>
      (await json<{ items: Person[] }>(await app.request(`/api/people?q=${encodeURIComponent(mentor.name)}`))).items;
    const listed = async () =>
      (await json<{ items: MentorProfile[] }>(await app.request('/api/mentors?limit=100'))).items.map((m) => m.id);
    const matrix = async () =>
      (await json<SkillMatrix>(await app.request(`/api/skill-matrix?department=${mentor.department_id}`))).people.map(
        (p) => p.id,
      );
    const circles = async () =>
      (await json<{ items: Circle[] }>(await app.request('/api/circles'))).items.map((c) => c.id);
    // Before: everywhere.
    assert.ok((await search()).some((p) => p.id === mentor.id));
    assert.ok((await listed()).includes(mentor.id));
    assert.ok((await matrix()).includes(mentor.id));
    assert.ok((await experts()).some((e) => e.person.id === mentor.id));
    assert.ok((await circles()).includes(mentor.circle));
    assert.equal((await app.request('/api/me', { as: mentor.id })).status, 200);

    assert.equal(await leave(app, [mentor.id]), 1);
    assert.equal(await leave(app, [mentor.id]), 0, 'leaving twice changes nothing');

    assert.equal((await app.request('/api/me', { as: mentor.id })).status, 401, 'their token is revoked');
    const tokens = await app.db
      .selectFrom('access_tokens')
      .select('label')
      .where('person_id', '=', mentor.id)
      .execute();
    assert.deepEqual(tokens, []);
    assert.ok(!(await search()).some((p) => p.id === mentor.id));
    assert.ok(!(await listed()).includes(mentor.id));
    assert.ok(!(await matrix()).includes(mentor.id));
    assert.ok(!(await experts()).some((e) => e.person.id === mentor.id));
    assert.ok(!(await circles()).includes(mentor.circle), 'the circle they led meets no more');
    assert.equal((await app.request(`/api/circles/${mentor.circle}/join`, post({}, 'u0171'))).status, 404);
    assert.equal((await app.request(`/api/mentors/${mentor.id}`)).status, 404);
    for (const as of ['u0100', 'u0150', asker]) {
      const matches = await json<{ items: MentorMatch[] }>(
        await app.request('/api/me/mentor-matches?limit=50', { as }),
      );
      assert.ok(!matches.items.some((m) => m.mentor.id === mentor.id));
    }
    // Still found by id: the kudos they gave and got name them.
    assert.equal((await json<Person>(await app.request(`/api/people/${mentor.id}`))).id, mentor.id);
    const given = await json<{ items: unknown[] }>(await app.request(`/api/kudos?person=${mentor.id}`));
    assert.ok(given.items.length > 0, 'what they gave stays');

    // Their requests and mentorships are closed, and so are asks to them.
    const requests = await app.db
      .selectFrom('mentorship_requests')
      .select(['id', 'state'])
      .where('mentor_id', '=', mentor.id)
      .execute();
    assert.ok(requests.every((r) => ['declined', 'ended', 'expired', 'withdrawn'].includes(r.state)));
    assert.equal(requests.find((r) => r.id === waitingId)!.state, 'declined');
    assert.ok(requests.filter((r) => r.state === 'ended').length >= mentor.active_mentees);
    const profile = await app.db
      .selectFrom('mentor_profiles')
      .select(['active_mentees', 'accepting'])
      .where('person_id', '=', mentor.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(profile, { active_mentees: 0, accepting: 0 });
    const asked = await app.request(
      '/api/mentorship-requests',
      post({ mentorId: mentor.id, goal: 'Learn Y' }, 'u0172'),
    );
    assert.equal(asked.status, 404);

    // Nobody gives them kudos or feedback; their reports have no manager to share feedback with.
    const value = (await app.db.selectFrom('company_values').select('id').executeTakeFirstOrThrow()).id;
    const kudos = await app.request(
      '/api/kudos',
      post({ recipientIds: [mentor.id], message: `Thanks, @{${mentor.id}}!`, valueIds: [value] }, 'u0150'),
    );
    assert.equal(kudos.status, 422);
    assert.deepEqual(
      (await problemOf(kudos)).errors?.map((e) => e.message),
      [`"${mentor.id}" has left the organisation`, `mentions "${mentor.id}", who has left`],
    );
    const template = await app.db
      .selectFrom('feedback_templates')
      .selectAll()
      .orderBy('position')
      .executeTakeFirstOrThrow();
    const feedback = (recipientId: string, visibility: string) =>
      app.request(
        '/api/feedback',
        post(
          { recipientId, templateId: template.id, kind: 'praise', answers: {}, visibility, anonymous: false },
          'u0150',
        ),
      );
    const toLeaver = await feedback(mentor.id, 'recipient');
    assert.equal(toLeaver.status, 422);
    assert.equal((await problemOf(toLeaver)).errors?.[0].message, `"${mentor.id}" has left the organisation`);
    assert.equal((await json<Person>(await app.request(`/api/people/${mentor.report}`))).managerId, null);
    const shared = await feedback(mentor.report, 'recipient-and-manager');
    assert.equal((await problemOf(shared)).type, FeedbackProblem.noManager);

    // Back: found and listed again, not taking requests until they say so, and with no token.
    assert.equal(await app.db.transaction().execute((trx) => markBack(trx, [mentor.id])), 1);
    assert.ok((await search()).some((p) => p.id === mentor.id));
    assert.ok((await listed()).includes(mentor.id));
    const back = await json<MentorProfile>(await app.request(`/api/mentors/${mentor.id}`));
    assert.equal(back.accepting, false);
    assert.equal((await app.request('/api/me', { as: mentor.id })).status, 401);
    assert.equal((await json<Person>(await app.request(`/api/people/${mentor.report}`))).managerId, mentor.id);
  });

  it('a mentee who leaves frees their mentor’s place; their waiting requests are withdrawn and their circles left', async () => {
    const app = await makeApp();
    const running = await app.db
      .selectFrom('mentorship_requests')
      .innerJoin('mentor_profiles', 'mentor_profiles.person_id', 'mentorship_requests.mentor_id')
      .select(['mentorship_requests.mentee_id', 'mentorship_requests.mentor_id', 'mentor_profiles.active_mentees'])
      .where('mentorship_requests.state', '=', 'accepted')
      .orderBy('mentorship_requests.id')
      .executeTakeFirstOrThrow();
    const mentee = running.mentee_id;
    const other = (await busyMentor(app)).id;
    assert.notEqual(other, mentee);
    const asked = await app.request('/api/mentorship-requests', post({ mentorId: other, goal: 'Learn Z' }, mentee));
    assert.ok([201, 409].includes(asked.status));
    const circle = (await json<{ items: Circle[] }>(await app.request('/api/circles', { as: mentee }))).items.find(
      (c) => !c.joined && c.memberCount < c.capacity && c.leadId !== mentee,
    )!;
    assert.equal((await app.request(`/api/circles/${circle.id}/join`, post({}, mentee))).status, 200);

    assert.equal(await leave(app, [mentee]), 1);
    const mentor = await app.db
      .selectFrom('mentor_profiles')
      .select('active_mentees')
      .where('person_id', '=', running.mentor_id)
      .executeTakeFirstOrThrow();
    assert.equal(mentor.active_mentees, running.active_mentees - 1, 'the place is free');
    const theirs = await app.db
      .selectFrom('mentorship_requests')
      .select('state')
      .where('mentee_id', '=', mentee)
      .execute();
    assert.ok(theirs.length > 0);
    assert.ok(theirs.every((r) => ['ended', 'withdrawn', 'declined', 'expired'].includes(r.state)));
    const after = (await json<{ items: Circle[] }>(await app.request('/api/circles'))).items.find(
      (c) => c.id === circle.id,
    )!;
    assert.equal(after.memberCount, circle.memberCount, 'their place in the circle is free');
  });

  it('erases someone who has left: no row names them, and what they gave others stays', async () => {
    const app = await makeApp();
    const mentor = await busyMentor(app);
    const stored = await app.db.selectFrom('people').selectAll().where('id', '=', mentor.id).executeTakeFirstOrThrow();
    // Feedback to and from them, as the form sends it.
    const answers = { what: 'You explained the release plan to three teams at once.', strengths: ['communication'] };
    const feedback = (recipientId: string, as: string) =>
      app.request('/api/feedback', post({ recipientId, templateId: 'quick-praise', kind: 'praise', answers }, as));
    assert.equal((await feedback(mentor.id, 'u0150')).status, 201);
    assert.equal((await feedback('u0150', mentor.id)).status, 201);
    const given = async () =>
      (await json<{ items: { giver: Person }[] }>(await app.request(`/api/kudos?person=${mentor.id}&limit=50`))).items;
    const kudosBefore = (await given()).length;
    const gave = async () =>
      (await app.db.selectFrom('feedback').select('id').where('giver_id', '=', mentor.id).execute()).length;
    const gaveBefore = await gave();
    assert.ok(kudosBefore > 0);
    // Others wrote their full name, in any case and spacing, and their email.
    const [first, ...rest] = stored.name.split(' ');
    const written = `Thanks to ${stored.name.toUpperCase()} and ${first}\n  ${rest.join(' ')} (${stored.email}).`;
    const erasedText = `Thanks to ${ERASED_NAME} and ${ERASED_NAME} (${ERASED_NAME}).`;
    const kudos = await app.request('/api/kudos', {
      ...post({ recipientIds: [mentor.id, 'u0152'], message: written, valueIds: ['courage'] }, 'u0150'),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'kudos-to-them' },
    });
    assert.equal(kudos.status, 201, await kudos.clone().text());
    const { id: kudosId } = (await kudos.json()) as { id: string };
    const aboutThem = { what: written, strengths: ['communication'] };
    assert.equal(
      (
        await app.request(
          '/api/feedback',
          post({ recipientId: 'u0152', templateId: 'quick-praise', kind: 'praise', answers: aboutThem }, 'u0150'),
        )
      ).status,
      201,
    );
    const otherMentor = await app.db
      .selectFrom('mentor_profiles')
      .select('person_id')
      .where('person_id', '!=', mentor.id)
      .where('accepting', '=', 1)
      .where('hidden', '=', 0)
      .whereRef('active_mentees', '<', 'capacity')
      .orderBy('person_id')
      .executeTakeFirstOrThrow();
    const asked = await app.request(
      '/api/mentorship-requests',
      post({ mentorId: otherMentor.person_id, goal: `Lead as ${stored.name} did`, message: written }, 'u0171'),
    );
    assert.equal(asked.status, 201, await asked.clone().text());
    const { id: askedId } = (await asked.json()) as MentorshipRequest;
    // A circle's words come from an import.
    const otherCircle = await app.db
      .selectFrom('circles')
      .select('id')
      .where('lead_id', '!=', mentor.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await app.db
      .updateTable('circles')
      .set({ topic: `${stored.name}'s reading list`, description: written })
      .where('id', '=', otherCircle.id)
      .execute();
    const bio = await app.request('/api/me/mentor-profile', {
      method: 'PATCH',
      body: JSON.stringify({ bio: `I learnt it all from ${stored.name}.` }),
      headers: { 'Content-Type': 'application/json' },
      as: otherMentor.person_id,
    });
    assert.equal(bio.status, 200, await bio.clone().text());

    const eraseNow = () => app.db.transaction().execute((trx) => erase(trx, mentor.id));
    await assert.rejects(eraseNow(), /has not left/);
    assert.equal(await leave(app, [mentor.id]), 1);
    await eraseNow();

    const rows = await everyRow(app);
    for (const detail of [stored.name, stored.email]) {
      assert.deepEqual(
        rows.filter((row) => row.toLowerCase().includes(detail.toLowerCase())),
        [],
        `no row holds "${detail}"`,
      );
    }
    // What others wrote names them as erased, read through the API as before.
    const message = await app.db
      .selectFrom('kudos')
      .select('message')
      .where('id', '=', kudosId)
      .executeTakeFirstOrThrow();
    assert.equal(message.message, erasedText);
    const theirFeedback = (
      await json<{ items: { answers: Record<string, unknown> }[] }>(
        await app.request('/api/me/feedback', { as: 'u0152' }),
      )
    ).items.find((f) => f.answers.what === erasedText);
    assert.ok(theirFeedback, 'the feedback answer names them as erased');
    assert.equal(
      (await json<MentorProfile>(await app.request(`/api/mentors/${otherMentor.person_id}`))).bio,
      `I learnt it all from ${ERASED_NAME}.`,
    );
    const request = await app.db
      .selectFrom('mentorship_requests')
      .select(['goal', 'message'])
      .where('id', '=', askedId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(request, { goal: `Lead as ${ERASED_NAME} did`, message: erasedText });
    const circle = await app.db
      .selectFrom('circles')
      .select(['topic', 'description'])
      .where('id', '=', otherCircle.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(circle, { topic: `${ERASED_NAME}'s reading list`, description: erasedText });
    // A retry of the kudos sent before gets the first answer again, with them erased in it.
    const replay = await app.request('/api/kudos', {
      ...post({ recipientIds: [mentor.id, 'u0152'], message: written, valueIds: ['courage'] }, 'u0150'),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'kudos-to-them' },
    });
    assert.equal(replay.status, 201);
    const replayed = (await replay.json()) as { id: string; message: string; recipients: Person[] };
    assert.equal(replayed.id, kudosId, 'not sent twice');
    assert.equal(replayed.message, erasedText);
    const them = replayed.recipients.find((p) => p.id === mentor.id)!;
    assert.deepEqual([them.name, them.title, them.photoUrl], [ERASED_NAME, '', null]);
    const person = await json<Person>(await app.request(`/api/people/${mentor.id}`));
    assert.deepEqual(
      [person.name, person.title, person.location, person.photoUrl, person.managerId],
      [ERASED_NAME, '', '', null, null],
    );
    assert.equal((await json<Person>(await app.request(`/api/people/${mentor.report}`))).managerId, null);
    const managed = await app.db.selectFrom('people').select('id').where('manager_id', '=', mentor.id).execute();
    assert.deepEqual(managed, [], 'no one is managed by them on record either');
    // What they gave others stays, under the new name; what others wrote to them is gone.
    const after = await given();
    assert.equal(after.length, kudosBefore + 1, 'with the one sent above');
    const received = await app.db.selectFrom('feedback').select('id').where('recipient_id', '=', mentor.id).execute();
    assert.deepEqual(received, []);
    assert.equal(await gave(), gaveBefore, 'the feedback they gave stays with its recipients');
    for (const table of ['skill_ratings', 'learning_goals', 'mentor_profiles', 'mentor_expertise'] as const) {
      const left = await app.db.selectFrom(table).select('person_id').where('person_id', '=', mentor.id).execute();
      assert.deepEqual(left, [], table);
    }
    assert.equal(
      (await app.db.selectFrom('circles').select('id').where('id', '=', mentor.circle).execute()).length,
      0,
      'the circle they led is gone',
    );
    const requests = await app.db
      .selectFrom('mentorship_requests')
      .select('id')
      .where((eb) => eb.or([eb('mentee_id', '=', mentor.id), eb('mentor_id', '=', mentor.id)]))
      .execute();
    assert.deepEqual(requests, []);
    // Erased, they cannot be brought back by command; an import that names them again can.
    assert.equal(await app.db.transaction().execute((trx) => markBack(trx, [mentor.id])), 0);
  });

  it('refuses a whole list that would empty much of the organisation, unless told how many may leave', async () => {
    const app = await makeApp();
    const everyone = (await exportOrganisation(app.db)).people;
    const file = { people: everyone.slice(0, 100) };
    const refused = await importOrganisation(app.db, file, { markLeavers: true }).catch((e: unknown) => e);
    assert.ok(refused instanceof ImportError, String(refused));
    assert.deepEqual(refused.errors, [
      {
        path: 'people',
        message: `leaves out ${everyone.length - 100} of the ${everyone.length} people there are, who would all leave; at most ${Math.floor(everyone.length / 10)} may (--max-leavers=${everyone.length - 100} allows it)`,
      },
    ]);
    assert.equal((await app.db.selectFrom('people').select('id').where('left_on', 'is not', null).execute()).length, 0);
    const counted = await importOrganisation(app.db, file, {
      markLeavers: true,
      maxLeavers: everyone.length - 100,
      dryRun: true,
    });
    assert.equal(counted.people.left, everyone.length - 100);
    // A tenth may leave without being told.
    const most = Math.floor(everyone.length / 10);
    const fewer = await importOrganisation(app.db, { people: everyone.slice(most) }, { markLeavers: true });
    assert.equal(fewer.people.left, most);
  });
});

describe('finding an erased person in what others wrote', () => {
  const erased = (text: string, details: string[]) => text.replace(mentionPattern(details)!, 'X');

  it('takes the full name and the email as whole words, in any case, spacing and Unicode form', () => {
    const details = ['Zoë Ng', 'zoe.ng@acme.example'];
    assert.equal(erased('Ask Zoë Ng. Or ZOË  NG, or zoë\nng!', details), 'Ask X. Or X, or X!');
    assert.equal(erased('Mail Zoe.Ng@ACME.example today', details), 'Mail X today');
    assert.equal(erased('Ask Zoe\u0308 Ng', details), 'Ask X', 'decomposed ë');
    assert.equal(erased('(Zoë Ng)', details), '(X)');
  });

  it('leaves longer names, other emails and a given name alone', () => {
    const details = ['Zoë Ng', 'zoe.ng@acme.example'];
    for (const text of [
      'Zoë Ngata and Anna-Zoë Ng',
      'Zoë Ng2',
      'Zoë alone',
      'x.zoe.ng@acme.example',
      'zoe.ng@acme.example.org',
      'zoe.ng@acme.examples',
    ]) {
      assert.equal(erased(text, details), text, text);
    }
  });

  it('reads a name with the characters of a pattern as text, and looks for no name too short to be one', () => {
    assert.equal(erased('Thanks, J. (Jay) O’Neil+1!', ['J. (Jay) O’Neil+1']), 'Thanks, X!');
    assert.equal(erased('…Zoë Ng…', ['Zoë Ng']), '…X…');
    assert.equal(mentionPattern(['', ' ', 'Al']), undefined);
  });
});
