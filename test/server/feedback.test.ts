import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeedbackReceipt, FeedbackTemplate, ReceivedFeedback } from '../../src/contract/feedback.js';
import { FeedbackProblem } from '../../src/contract/problems.js';
import { people } from '../../src/testing/organisation.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { everyGetPath, everyRow, freshLocation, makeApp, onPostgres, problemOf } from './helpers.js';

type App = Awaited<ReturnType<typeof makeApp>>;

/** A recipient with a manager, and people who are neither of them. */
const recipient = people.find((p) => p.managerId && p.id !== 'u0001')!;
const manager = people.find((p) => p.id === recipient.managerId)!;
const [giver, bystander, secondGiver] = people.filter(
  (p) => p.id !== recipient.id && p.id !== manager.id && p.managerId !== recipient.id,
);

const praise = {
  templateId: 'quick-praise',
  recipientId: recipient.id,
  kind: 'praise',
  answers: { what: 'You explained the release plan to three teams at once.', strengths: ['communication'] },
};

function send(app: App, body: unknown, as = giver.id, headers: Record<string, string> = {}) {
  return app.request('/api/feedback', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
    as,
  });
}

async function received(app: App, as: string, path = '/api/me/feedback?limit=100') {
  const response = await app.request(path, { as });
  assert.equal(response.status, 200, path);
  return ((await response.json()) as { items: ReceivedFeedback[] }).items;
}

