import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MentorshipConflict, type MentorMatch, type MentorProfile } from '../../src/contract/mentors.js';
import { makeApp, problemOf } from './helpers.js';

const json = (body: unknown) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json' },
});

async function request(app: Awaited<ReturnType<typeof makeApp>>, path: string, as: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer demo-${as}`);
  return app.request(path, { ...init, headers, as: null });
}

/** A new request from the mentee to the mentor; its id. */
async function ask(app: Awaited<ReturnType<typeof makeApp>>, mentee: string, mentorId: string) {
  const created = await request(app, '/api/mentorship-requests', mentee, json({ mentorId, goal: 'Learn to review' }));
  assert.equal(created.status, 201);
  return ((await created.json()) as { id: string }).id;
}

/** A visible, accepting mentor with free places who is not `except`. */
async function openMentor(app: Awaited<ReturnType<typeof makeApp>>, except: string) {
  const row = await app.db
    .selectFrom('mentor_profiles')
    .selectAll()
    .where('accepting', '=', 1)
    .where('hidden', '=', 0)
    .where('person_id', '!=', except)
    .whereRef('active_mentees', '<', 'capacity')
    .orderBy('person_id')
    .executeTakeFirstOrThrow();
  return row;
}

/** Every circle as `as` sees it. */
async function circlesAs(app: Awaited<ReturnType<typeof makeApp>>, as: string) {
  const { items } = (await (await request(app, '/api/circles', as)).json()) as {
    items: { id: string; capacity: number; memberCount: number; joined: boolean }[];
  };
  return items;
}

describe('mentor routes', () => {
  it('lists visible mentors with profiles, filters by skill, department and availability', async () => {
    const app = await makeApp();
    const all = (await (await request(app, '/api/mentors?limit=100', 'u0100')).json()).items as MentorProfile[];
    assert.ok(all.length > 20);
    assert.ok(all.every((m) => !m.hidden && m.person.id === m.id && m.expertise.length >= 3));
    const available = (await (await request(app, '/api/mentors?available=true&limit=100', 'u0100')).json())
      .items as MentorProfile[];
    assert.ok(available.length < all.length);
    assert.ok(available.every((m) => m.accepting && m.activeMentees < m.capacity));
    const skill = all[0].expertise[0].skill.id;
    const bySkill = (await (await request(app, `/api/mentors?skill=${skill}&limit=100`, 'u0100')).json())
      .items as MentorProfile[];
    assert.ok(bySkill.length > 0 && bySkill.every((m) => m.expertise.some((e) => e.skill.id === skill)));
  });

  it('answers a batch of profiles by id with the unknown ones listed', async () => {
    const app = await makeApp();
    const mentor = await openMentor(app, '');
    const batch = await (
      await request(app, `/api/mentors?ids=${mentor.person_id},u0170x,${mentor.person_id}`, 'u0100')
    ).json();
    assert.deepEqual(
      batch.items.map((m: MentorProfile) => m.id),
      [mentor.person_id],
    );
    assert.deepEqual(batch.missing, ['u0170x']);
  });

  it('ranks cross-department mentors above same-department ones of equal skill fit', async () => {
    const app = await makeApp();
    for (const me of ['u0100', 'u0050', 'u0150', 'u0013']) {
      const matches = (await (await request(app, '/api/me/mentor-matches?limit=50', me)).json()).items as MentorMatch[];
      assert.ok(matches.length > 5, me);
      const scores = matches.map((m) => m.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
        `${me}: ranked by score`,
      );
      assert.ok(
        matches.every((m) => m.mentor.id !== me && m.mentor.accepting && m.mentor.activeMentees < m.mentor.capacity),
      );
      // Group by skill fit (the shared-skills reason): within a group, every other-department match comes first.
      const fit = (m: MentorMatch) =>
        JSON.stringify(
          m.reasons
            .filter((r) => r.kind === 'shared-skills')
            .flatMap((r) => (r.kind === 'shared-skills' ? r.skills.map((s) => s.id) : [])),
        );
      const levels = (m: MentorMatch) =>
        m.mentor.expertise
          .filter((e) => fit(m).includes(`"${e.skill.id}"`))
          .map((e) => e.level)
          .reduce((a, b) => a + b, 0);
      for (const a of matches) {
        for (const b of matches) {
          const aCross = a.reasons.some((r) => r.kind === 'other-department');
          const bCross = b.reasons.some((r) => r.kind === 'other-department');
          if (aCross && !bCross && levels(a) === levels(b))
            assert.ok(a.score > b.score, `${me}: ${a.mentor.id} above ${b.mentor.id}`);
        }
      }
    }
  });

  it('creates a request, and answers 409 with a reason for self, not accepting, duplicate and full', async () => {
    const app = await makeApp();
    const mentor = await openMentor(app, 'u0120');
    const ok = await request(
      app,
      '/api/mentorship-requests',
      'u0120',
      json({ mentorId: mentor.person_id, goal: 'Learn to facilitate', message: 'Hi!' }),
    );
    assert.equal(ok.status, 201);
    const created = await ok.json();
    assert.equal(created.state, 'pending');
    assert.ok(Date.parse(created.expiresAt) > Date.parse(created.createdAt));

    const duplicate = await request(
      app,
      '/api/mentorship-requests',
      'u0120',
      json({ mentorId: mentor.person_id, goal: 'Again please' }),
    );
    assert.equal(duplicate.status, 409);
    assert.equal((await problemOf(duplicate)).type, MentorshipConflict.duplicate);

    const self = await request(
      app,
      '/api/mentorship-requests',
      mentor.person_id,
      json({ mentorId: mentor.person_id, goal: 'Myself' }),
    );
    assert.equal((await problemOf(self)).type, MentorshipConflict.self);

    await app.db
      .updateTable('mentor_profiles')
      .set({ accepting: 0 })
      .where('person_id', '=', mentor.person_id)
      .execute();
    const closed = await request(
      app,
      '/api/mentorship-requests',
      'u0121',
      json({ mentorId: mentor.person_id, goal: 'Learn things' }),
    );
    assert.equal((await problemOf(closed)).type, MentorshipConflict.notAccepting);

    await app.db
      .updateTable('mentor_profiles')
      .set({ accepting: 1, capacity: mentor.active_mentees })
      .where('person_id', '=', mentor.person_id)
      .execute();
    const full = await request(
      app,
      '/api/mentorship-requests',
      'u0122',
      json({ mentorId: mentor.person_id, goal: 'Learn things' }),
    );
    assert.equal(full.status, 409);
    assert.equal((await problemOf(full)).type, MentorshipConflict.full);
  });

  it('validates the request body with field errors', async () => {
    const app = await makeApp();
    const response = await request(
      app,
      '/api/mentorship-requests',
      'u0120',
      json({ mentorId: 'u0001', goal: 'x', message: 'm'.repeat(2001) }),
    );
    assert.equal(response.status, 400);
    const paths = (await problemOf(response)).errors!.map((e) => e.path).sort();
    assert.deepEqual(paths, ['goal', 'message']);
    const notJson = await request(app, '/api/mentorship-requests', 'u0120', {
      method: 'POST',
      body: 'nope',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(notJson.status, 400);
  });

  it('never exceeds capacity when accepts race', async () => {
    const app = await makeApp();
    const mentor = await openMentor(app, '');
    const free = mentor.capacity - mentor.active_mentees;
    const mentees = ['u0150', 'u0151', 'u0152', 'u0153', 'u0154', 'u0155', 'u0156', 'u0157'].filter(
      (id) => id !== mentor.person_id,
    );
    const ids: string[] = [];
    for (const mentee of mentees) {
      await app.db
        .insertInto('mentorship_requests')
        .values({
          id: `race-${mentee}`,
          mentee_id: mentee,
          mentor_id: mentor.person_id,
          goal: 'Race',
          message: '',
          state: 'pending',
          created_at: new Date().toISOString(),
          expires_at: '2099-01-01T00:00:00.000Z',
          responded_at: null,
        })
        .execute();
      ids.push(`race-${mentee}`);
    }
    const answers = await Promise.all(
      ids.map((id) => request(app, `/api/mentorship-requests/${id}/accept`, mentor.person_id, { method: 'POST' })),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 200).length, free);
    assert.equal(statuses.filter((s) => s === 409).length, ids.length - free);
    const after = await app.db
      .selectFrom('mentor_profiles')
      .selectAll()
      .where('person_id', '=', mentor.person_id)
      .executeTakeFirstOrThrow();
    assert.equal(after.active_mentees, after.capacity);
  });

  it("tells the reader of a profile of their own waiting request or running mentorship, and no one else's", async () => {
    const app = await makeApp();
    const mentor = await openMentor(app, 'u0131');
    const yours = async (as: string, path = `/api/mentors/${mentor.person_id}`) =>
      ((await (await request(app, path, as)).json()) as MentorProfile).yourRequest;
    assert.equal(await yours('u0131'), null);
    const id = await ask(app, 'u0131', mentor.person_id);
    assert.deepEqual(await yours('u0131'), { id, state: 'pending' });
    // The same in a batch and in a listing; another reader sees none.
    const batch = (await (await request(app, `/api/mentors?ids=${mentor.person_id}`, 'u0131')).json()) as {
      items: MentorProfile[];
    };
    assert.deepEqual(batch.items[0].yourRequest, { id, state: 'pending' });
    assert.equal(await yours('u0132'), null);
    // Past its expiry a waiting request is over, before anything else reads it.
    await app.db
      .updateTable('mentorship_requests')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    assert.equal(await yours('u0131'), null);
    const second = await ask(app, 'u0131', mentor.person_id);
    const accepted = await request(app, `/api/mentorship-requests/${second}/accept`, mentor.person_id, {
      method: 'POST',
    });
    assert.equal(accepted.status, 200);
    assert.deepEqual(await yours('u0131'), { id: second, state: 'accepted' });
    const ended = await request(app, `/api/mentorship-requests/${second}/end`, 'u0131', { method: 'POST' });
    assert.equal(ended.status, 200);
    assert.equal(await yours('u0131'), null);
  });

  it('lets only the mentor accept or decline and only the mentee withdraw', async () => {
    const app = await makeApp();
    const mentor = await openMentor(app, 'u0130');
    const created = await (
      await request(
        app,
        '/api/mentorship-requests',
        'u0130',
        json({ mentorId: mentor.person_id, goal: 'Grow as a lead' }),
      )
    ).json();
    assert.equal(
      (await request(app, `/api/mentorship-requests/${created.id}/accept`, 'u0130', { method: 'POST' })).status,
      403,
    );
    assert.equal(
      (await request(app, `/api/mentorship-requests/${created.id}/withdraw`, mentor.person_id, { method: 'POST' }))
        .status,
      403,
    );
    const incoming = (
      await (await request(app, '/api/me/mentorship-requests?role=mentor&state=pending', mentor.person_id)).json()
    ).items;
    assert.ok(incoming.some((r: { id: string }) => r.id === created.id));
    // A state the contract does not know is refused, not answered with an empty list.
    const unknownState = await request(app, '/api/me/mentorship-requests?role=mentor&state=open', mentor.person_id);
    assert.equal(unknownState.status, 400);
    assert.equal((await problemOf(unknownState)).errors?.[0].path, 'state');
    const declined = await request(app, `/api/mentorship-requests/${created.id}/decline`, mentor.person_id, {
      method: 'POST',
    });
    assert.equal((await declined.json()).state, 'declined');
    const again = await request(app, `/api/mentorship-requests/${created.id}/accept`, mentor.person_id, {
      method: 'POST',
    });
    assert.equal((await problemOf(again)).type, MentorshipConflict.notPending);
  });

  it('lets the mentor or the mentee end a running mentorship, which frees the place, once', async () => {
    const app = await makeApp();
    const mentee = 'u0131';
    const mentor = await openMentor(app, mentee);
    await app.db.deleteFrom('mentorship_requests').where('mentee_id', '=', mentee).execute();
    const places = async () =>
      (
        await app.db
          .selectFrom('mentor_profiles')
          .select('active_mentees')
          .where('person_id', '=', mentor.person_id)
          .executeTakeFirstOrThrow()
      ).active_mentees;
    const start = await places();
    const act = (id: string, action: string, as: string) =>
      request(app, `/api/mentorship-requests/${id}/${action}`, as, { method: 'POST' });

    // A pending request is no mentorship: nothing to end.
    const first = await ask(app, mentee, mentor.person_id);
    const early = await act(first, 'end', mentee);
    assert.equal(early.status, 409);
    assert.equal((await problemOf(early)).type, MentorshipConflict.notActive);
    assert.equal((await act(first, 'accept', mentor.person_id)).status, 200);
    assert.equal(await places(), start + 1);

    // Someone else may not end it.
    const stranger = await act(first, 'end', 'u0150');
    assert.equal(stranger.status, 403);
    assert.equal(await places(), start + 1);

    // The mentor ends it: the place is free again, and a second end is refused.
    const ended = await act(first, 'end', mentor.person_id);
    assert.equal(ended.status, 200);
    assert.equal(((await ended.json()) as { state: string }).state, 'ended');
    assert.equal(await places(), start);
    const again = await act(first, 'end', mentee);
    assert.equal(again.status, 409);
    assert.equal((await problemOf(again)).type, MentorshipConflict.notActive);
    assert.equal(await places(), start);

    // Ended, it is no open request: the mentee may ask again, and end it themselves.
    const second = await ask(app, mentee, mentor.person_id);
    assert.equal((await act(second, 'accept', mentor.person_id)).status, 200);
    const [one, two] = await Promise.all([act(second, 'end', mentee), act(second, 'end', mentor.person_id)]);
    assert.deepEqual([one.status, two.status].sort(), [200, 409]);
    assert.equal(await places(), start);
    const listed = (await (await request(app, '/api/me/mentorship-requests?state=ended', mentee)).json()) as {
      items: { id: string }[];
    };
    assert.deepEqual(listed.items.map((r) => r.id).sort(), [first, second].sort());
  });

  it('lists open requests and running mentorships first, however long the history behind them', async () => {
    const app = await makeApp();
    const mentor = await openMentor(app, 'u0133');
    const running = await ask(app, 'u0133', mentor.person_id);
    assert.equal(
      (await request(app, `/api/mentorship-requests/${running}/accept`, mentor.person_id, { method: 'POST' })).status,
      200,
    );
    // 120 answered requests, all newer than the running mentorship.
    const later = Date.now() + 60_000;
    await app.db
      .insertInto('mentorship_requests')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          id: `r-history-${i}`,
          mentee_id: 'u0134',
          mentor_id: mentor.person_id,
          goal: 'An old goal',
          message: '',
          state: 'declined',
          created_at: new Date(later + i * 1000).toISOString(),
          expires_at: new Date(later + i * 1000 + 86_400_000).toISOString(),
          responded_at: new Date(later + i * 1000).toISOString(),
        })),
      )
      .execute();
    const listed = (await (await request(app, '/api/me/mentorship-requests?role=mentor', mentor.person_id)).json()) as {
      items: { id: string; state: string; createdAt: string }[];
    };
    assert.equal(listed.items.length, 100);
    const open = listed.items.filter((r) => ['pending', 'accepted'].includes(r.state));
    assert.ok(
      open.some((r) => r.id === running),
      'the running mentorship is listed',
    );
    assert.deepEqual(listed.items.slice(0, open.length), open, 'open ones first');
    const rest = listed.items.slice(open.length).map((r) => r.createdAt);
    assert.deepEqual(rest, [...rest].sort().reverse(), 'then the newest first');
  });

  it('stores a retried request once when it carries an Idempotency-Key', async () => {
    const app = await makeApp();
    const mentor = await openMentor(app, 'u0140');
    const send = () =>
      request(app, '/api/mentorship-requests', 'u0140', {
        ...json({ mentorId: mentor.person_id, goal: 'Learn negotiation' }),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'same-key' },
      });
    const first = await (await send()).json();
    const second = await send();
    assert.equal(second.status, 201);
    assert.equal((await second.json()).id, first.id);
    const rows = await app.db
      .selectFrom('mentorship_requests')
      .select('id')
      .where('mentee_id', '=', 'u0140')
      .where('goal', '=', 'Learn negotiation')
      .execute();
    assert.equal(rows.length, 1);
  });

  it('joins circles, 409 when full or already a member', async () => {
    const app = await makeApp();
    const circles = await circlesAs(app, 'u0160');
    const open = circles.find((c) => c.memberCount < c.capacity && !c.joined)!;
    const joined = await request(app, `/api/circles/${open.id}/join`, 'u0160', { method: 'POST' });
    assert.equal(joined.status, 200);
    const circle = await joined.json();
    assert.equal(circle.joined, true);
    assert.equal(circle.memberCount, open.memberCount + 1);
    const twice = await request(app, `/api/circles/${open.id}/join`, 'u0160', { method: 'POST' });
    assert.equal((await problemOf(twice)).type, MentorshipConflict.alreadyMember);
    const full = circles.find((c) => c.memberCount >= c.capacity)!;
    const members = await app.db
      .selectFrom('circle_members')
      .select('person_id')
      .where('circle_id', '=', full.id)
      .execute();
    const outsider = ['u0161', 'u0162', 'u0163', 'u0164'].find((id) => !members.some((m) => m.person_id === id))!;
    const refused = await request(app, `/api/circles/${full.id}/join`, outsider, { method: 'POST' });
    assert.equal((await problemOf(refused)).type, MentorshipConflict.circleFull);
  });

  it('leaves circles: the place is free at once; leaving again changes nothing; 404 for no circle', async () => {
    const app = await makeApp();
    const circles = await circlesAs(app, 'u0160');
    const open = circles.find((c) => c.memberCount < c.capacity && !c.joined)!;
    await request(app, `/api/circles/${open.id}/join`, 'u0160', { method: 'POST' });
    const left = await request(app, `/api/circles/${open.id}/leave`, 'u0160', { method: 'POST' });
    assert.equal(left.status, 200);
    assert.deepEqual(await left.json(), { ...open, joined: false, memberCount: open.memberCount });
    const rows = await app.db
      .selectFrom('circle_members')
      .select('person_id')
      .where('circle_id', '=', open.id)
      .where('person_id', '=', 'u0160')
      .execute();
    assert.equal(rows.length, 0);
    // Again (a retry whose answer was lost): the same answer, and nobody else leaves.
    const again = await request(app, `/api/circles/${open.id}/leave`, 'u0160', { method: 'POST' });
    assert.equal(again.status, 200);
    assert.equal((await again.json()).memberCount, open.memberCount);
    // A full circle someone leaves has a place for the next.
    const full = circles.find((c) => c.memberCount >= c.capacity)!;
    const [member] = await app.db
      .selectFrom('circle_members')
      .select('person_id')
      .where('circle_id', '=', full.id)
      .execute();
    const outsider = 'u0165';
    const refused = await request(app, `/api/circles/${full.id}/join`, outsider, { method: 'POST' });
    assert.equal((await problemOf(refused)).type, MentorshipConflict.circleFull);
    await request(app, `/api/circles/${full.id}/leave`, member.person_id, { method: 'POST' });
    const joined = await request(app, `/api/circles/${full.id}/join`, outsider, { method: 'POST' });
    assert.equal(joined.status, 200);
    const missing = await request(app, '/api/circles/c-nowhere/leave', 'u0160', { method: 'POST' });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-type'), 'application/problem+json');
  });

  it('lets a mentor change their own availability, capacity and bio, never below the mentees they have', async () => {
    const app = await makeApp();
    const mentor = await openMentor(app, '');
    await app.db
      .updateTable('mentor_profiles')
      .set({ active_mentees: 1 })
      .where('person_id', '=', mentor.person_id)
      .execute();
    const change = (body: unknown, as = mentor.person_id) =>
      request(app, '/api/me/mentor-profile', as, { ...json(body), method: 'PATCH' });

    const paused = await change({ accepting: false });
    assert.equal(paused.status, 200);
    const profile = (await paused.json()) as MentorProfile;
    assert.equal(profile.id, mentor.person_id);
    assert.equal(profile.accepting, false);
    assert.equal(profile.capacity, mentor.capacity, 'what the body leaves out stays');
    const seen = (await (await request(app, `/api/mentors/${mentor.person_id}`, 'u0150')).json()) as MentorProfile;
    assert.equal(seen.accepting, false, 'everyone sees it');
    const refused = await request(
      app,
      '/api/mentorship-requests',
      'u0150',
      json({ mentorId: mentor.person_id, goal: 'Learn it' }),
    );
    assert.equal((await problemOf(refused)).type, MentorshipConflict.notAccepting);

    const grown = (await (
      await change({ accepting: true, capacity: 7, bio: '  New words.  ' })
    ).json()) as MentorProfile;
    assert.deepEqual([grown.accepting, grown.capacity, grown.bio], [true, 7, 'New words.']);

    const below = await change({ capacity: 0 });
    assert.equal(below.status, 400);
    assert.deepEqual((await problemOf(below)).errors, [
      { path: 'capacity', message: 'at least 1, the mentees you have now' },
    ]);
    for (const body of [{}, { capacity: -1 }, { capacity: 51 }, { accepting: 'no' }, { hidden: true }, null]) {
      const invalid = await change(body);
      assert.equal(invalid.status, 400, JSON.stringify(body));
    }
    const stored = await app.db
      .selectFrom('mentor_profiles')
      .selectAll()
      .where('person_id', '=', mentor.person_id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [stored.accepting, stored.capacity, stored.bio],
      [1, 7, 'New words.'],
      'refused changes change nothing',
    );

    const notMentor = await app.db
      .selectFrom('people')
      .select('id')
      .where('id', 'not in', app.db.selectFrom('mentor_profiles').select('person_id'))
      .executeTakeFirstOrThrow();
    const missing = await change({ accepting: false }, notMentor.id);
    assert.equal(missing.status, 404);
    assert.match((await problemOf(missing)).detail!, /no mentor profile/);
  });

  it('requires authentication on every mentoring route', async () => {
    const app = await makeApp();
    for (const [method, path] of [
      ['GET', '/api/mentors'],
      ['GET', '/api/mentors/u0001'],
      ['GET', '/api/me/mentor-matches'],
      ['POST', '/api/mentorship-requests'],
      ['GET', '/api/me/mentorship-requests'],
      ['POST', '/api/mentorship-requests/r0001/accept'],
      ['GET', '/api/circles'],
      ['POST', '/api/circles/c-writing/join'],
      ['POST', '/api/circles/c-writing/leave'],
      ['PATCH', '/api/me/mentor-profile'],
    ]) {
      const response = await app.request(path, { method, as: null });
      assert.equal(response.status, 401, `${method} ${path}`);
    }
  });
});

// Answers that arrive together must not overfill anything or be given twice. On SQLite writes take
// turns anyway; on PostgreSQL (npm run test:server:postgres) these run truly side by side.
describe('mentoring writes that arrive at once', () => {
  it('never give a circle more members than it has places', async () => {
    const app = await makeApp();
    const circle = await app.db.selectFrom('circles').selectAll().orderBy('id').executeTakeFirstOrThrow();
    const members = await app.db
      .selectFrom('circle_members')
      .select('person_id')
      .where('circle_id', '=', circle.id)
      .execute();
    // Make room for exactly two more, then let six people ask at once.
    await app.db
      .updateTable('circles')
      .set({ capacity: members.length + 2 })
      .where('id', '=', circle.id)
      .execute();
    const joiners = (
      await app.db
        .selectFrom('people')
        .select('id')
        .where(
          'id',
          'not in',
          members.map((m) => m.person_id),
        )
        .orderBy('id')
        .limit(6)
        .execute()
    ).map((p) => p.id);
    const answers = await Promise.all(
      joiners.map((id) => request(app, `/api/circles/${circle.id}/join`, id, { method: 'POST' })),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 409, 409, 409, 409]);
    const after = await app.db
      .selectFrom('circle_members')
      .select('person_id')
      .where('circle_id', '=', circle.id)
      .execute();
    assert.equal(after.length, members.length + 2);
  });

  it('keep one open request per mentee and mentor', async () => {
    const app = await makeApp();
    const mentee = 'u0120';
    const mentor = await openMentor(app, mentee);
    await app.db.deleteFrom('mentorship_requests').where('mentee_id', '=', mentee).execute();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        request(
          app,
          '/api/mentorship-requests',
          mentee,
          json({ mentorId: mentor.person_id, goal: 'Run better workshops' }),
        ),
      ),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409]);
    const open = await app.db
      .selectFrom('mentorship_requests')
      .select('id')
      .where('mentee_id', '=', mentee)
      .where('mentor_id', '=', mentor.person_id)
      .execute();
    assert.equal(open.length, 1);
  });

  it('answer a request once when the mentor accepts while the mentee withdraws', async () => {
    const app = await makeApp();
    const mentee = 'u0121';
    const mentor = await openMentor(app, mentee);
    await app.db.deleteFrom('mentorship_requests').where('mentee_id', '=', mentee).execute();
    const id = await ask(app, mentee, mentor.person_id);
    const [accepted, withdrawn] = await Promise.all([
      request(app, `/api/mentorship-requests/${id}/accept`, mentor.person_id, { method: 'POST' }),
      request(app, `/api/mentorship-requests/${id}/withdraw`, mentee, { method: 'POST' }),
    ]);
    assert.deepEqual([accepted.status, withdrawn.status].sort(), [200, 409]);
    const row = await app.db
      .selectFrom('mentorship_requests')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const profile = await app.db
      .selectFrom('mentor_profiles')
      .select('active_mentees')
      .where('person_id', '=', mentor.person_id)
      .executeTakeFirstOrThrow();
    // The place is taken exactly when the request ended accepted.
    assert.equal(profile.active_mentees, mentor.active_mentees + (row.state === 'accepted' ? 1 : 0));
    assert.equal(row.state, accepted.status === 200 ? 'accepted' : 'withdrawn');
  });
});
