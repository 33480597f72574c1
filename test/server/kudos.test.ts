import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompanyValue, Kudos, KudosReactions } from '../../src/contract/kudos.js';
import { KudosConflict } from '../../src/contract/problems.js';
import { idempotencyOwner, KEEP_MS } from '../../server/idempotency.js';
import { MAX_STREAMS_PER_PERSON } from '../../server/routes/kudos.js';
import { makeApp, problemOf, readEvents } from './helpers.js';

type App = Awaited<ReturnType<typeof makeApp>>;

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

async function page(app: App, query: string, as = 'u0001') {
  const response = await app.request(`/api/kudos${query}`, { as });
  assert.equal(response.status, 200, `GET /api/kudos${query}`);
  return (await response.json()) as { items: Kudos[]; nextCursor: string | null };
}

async function give(app: App, body: Record<string, unknown>, as = 'u0001', headers: Record<string, string> = {}) {
  return app.request('/api/kudos', { ...post(body, headers), as });
}

describe('kudos routes', () => {
  it('lists the company values and a seeded history across departments', async () => {
    const app = await makeApp();
    const values = (await (await app.request('/api/values')).json()).items as CompanyValue[];
    assert.equal(values.length, 6);
    assert.ok(values.every((v) => v.name && v.description && v.emoji));
    const count = await app.db
      .selectFrom('kudos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(count.n) >= 2000, `seeded ${count.n} kudos`);
    const first = await page(app, '?limit=100');
    const departments = new Set(first.items.flatMap((k) => k.recipients.map((r) => r.department.id)));
    assert.ok(departments.size >= 8, `recipients from ${departments.size} departments`);
  });

  it('pages with a cursor that stays stable while new kudos arrive', async () => {
    const app = await makeApp();
    const first = await page(app, '?limit=30');
    assert.equal(first.items.length, 30);
    assert.ok(first.nextCursor);
    // New kudos arrive between page 1 and page 2.
    for (let i = 0; i < 3; i++) {
      const response = await give(app, {
        recipientIds: ['u0002'],
        message: `Fresh thanks ${i}`,
        valueIds: ['learning'],
      });
      assert.equal(response.status, 201);
    }
    const second = await page(app, `?limit=30&cursor=${encodeURIComponent(first.nextCursor)}`);
    const ids = [...first.items, ...second.items].map((k) => k.id);
    assert.equal(new Set(ids).size, 60, 'no kudos is shown twice');
    assert.ok(!second.items.some((k) => k.message.startsWith('Fresh thanks')), 'new kudos do not shift older pages');
    const times = [...first.items, ...second.items].map((k) => k.createdAt);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    const fresh = await page(app, '?limit=3');
    assert.deepEqual(
      fresh.items.map((k) => k.message),
      ['Fresh thanks 2', 'Fresh thanks 1', 'Fresh thanks 0'],
    );
    const bad = await app.request('/api/kudos?cursor=bm9wZQ');
    assert.equal(bad.status, 400);
    assert.equal((await problemOf(bad)).errors?.[0].path, 'cursor');
  });

  it('walks the whole history page by page', async () => {
    const app = await makeApp();
    let cursor: string | null = '';
    const seen = new Set<string>();
    let pages = 0;
    while (cursor !== null) {
      const result = await page(app, `?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const k of result.items) seen.add(k.id);
      cursor = result.nextCursor;
      pages++;
    }
    const visible = await app.db
      .selectFrom('kudos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.or([
          eb('visibility', '=', 'public'),
          eb('giver_id', '=', 'u0001'),
          eb.exists(
            eb
              .selectFrom('kudos_recipients')
              .select('person_id')
              .whereRef('kudos_seq', '=', 'kudos.seq')
              .where('person_id', '=', 'u0001'),
          ),
        ]),
      )
      .executeTakeFirstOrThrow();
    assert.equal(seen.size, Number(visible.n));
    assert.ok(pages > 20);
  });

  it('filters by value, person and team', async () => {
    const app = await makeApp();
    const byValue = await page(app, '?value=courage&limit=50');
    assert.ok(byValue.items.length > 10);
    assert.ok(byValue.items.every((k) => k.values.some((v) => v.id === 'courage')));
    const byPerson = await page(app, '?person=u0042&limit=50');
    assert.ok(byPerson.items.length > 0);
    assert.ok(byPerson.items.every((k) => k.giver.id === 'u0042' || k.recipients.some((r) => r.id === 'u0042')));
    const byTeam = await page(app, '?team=legal&limit=50');
    assert.ok(byTeam.items.length > 0);
    assert.ok(
      byTeam.items.every(
        (k) => k.giver.department.id === 'legal' || k.recipients.some((r) => r.department.id === 'legal'),
      ),
    );
    const combined = await page(app, '?team=eng&value=learning&limit=50');
    assert.ok(combined.items.every((k) => k.values.some((v) => v.id === 'learning')));
    const invalid = await app.request('/api/kudos?team=%3Cscript%3E');
    assert.equal(invalid.status, 400);
    assert.equal((await problemOf(invalid)).errors?.[0].path, 'team');
  });

  it('shows private kudos only to the giver and the recipients', async () => {
    const app = await makeApp();
    const response = await give(app, {
      recipientIds: ['u0003'],
      message: 'Just between us: thank you.',
      valueIds: ['together'],
      visibility: 'private',
    });
    const created = (await response.json()) as Kudos;
    assert.equal(created.visibility, 'private');
    assert.equal((await app.request(`/api/kudos/${created.id}`, { as: 'u0003' })).status, 200);
    assert.equal((await app.request(`/api/kudos/${created.id}`, { as: 'u0099' })).status, 404);
    assert.ok(!(await page(app, '?limit=5', 'u0099')).items.some((k) => k.id === created.id));
    assert.equal((await page(app, '?limit=1', 'u0003')).items[0].id, created.id);
  });

  it('validates new kudos with clear problems', async () => {
    const app = await makeApp();
    const self = await give(app, { recipientIds: ['u0001'], message: 'Well done me', valueIds: ['learning'] });
    assert.equal(self.status, 409);
    assert.equal((await problemOf(self)).type, KudosConflict.self);

    const invalid = await give(app, { recipientIds: [], message: 'x'.repeat(1001), valueIds: ['a', 'b', 'c', 'd'] });
    assert.equal(invalid.status, 400);
    const paths = (await problemOf(invalid)).errors!.map((e) => e.path).sort();
    assert.deepEqual(paths, ['message', 'recipientIds', 'valueIds']);

    const blank = await give(app, { recipientIds: ['u0002'], message: '   \n ', valueIds: ['learning'] });
    assert.equal(blank.status, 400);

    const unknown = await give(app, {
      recipientIds: ['u9999'],
      message: 'Thanks @{u8888}!',
      valueIds: ['nonsense'],
    });
    assert.equal(unknown.status, 422);
    assert.deepEqual((await problemOf(unknown)).errors!.map((e) => e.path).sort(), [
      'message',
      'recipientIds',
      'valueIds',
    ]);

    const noBody = await app.request('/api/kudos', { method: 'POST', body: 'not json' });
    assert.equal(noBody.status, 400);
    assert.equal((await app.request('/api/kudos', { ...post({}), as: null })).status, 401);
  });

  it('resolves mentions to people and keeps the message as it was written', async () => {
    const app = await makeApp();
    const message = 'Thanks for the help, and @{u0005} too. <b>bold</b> stays text';
    const created = (await (
      await give(app, { recipientIds: ['u0002', 'u0004'], message, valueIds: ['learning', 'together'] })
    ).json()) as Kudos;
    assert.equal(created.message, message);
    assert.deepEqual(
      created.mentions.map((p) => p.id),
      ['u0005'],
    );
    assert.deepEqual(created.recipients.map((p) => p.id).sort(), ['u0002', 'u0004']);
    assert.deepEqual(
      created.values.map((v) => v.id),
      ['learning', 'together'],
    );
    assert.equal(created.giver.id, 'u0001');
  });

  it('stores a retried send once when it carries the same Idempotency-Key', async () => {
    const app = await makeApp();
    const body = { recipientIds: ['u0002'], message: 'Sent twice, stored once', valueIds: ['ownership'] };
    const first = await give(app, body, 'u0001', { 'Idempotency-Key': 'kudos-key-1' });
    const second = await give(app, body, 'u0001', { 'Idempotency-Key': 'kudos-key-1' });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
    // The same answer again, down to the Location of what was created.
    const id = ((await first.json()) as Kudos).id;
    assert.equal(((await second.json()) as Kudos).id, id);
    assert.match(first.headers.get('Location')!, new RegExp(`/api/kudos/${id}$`));
    assert.equal(second.headers.get('Location'), first.headers.get('Location'));
    const stored = await app.db.selectFrom('kudos').select('id').where('message', '=', body.message).execute();
    assert.equal(stored.length, 1);
  });

  it('forgets Idempotency-Keys after 30 days, so that they do not pile up', async () => {
    const app = await makeApp();
    const owner = (key: string) => idempotencyOwner('u0001', 'POST /api/kudos', key);
    const kept = (key: string, age: number) => ({
      owner: owner(key),
      status: 201,
      body: '{}',
      request_hash: 'h',
      created_at: new Date(Date.now() - age).toISOString(),
    });
    await app.db
      .insertInto('idempotency_records')
      .values([
        kept('twice-as-old', 2 * KEEP_MS),
        kept('expired-a-minute-ago', KEEP_MS + 60_000),
        kept('a-week-old', 7 * 86_400_000),
      ])
      .execute();
    const body = { recipientIds: ['u0002'], message: 'A new send', valueIds: ['ownership'] };
    assert.equal((await give(app, body, 'u0001', { 'Idempotency-Key': 'new' })).status, 201);
    const keys = await app.db.selectFrom('idempotency_records').select('owner').execute();
    assert.deepEqual(keys.map((k) => k.owner).sort(), [owner('a-week-old'), owner('new')].sort());
  });

  it('counts one reaction per person and emoji, and takes it back', async () => {
    const app = await makeApp();
    const target = (await page(app, '?limit=1')).items[0];
    const url = `/api/kudos/${target.id}/reactions/rocket`;
    const rocket = (r: KudosReactions) => r.reactions.find((x) => x.reaction === 'rocket')!;
    // Start from u0150 not having reacted, whatever the seed gave.
    const baseline = rocket(
      (await (await app.request(url, { method: 'DELETE', as: 'u0150' })).json()) as KudosReactions,
    );
    assert.equal(baseline.mine, false);
    const on = (await (await app.request(url, { method: 'PUT', as: 'u0150' })).json()) as KudosReactions;
    const again = (await (await app.request(url, { method: 'PUT', as: 'u0150' })).json()) as KudosReactions;
    assert.equal(rocket(on).count, baseline.count + 1);
    assert.equal(rocket(on).mine, true);
    assert.equal(rocket(again).count, rocket(on).count, 'a second PUT changes nothing');
    const seenByOther = (await (await app.request(`/api/kudos/${target.id}`, { as: 'u0151' })).json()) as Kudos;
    assert.equal(seenByOther.reactions.find((r) => r.reaction === 'rocket')!.count, baseline.count + 1);
    assert.equal(seenByOther.reactions.find((r) => r.reaction === 'rocket')!.mine, false);
    const off = (await (await app.request(url, { method: 'DELETE', as: 'u0150' })).json()) as KudosReactions;
    assert.equal(rocket(off).count, baseline.count);
    assert.equal(rocket(off).mine, false);
    const unknown = await app.request(`/api/kudos/${target.id}/reactions/poop`, { method: 'PUT' });
    assert.equal(unknown.status, 400);
    const missing = await app.request('/api/kudos/k-none/reactions/clap', { method: 'PUT' });
    assert.equal(missing.status, 404);
  });

  it('lets the giver delete their kudos for everyone, and tells the live streams; no one else may', async () => {
    const app = await makeApp();
    const given = (await (
      await give(app, { recipientIds: ['u0002'], message: 'Oops, wrong person', valueIds: ['learning'] }, 'u0040', {
        'Idempotency-Key': 'wrong-person',
      })
    ).json()) as Kudos;
    const kept = () =>
      app.db.selectFrom('idempotency_records').select('location').where('location', 'like', `%${given.id}`).execute();
    assert.equal((await kept()).length, 1, 'the first answer is kept for a retry');
    await app.request(`/api/kudos/${given.id}/reactions/clap`, { method: 'PUT', as: 'u0041' });
    const { seq } = await app.db.selectFrom('kudos').select('seq').where('id', '=', given.id).executeTakeFirstOrThrow();
    for (const table of ['kudos_recipients', 'kudos_values', 'kudos_reactions'] as const) {
      assert.equal((await app.db.selectFrom(table).selectAll().where('kudos_seq', '=', seq).execute()).length, 1);
    }
    const ac = new AbortController();
    const stream = await app.request('/api/kudos/stream?value=courage', { signal: ac.signal, as: 'u0010' });
    const reading = readEvents(stream, (events) => events.some((e) => e.event === 'removed'));
    await new Promise((r) => setTimeout(r, 50));

    for (const as of ['u0002', 'u0041']) {
      const refused = await app.request(`/api/kudos/${given.id}`, { method: 'DELETE', as });
      assert.equal(refused.status, 403, `${as} did not give it`);
      assert.equal((await problemOf(refused)).detail, 'Only the person who gave kudos can delete them.');
    }
    assert.equal((await app.request(`/api/kudos/${given.id}`, { as: 'u0002' })).status, 200, 'still there');

    const deleted = await app.request(`/api/kudos/${given.id}`, { method: 'DELETE', as: 'u0040' });
    assert.equal(deleted.status, 204);
    assert.equal(await deleted.text(), '');
    assert.equal((await app.request(`/api/kudos/${given.id}`, { as: 'u0040' })).status, 404);
    assert.ok(!(await page(app, '?person=u0002&limit=100', 'u0002')).items.some((k) => k.id === given.id));
    assert.equal((await kept()).length, 0, 'nor is its text kept as the answer to its send');
    const again = await app.request(`/api/kudos/${given.id}`, { method: 'DELETE', as: 'u0040' });
    assert.equal(again.status, 404, 'gone already');
    for (const table of ['kudos_recipients', 'kudos_values', 'kudos_reactions'] as const) {
      const left = await app.db.selectFrom(table).selectAll().where('kudos_seq', '=', seq).execute();
      assert.equal(left.length, 0, table);
    }

    // A stream filtered to another value hears of it too: nothing of the kudos is left to filter by.
    const events = await reading;
    ac.abort();
    assert.deepEqual(JSON.parse(events.find((e) => e.event === 'removed')!.data), { kudosId: given.id });
  });

  it('lets the giver change the message and values of their kudos, tells the live streams; no one else may', async () => {
    const app = await makeApp();
    const given = (await (
      await give(
        app,
        { recipientIds: ['u0002'], message: 'Thanks @{u0003} for the tyop', valueIds: ['learning'] },
        'u0040',
      )
    ).json()) as Kudos;
    assert.equal(given.editedAt, null);
    await app.request(`/api/kudos/${given.id}/reactions/clap`, { method: 'PUT', as: 'u0041' });
    const ac = new AbortController();
    // A stream of the value the kudos leaves: it hears of the change, and its feed drops the kudos.
    const stream = await app.request('/api/kudos/stream?value=learning', { signal: ac.signal, as: 'u0010' });
    const reading = readEvents(stream, (events) => events.some((e) => e.event === 'edited'));
    await new Promise((r) => setTimeout(r, 50));
    const change = (body: unknown, as = 'u0040') =>
      app.request(`/api/kudos/${given.id}`, {
        method: 'PATCH',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
        as,
      });

    for (const as of ['u0002', 'u0041']) {
      const refused = await change({ message: 'Not mine to change' }, as);
      assert.equal(refused.status, 403, `${as} did not give it`);
      assert.equal((await problemOf(refused)).detail, 'Only the person who gave kudos can change them.');
    }
    for (const [body, path] of [
      [{}, ''],
      [{ message: 'no' }, 'message'],
      [{ valueIds: [] }, 'valueIds'],
      [{ recipientIds: ['u0005'] }, ''],
      [{ message: 'Thanks @{nobody} for this' }, 'message'],
      [{ valueIds: ['not-a-value'] }, 'valueIds'],
    ] as const) {
      const refused = await change(body);
      assert.ok(refused.status === 400 || refused.status === 422, `${JSON.stringify(body)}: ${refused.status}`);
      const problem = await problemOf(refused);
      if (path)
        assert.ok(
          problem.errors!.some((e) => e.path === path),
          JSON.stringify(problem),
        );
    }

    const changed = await change({ message: 'Thanks @{u0004} for the typo fix', valueIds: ['courage', 'together'] });
    assert.equal(changed.status, 200);
    const kudos = (await changed.json()) as Kudos;
    assert.equal(kudos.message, 'Thanks @{u0004} for the typo fix');
    assert.deepEqual(
      kudos.mentions.map((p) => p.id),
      ['u0004'],
    );
    assert.deepEqual(kudos.values.map((v) => v.id).sort(), ['courage', 'together']);
    assert.ok(kudos.editedAt && kudos.editedAt >= kudos.createdAt);
    // What the change leaves alone stays: who receives it, when it was given, its reactions.
    assert.deepEqual(kudos.recipients, given.recipients);
    assert.equal(kudos.createdAt, given.createdAt);
    assert.equal(kudos.reactions.find((r) => r.reaction === 'clap')!.count, 1);
    assert.deepEqual((await (await app.request(`/api/kudos/${given.id}`, { as: 'u0002' })).json()) as Kudos, {
      ...kudos,
      reactions: kudos.reactions,
    });
    // The values alone: the message stays.
    const values = (await (await change({ valueIds: ['ownership'] })).json()) as Kudos;
    assert.equal(values.message, kudos.message);
    assert.deepEqual(
      values.values.map((v) => v.id),
      ['ownership'],
    );

    const events = await reading;
    ac.abort();
    const edited = JSON.parse(events.find((e) => e.event === 'edited')!.data) as Kudos;
    assert.equal(edited.id, given.id);
    assert.equal(edited.message, kudos.message);
    assert.equal((await change({ message: 'Gone already' }, 'u0040')).status, 200);
    await app.request(`/api/kudos/${given.id}`, { method: 'DELETE', as: 'u0040' });
    assert.equal((await change({ message: 'Gone already' })).status, 404);
  });

  it('holds at most ten live streams open per person, and frees a place when one closes', async () => {
    const app = await makeApp({ testHooks: true });
    const open = async (as: string) => ({ response: await app.request('/api/kudos/stream', { as }) });
    const following = async () => ((await (await app.request('/__test/streams')).json()) as { open: number }).open;
    const held = [];
    for (let i = 0; i < MAX_STREAMS_PER_PERSON; i++) held.push(await open('u0030'));
    assert.deepEqual(
      held.map((h) => h.response.status),
      Array(MAX_STREAMS_PER_PERSON).fill(200),
    );
    const refused = await open('u0030');
    assert.equal(refused.response.status, 429);
    assert.equal(refused.response.headers.get('Retry-After'), '30');
    assert.match((await problemOf(refused.response)).detail!, /At most 10 live streams/);
    const someoneElse = await open('u0031');
    assert.equal(someoneElse.response.status, 200);
    await someoneElse.response.body!.cancel();

    // The client goes: what it read of the stream is dropped.
    await held.pop()!.response.body!.cancel();
    let again = await open('u0030');
    for (let i = 0; again.response.status === 429 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 20));
      again = await open('u0030');
    }
    assert.equal(again.response.status, 200, 'a closed stream frees its place');
    for (const h of [...held, again]) await h.response.body!.cancel();
    // Every stream has ended, also the one whose client left before it had started to follow.
    for (let i = 0; (await following()) > 0 && i < 100; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(await following(), 0);
  });

  it('moves a filtered stream past the kudos it does not send, so a reconnect neither replays nor reloads', async () => {
    // Other processes' writes are found by polling: events stored straight into the database, quickly.
    const app = await makeApp({ eventPollMs: 10 });
    const ac = new AbortController();
    const stream = await app.request('/api/kudos/stream?value=courage', { signal: ac.signal, as: 'u0010' });
    let seen: { event: string; id: string }[] = [];
    const reading = readEvents(stream, (events) => ((seen = events), false), 60_000).catch(() => undefined);
    const waitFor = async (check: () => boolean, what: string) => {
      for (let wait = 0; !check(); wait++) {
        assert.ok(wait < 1000, what);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const position = () => Math.max(0, ...seen.filter((e) => e.event === '').map((e) => Number(e.id)));
    await waitFor(() => seen.some((e) => e.event === 'ready'), 'the stream ready');
    const start = Number(seen.find((e) => e.event === 'ready')!.id);
    const other = (await (
      await give(app, { recipientIds: ['u0002'], message: 'About learning', valueIds: ['learning'] })
    ).json()) as Kudos;
    const { seq } = await app.db.selectFrom('kudos').select('seq').where('id', '=', other.id).executeTakeFirstOrThrow();
    // More kudos of other values than a reconnect replays, a few at a time as a busy day brings them.
    for (let batch = 0; batch < 6; batch++) {
      const createdAt = new Date().toISOString();
      await app.db
        .insertInto('kudos_events')
        .values(Array.from({ length: 100 }, () => ({ kind: 'kudos' as const, kudos_seq: seq, created_at: createdAt })))
        .execute();
      const newest = await app.db
        .selectFrom('kudos_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      await waitFor(() => position() >= Number(newest.id), `the stream's position at ${newest.id}`);
    }
    ac.abort();
    await reading;
    assert.ok(position() > start + 600, 'the position moved past all of them');
    assert.deepEqual([...new Set(seen.map((e) => e.event))].sort(), ['', 'ready'], 'no event was sent for them');

    // Back with the last id it was given: only what came since, no reset.
    const again = await app.request('/api/kudos/stream?value=courage', {
      headers: { 'Last-Event-ID': String(position()) },
      as: 'u0010',
    });
    const resumed = readEvents(again, (events) => events.some((e) => e.event === 'kudos' || e.event === 'reset'));
    await new Promise((r) => setTimeout(r, 50));
    await give(app, { recipientIds: ['u0003'], message: 'Brave and new', valueIds: ['courage'] });
    const events = await resumed;
    assert.deepEqual(
      events.filter((e) => e.event !== '' && e.event !== 'ready').map((e) => e.event),
      ['kudos'],
    );
    assert.equal(JSON.parse(events.find((e) => e.event === 'kudos')!.data).message, 'Brave and new');
  });

  it('streams new kudos and reaction counts, filtered, and resumes from Last-Event-ID', async () => {
    const app = await makeApp();
    const ac = new AbortController();
    const stream = await app.request('/api/kudos/stream?value=courage', { signal: ac.signal, as: 'u0010' });
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('Content-Type') ?? '', /^text\/event-stream/);
    const reading = readEvents(stream, (events) => events.some((e) => e.event === 'kudos'));
    await new Promise((r) => setTimeout(r, 50));
    await give(app, { recipientIds: ['u0002'], message: 'Not about courage', valueIds: ['learning'] });
    await give(app, { recipientIds: ['u0002'], message: 'Bold move!', valueIds: ['courage'] });
    const events = await reading;
    const kudosEvents = events.filter((e) => e.event === 'kudos');
    assert.equal(kudosEvents.length, 1);
    const streamed = JSON.parse(kudosEvents[0].data) as Kudos;
    assert.equal(streamed.message, 'Bold move!', 'the kudos without the filtered value was not sent');
    ac.abort();

    // A reaction while the client is away, then a reconnect with the last id it saw.
    await app.request(`/api/kudos/${streamed.id}/reactions/tada`, { method: 'PUT', as: 'u0020' });
    await give(app, { recipientIds: ['u0003'], message: 'Brave call', valueIds: ['courage'] });
    const resumed = await app.request('/api/kudos/stream?value=courage', {
      headers: { 'Last-Event-ID': kudosEvents[0].id },
      as: 'u0010',
    });
    const missed = await readEvents(
      resumed,
      (list) => list.filter((e) => e.event === 'kudos' || e.event === 'reactions').length >= 2,
    );
    const reactionEvent = missed.find((e) => e.event === 'reactions')!;
    const reactions = JSON.parse(reactionEvent.data) as KudosReactions;
    assert.equal(reactions.kudosId, streamed.id);
    assert.equal(reactions.reactions.find((r) => r.reaction === 'tada')!.count, 1);
    assert.equal(JSON.parse(missed.find((e) => e.event === 'kudos')!.data).message, 'Brave call');
    assert.ok(Number(reactionEvent.id) > Number(kudosEvents[0].id), 'event ids increase');

    const bad = await app.request('/api/kudos/stream', { headers: { 'Last-Event-ID': 'abc' } });
    assert.equal(bad.status, 400);
    assert.equal((await app.request('/api/kudos/stream', { as: null })).status, 401);
  });
});