describe('feedback', () => {
  it('lists templates and answers one with its questions; an unknown id is a 404', async () => {
    const app = await makeApp();
    const { items: list } = (await (await app.request('/api/feedback-templates')).json()) as {
      items: { id: string; questionCount: number }[];
    };
    assert.deepEqual(
      list.map((t) => t.id),
      ['quick-praise', 'sbi', 'project', 'talk'],
    );
    const project = (await (await app.request('/api/feedback-templates/project')).json()) as FeedbackTemplate;
    assert.equal(project.questions.length, list.find((t) => t.id === 'project')!.questionCount);
    assert.deepEqual(
      [...new Set(project.questions.map((q) => q.kind))].sort(),
      ['choice', 'rating', 'text'],
      'the seeded templates show every question kind',
    );
    const missing = await app.request('/api/feedback-templates/nope');
    assert.equal(missing.status, 404);
    assert.match((await problemOf(missing)).detail!, /nope/);
  });

  it('checks answers against the template and names each field', async () => {
    const app = await makeApp();
    const cases: [unknown, string[]][] = [
      [{ ...praise, answers: {} }, ['answers.what']],
      [{ ...praise, answers: { what: '   too short   ' } }, ['answers.what']],
      [{ ...praise, answers: { what: 'x'.repeat(601) } }, ['answers.what']],
      [
        { ...praise, answers: { ...praise.answers, strengths: ['craft', 'initiative', 'helping', 'reliability'] } },
        ['answers.strengths'],
      ],
      [{ ...praise, answers: { ...praise.answers, strengths: ['charm'] } }, ['answers.strengths']],
      [{ ...praise, answers: { ...praise.answers, extra: 'hello' } }, ['answers.extra']],
      [{ ...praise, kind: 'constructive' }, ['kind']],
      [
        {
          templateId: 'project',
          recipientId: recipient.id,
          kind: 'praise',
          answers: { communication: 6, reliability: 2.5, collaboration: '3', again: 'never' },
        },
        ['answers.communication', 'answers.reliability', 'answers.collaboration', 'answers.again'],
      ],
      [{ ...praise, visibility: 'everyone' }, ['visibility']],
      [{ ...praise, anonymous: 'yes' }, ['anonymous']],
    ];
    for (const [body, paths] of cases) {
      const response = await send(app, body);
      assert.equal(response.status, 400, JSON.stringify(body).slice(0, 120));
      const problem = await problemOf(response);
      assert.deepEqual(problem.errors!.map((e) => e.path).sort(), [...paths].sort(), JSON.stringify(problem.errors));
    }
    const broken = await app.request('/api/feedback', {
      method: 'POST',
      body: '{"templateId":',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(broken.status, 400);
    const stored = await app.db.selectFrom('feedback').select('id').where('recipient_id', '=', recipient.id).execute();
    const before = (await makeApp()).db; // a fresh seed for comparison
    const seeded = await before.selectFrom('feedback').select('id').where('recipient_id', '=', recipient.id).execute();
    assert.equal(stored.length, seeded.length, 'nothing invalid was stored');
  });

  it('refuses feedback to yourself, to nobody, and to a manager who does not exist', async () => {
    const app = await makeApp();
    const self = await send(app, { ...praise, recipientId: giver.id });
    assert.equal(self.status, 409);
    assert.equal((await problemOf(self)).type, FeedbackProblem.self);
    const nobody = await send(app, { ...praise, recipientId: 'u9999', templateId: 'gone' });
    assert.equal(nobody.status, 422);
    assert.deepEqual(
      (await problemOf(nobody)).errors!.map((e) => e.path),
      ['recipientId', 'templateId'],
    );
    const top = people.find((p) => !p.managerId && p.id !== giver.id)!;
    const noManager = await send(app, { ...praise, recipientId: top.id, visibility: 'recipient-and-manager' });
    assert.equal(noManager.status, 422);
    assert.equal((await problemOf(noManager)).type, FeedbackProblem.noManager);
  });

  it('needs credentials on every feedback route', async () => {
    const app = await makeApp();
    for (const [method, path] of [
      ['GET', '/api/feedback-templates'],
      ['GET', '/api/feedback-templates/sbi'],
      ['POST', '/api/feedback'],
      ['GET', '/api/me/feedback'],
      ['GET', `/api/people/${recipient.id}/feedback`],
    ]) {
      const response = await app.request(path, {
        method,
        as: null,
        ...(method === 'POST' ? { body: JSON.stringify(praise), headers: { 'Content-Type': 'application/json' } } : {}),
      });
      assert.equal(response.status, 401, `${method} ${path}`);
    }
  });

  it('shows named feedback to the recipient with the giver, and to the manager only when shared', async () => {
    const app = await makeApp();
    await app.db.deleteFrom('feedback').execute();
    const mine = await send(app, praise);
    assert.equal(mine.status, 201);
    const receipt = (await mine.json()) as FeedbackReceipt;
    assert.equal(receipt.recipient.id, recipient.id);
    assert.match(receipt.receivedOn, /^\d{4}-\d{2}-\d{2}$/);
    const shared = await send(app, {
      ...praise,
      visibility: 'recipient-and-manager',
      answers: { what: 'Shared with the manager too.' },
    });
    assert.equal(shared.status, 201);

    const forRecipient = await received(app, recipient.id);
    assert.equal(forRecipient.length, 2);
    assert.ok(forRecipient.every((f) => f.giver?.id === giver.id && f.receivedPrecision === 'day'));
    assert.equal(
      forRecipient[0].answers.strengths !== undefined || forRecipient[1].answers.strengths !== undefined,
      true,
    );

    const forManager = await received(app, manager.id, `/api/people/${recipient.id}/feedback`);
    assert.deepEqual(
      forManager.map((f) => f.answers.what),
      ['Shared with the manager too.'],
    );
    const forOther = await app.request(`/api/people/${recipient.id}/feedback`, { as: bystander.id });
    assert.equal(forOther.status, 403);
    const forGiver = await app.request(`/api/people/${recipient.id}/feedback`, { as: giver.id });
    assert.equal(forGiver.status, 403, 'the giver cannot read what the recipient received');
    assert.equal((await received(app, giver.id)).length, 0);
  });

  it('stores a retried send once, also when the attempts arrive together, and refuses a reused key', async () => {
    const app = await makeApp();
    await app.db.deleteFrom('feedback').execute();
    const first = await send(app, praise, giver.id, { 'Idempotency-Key': 'fb-1' });
    const again = await send(app, praise, giver.id, { 'Idempotency-Key': 'fb-1' });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());

    const body = { ...praise, answers: { what: 'Five attempts at once, one feedback.' } };
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => send(app, body, giver.id, { 'Idempotency-Key': 'fb-race' })),
    );
    assert.deepEqual(
      racing.map((r) => r.status),
      [201, 201, 201, 201, 201],
    );
    assert.equal(racing.filter((r) => r.headers.get('Idempotent-Replayed') === 'true').length, 4);
    const stored = await received(app, recipient.id);
    assert.equal(stored.length, 2, 'one from fb-1 and one from fb-race');

    const reused = await send(app, { ...praise, answers: { what: 'A different request with an old key.' } }, giver.id, {
      'Idempotency-Key': 'fb-1',
    });
    assert.equal(reused.status, 422);
    assert.match((await problemOf(reused)).title, /reused/);
    assert.equal((await received(app, recipient.id)).length, 2);
  });

  it('limits feedback per person and day, anonymous included, with Retry-After', async () => {
    const app = await makeApp({ feedbackPerDay: 3 });
    for (let i = 0; i < 3; i++) {
      const response = await send(app, {
        ...praise,
        anonymous: i % 2 === 0,
        answers: { what: `Thank you, number ${i}.` },
      });
      assert.equal(response.status, 201);
    }
    const over = await send(app, { ...praise, anonymous: true });
    assert.equal(over.status, 429);
    assert.equal((await problemOf(over)).type, FeedbackProblem.dailyLimit);
    const wait = Number(over.headers.get('Retry-After'));
    assert.ok(wait > 0 && wait <= 86_400, `Retry-After ${wait}`);
    assert.equal((await send(app, praise, bystander.id)).status, 201, 'another person has their own count');
  });

  it('counts across server processes that share the database and its secret, under a keyed name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerkit-quota-'));
    try {
      const location = onPostgres ? await freshLocation(true) : join(dir, 'peerkit.db');
      const one = await makeApp({ feedbackPerDay: 3, secret: 'shared by both' }, location);
      const two = await makeApp({ feedbackPerDay: 3, secret: 'shared by both' }, location);
      assert.equal((await send(one, praise)).status, 201);
      assert.equal((await send(two, { ...praise, anonymous: true })).status, 201);
      assert.equal((await send(one, praise)).status, 201);
      assert.equal((await send(two, praise)).status, 429, 'the fourth, whichever process it reaches');
      assert.equal((await one.db.selectFrom('feedback_quota').selectAll().execute()).length, 1);

      // Another key gives the same person and day another name: nothing in the database can tell
      // whose a count is, not even by hashing every person's id.
      const other = await makeApp({ feedbackPerDay: 3, secret: 'another' }, location);
      assert.equal((await send(other, praise)).status, 201);
      const holders = (await one.db.selectFrom('feedback_quota').select('holder').execute()).map((row) => row.holder);
      assert.equal(new Set(holders).size, 2);
      assert.ok(holders.every((holder) => !holder.includes(giver.id)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('anonymous feedback', () => {
  it('is held until its week is over, for the recipient and their manager; named feedback shows at once', async () => {
    let now = new Date('2026-12-02T10:00:00Z'); // a Wednesday
    const app = await makeApp({ now: () => now });
    await app.db.deleteFrom('feedback').execute();
    const shared = { ...praise, visibility: 'recipient-and-manager' };
    const named = await send(app, { ...shared, answers: { what: 'Named: the release plan.' } });
    const anonymous = await send(app, { ...shared, anonymous: true, answers: { what: 'Anonymous: the review.' } });
    assert.equal(named.status, 201);
    assert.equal(anonymous.status, 201);
    const [namedReceipt, anonymousReceipt] = [
      (await named.json()) as FeedbackReceipt,
      (await anonymous.json()) as FeedbackReceipt,
    ];
    assert.deepEqual([namedReceipt.receivedOn, namedReceipt.readableFrom], ['2026-12-02', '2026-12-02']);
    assert.deepEqual(
      [anonymousReceipt.receivedOn, anonymousReceipt.readableFrom],
      ['2026-11-30', '2026-12-07'],
      'the Monday of its week, and the Monday after it',
    );
    const shown = async () => [
      (await received(app, recipient.id)).map((f) => f.answers.what),
      (await received(app, manager.id, `/api/people/${recipient.id}/feedback?limit=100`)).map((f) => f.answers.what),
    ];
    const namedOnly = [['Named: the release plan.'], ['Named: the release plan.']];
    assert.deepEqual(await shown(), namedOnly);
    now = new Date('2026-12-06T23:59:59Z'); // the last second of its week
    assert.deepEqual(await shown(), namedOnly);
    now = new Date('2026-12-07T00:00:00Z');
    const both = (await shown()).map((list) => list.sort());
    assert.deepEqual(both, [
      ['Anonymous: the review.', 'Named: the release plan.'],
      ['Anonymous: the review.', 'Named: the release plan.'],
    ]);
    // Shown then with the Monday of its week, as every anonymous feedback is.
    const shownAnonymous = (await received(app, recipient.id)).find((f) => f.anonymous)!;
    assert.equal(shownAnonymous.receivedOn, '2026-11-30');
  });

  it('is never linked to its giver in any answer of the API, to anyone', async () => {
    let days = 0;
    const app = await makeApp({ now: () => new Date(Date.now() + days * 86_400_000) });
    await app.db.deleteFrom('feedback').execute();
    const marker = 'Anonymous marker 7f3a: the estimate was presented as a promise.';
    const body = {
      templateId: 'sbi',
      recipientId: recipient.id,
      kind: 'constructive',
      visibility: 'recipient-and-manager',
      anonymous: true,
      answers: {
        situation: 'The planning meeting on Tuesday.',
        behaviour: marker,
        impact: 'Support told customers a date we could not keep.',
      },
    };
    const answers: { what: string; response: Response }[] = [];
    const record = async (what: string, response: Response | Promise<Response>) => {
      answers.push({ what, response: await response });
    };
    // The send, a replay, and every error the giver can provoke about it.
    await record('send', send(app, body, giver.id, { 'Idempotency-Key': 'anon-1' }));
    await record('replay', send(app, body, giver.id, { 'Idempotency-Key': 'anon-1' }));
    await record('reused key', send(app, { ...body, answers: {} }, giver.id, { 'Idempotency-Key': 'anon-1' }));
    await record('invalid', send(app, { ...body, answers: { behaviour: marker } }));
    await record('self', send(app, { ...body, recipientId: giver.id }));
    // A second anonymous giver in the same week, so that order could tell them apart.
    await record(
      'second',
      send(app, { ...body, answers: { ...body.answers, situation: 'The demo on Friday.' } }, secondGiver.id),
    );
    assert.equal(answers[0].response.status, 201);
    days = 7; // its week is over: the recipient and the manager can read it

    // Every GET of the API, as the giver, the recipient, the manager and a bystander.
    const gets = await everyGetPath(app, {
      '{id}': [giver.id, recipient.id, manager.id, 'sbi', 'quick-praise'],
      '{skillId}': ['ts'],
      '{reaction}': ['clap'],
    });
    assert.ok(gets.includes('/me/feedback') && gets.includes(`/people/${recipient.id}/feedback`));
    for (const as of [giver.id, recipient.id, manager.id, bystander.id]) {
      for (const path of gets) await record(`GET ${path} as ${as}`, app.request(`/api${path}?limit=100`, { as }));
    }

    const giverTraces = [giver.id, giver.name, giver.email, `demo-${giver.id}`];
    let seenByRecipient = 0;
    for (const { what, response } of answers) {
      const text = `${[...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${await response.text()}`;
      const aboutIt = text.includes('7f3a') || what.startsWith('send') || what === 'replay' || /feedback/.test(what);
      if (!aboutIt) continue;
      for (const trace of giverTraces) {
        if (what.includes(trace)) continue; // a 404 may echo the id that was asked for
        assert.ok(!text.includes(trace), `${what} carries ${trace}`);
      }
      if (text.includes('7f3a')) {
        seenByRecipient++;
        assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T\d{2}:/, `${what} carries a time of day`);
      }
    }
    assert.ok(seenByRecipient >= 3, `the feedback was read (by the recipient and the manager): ${seenByRecipient}`);

    const forRecipient = await received(app, recipient.id);
    assert.equal(forRecipient.length, 2);
    for (const entry of forRecipient) {
      assert.equal(entry.giver, null);
      assert.equal(entry.receivedPrecision, 'week');
      assert.equal(new Date(`${entry.receivedOn}T00:00:00Z`).getUTCDay(), 1, 'shown as the Monday of its week');
    }
    assert.deepEqual(
      forRecipient.map((f) => f.id),
      forRecipient.map((f) => f.id).sort(),
      'within a week, order follows the random id, not who sent first',
    );

    // Stored apart: no row of the feedback names the giver, and nothing kept for retries names the feedback.
    const rows = await app.db.selectFrom('feedback').selectAll().execute();
    assert.ok(rows.every((row) => row.giver_id === null));
    const keys = await app.db.selectFrom('idempotency_records').selectAll().execute();
    for (const row of rows) assert.ok(keys.every((key) => !key.body.includes(row.id)));
    for (const key of keys) assert.match(key.created_at, /T00:00:00\.000Z$/, 'a kept answer keeps only its day');

    // A copy of the whole database (a backup, a dump) cannot link a giver to the feedback either:
    // no row of any table that names a giver speaks of feedback, not even today's count.
    const givers = [giver.id, secondGiver.id];
    const traces = [
      /^feedback/, // the feedback tables
      /\/feedback/, // a route of the feedback
      /\\?"anonymous\\?":\s*(true|1)/, // a receipt, or a request
      /estimate was presented/, // the answers
      ...rows.map((row) => new RegExp(row.id)),
    ];
    const linking = async () =>
      (await everyRow(app)).filter(
        (text) =>
          givers.some((id) => new RegExp(`(?<![\\w-])${id}(?!\\w)`).test(text)) &&
          traces.some((trace) => trace.test(text)),
      );
    assert.deepEqual(await linking(), []);
    assert.equal(
      (await app.db.selectFrom('feedback_quota').selectAll().execute()).length,
      2,
      "each giver's count of today is kept, for the daily limit, under a name that is not theirs",
    );
    await assert.rejects(
      app.db.updateTable('feedback').set({ giver_id: giver.id }).execute(),
      /check constraint.*feedback_anonymous_has_no_giver/i,
      'the database refuses a giver on anonymous feedback',
    );
  });
});
