import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { type App, makeApp } from './helpers.js';

/*
 * Every one of the 515 hostile strings, in every place a client can put text: the server never
 * fails (no 5xx), refuses what it cannot take with a 4xx problem+json that says why, and gives
 * back what it stored exactly as it was sent.
 */
const strings = [
  ...(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../shared/data/blns.json'), 'utf8')) as string[]),
  // What the list lacks: a NUL (PostgreSQL text cannot hold one), lone surrogates (not UTF-8).
  'a NUL \u0000 inside',
  'lone high \ud800 surrogate',
  'lone low \udc00 surrogate',
];

async function answer(response: Response, what: string) {
  assert.ok(response.status < 500, `${what}: ${response.status}`);
  if (response.status >= 400) {
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/, what);
    const problem = (await response.json()) as { title?: string; status?: number };
    assert.equal(problem.status, response.status, what);
    assert.ok(problem.title, `${what}: a title`);
  } else {
    await response.body?.cancel();
  }
  return response.status;
}

describe('hostile input', () => {
  let app: App;
  before(async () => {
    app = await makeApp();
  });

  it('answers every hostile string in a path or query with 2xx or a 4xx problem, never 5xx', async () => {
    // Each place takes the string already encoded for a URL.
    const places = [
      (s: string) => `/api/people?q=${s}`,
      (s: string) => `/api/people?ids=${s}`,
      (s: string) => `/api/people/${s}`,
      (s: string) => `/api/kudos?team=${s}`,
      (s: string) => `/api/kudos?cursor=${s}`,
      (s: string) => `/api/kudos?limit=${s}`,
      (s: string) => `/api/mentors/${s}`,
      (s: string) => `/api/mentors?skill=${s}`,
      (s: string) => `/api/skill-matrix?skills=${s}`,
      (s: string) => `/api/skills/${s}/experts`,
      (s: string) => `/api/feedback-templates/${s}`,
      (s: string) => `/api/me/feedback?kind=${s}`,
    ];
    const statuses = new Map<number, number>();
    // Half a surrogate pair has no URL form; a client may still send bytes that are not UTF-8.
    const inUrl = strings.filter((s) => !/[\ud800-\udfff]/.test(s)).map(encodeURIComponent);
    for (const s of [...inUrl, '%FF', '%ED%A0%80', '%', '%zz', '%00']) {
      for (const place of places) {
        const path = place(s);
        const status = await answer(await app.request(path), path);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      const path = `/api/kudos/${s}`;
      const deleted = await answer(await app.request(path, { method: 'DELETE' }), `DELETE ${path}`);
      assert.ok(deleted === 400 || deleted === 404, `DELETE ${path}: ${deleted}`);
      const patched = await answer(
        await app.request(path, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ message: 'A message long enough' }),
        }),
        `PATCH ${path}`,
      );
      assert.ok(patched === 400 || patched === 404, `PATCH ${path}: ${patched}`);
      const leave = `/api/circles/${s}/leave`;
      const left = await answer(await app.request(leave, { method: 'POST' }), `POST ${leave}`);
      assert.ok(left === 400 || left === 404, `POST ${leave}: ${left}`);
    }
    // Both kinds of answer happened: the strings reached the checks, not a catch-all.
    assert.ok(
      statuses.get(200)! > 0 && statuses.get(400)! > 0 && statuses.get(404)! > 0,
      JSON.stringify([...statuses]),
    );
  });

  it('stores every hostile kudos message it accepts exactly as sent, and refuses the rest with 4xx', async () => {
    const stored = new Map<string, string>();
    for (const [i, s] of strings.entries()) {
      const response = await app.request('/api/kudos', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `hostile-${i}` },
        body: JSON.stringify({ recipientIds: ['u0002'], message: s, valueIds: ['learning'] }),
      });
      if (response.status !== 201) {
        await answer(response, `message ${i}`);
        continue;
      }
      const kudos = (await response.json()) as { id: string; message: string };
      assert.equal(kudos.message, s.trim(), `message ${i}`);
      stored.set(kudos.id, s.trim());
    }
    assert.ok(stored.size > strings.length / 2, `${stored.size} of ${strings.length} stored`);
    // And the feed gives each back unchanged.
    let read = 0;
    for (let cursor: string | null = ''; cursor !== null;) {
      const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await (await app.request(`/api/kudos?person=u0002&limit=100${after}`)).json()) as {
        items: { id: string; message: string }[];
        nextCursor: string | null;
      };
      for (const item of page.items.filter((k) => stored.has(k.id))) {
        assert.equal(item.message, stored.get(item.id));
        read++;
      }
      cursor = page.nextCursor;
    }
    assert.equal(read, stored.size, 'every stored message read back');
  });

  it('gives every hostile feedback answer it accepts back to the recipient as sent (trimmed)', async () => {
    const own = await makeApp({ feedbackPerDay: 10_000 });
    const marker = 'A round trip of hostile text.';
    const accepted: string[] = [];
    for (const [i, s] of strings.entries()) {
      const response = await own.request('/api/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `answer-${i}` },
        body: JSON.stringify({
          templateId: 'quick-praise',
          recipientId: 'u0003',
          kind: 'praise',
          answers: { what: marker, impact: s },
          visibility: 'recipient',
          anonymous: false,
        }),
      });
      if (response.status === 201) accepted.push(s.trim());
      else await answer(response, `answer ${i}`);
    }
    assert.ok(accepted.length > strings.length / 2, `${accepted.length} of ${strings.length} accepted`);
    const received: string[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await (await own.request(`/api/me/feedback?limit=100${after}`, { as: 'u0003' })).json()) as {
        items: { answers: Record<string, unknown> }[];
        nextCursor: string | null;
      };
      for (const item of page.items) {
        if (item.answers.what === marker) received.push((item.answers.impact as string | undefined) ?? '');
      }
      cursor = page.nextCursor;
    }
    assert.deepEqual(received.sort(), accepted.sort());
  });

  it('refuses text it could not give back as sent: NUL and half a surrogate pair', async () => {
    for (const message of ['a NUL \u0000 inside', 'lone high \ud800 surrogate', 'lone low \udc00 surrogate']) {
      const response = await app.request('/api/kudos', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ recipientIds: ['u0002'], message, valueIds: ['learning'] }),
      });
      assert.equal(response.status, 400, JSON.stringify(message));
      const problem = (await response.json()) as { detail: string; errors: { path: string; message: string }[] };
      assert.deepEqual(problem.errors, [{ path: 'message', message: 'contains NUL or half of a surrogate pair' }]);
      // The detail, which a widget shows, names the field and the reason.
      assert.equal(problem.detail, 'The request body is invalid: message: contains NUL or half of a surrogate pair.');
    }
    const search = await app.request('/api/people?q=an%00');
    assert.equal(search.status, 400);
    assert.equal(((await search.json()) as { errors: { path: string }[] }).errors[0].path, 'q');
    // A pair that is whole is fine: an emoji outside the first plane.
    const emoji = await app.request('/api/people?q=%F0%9F%99%82');
    assert.equal(emoji.status, 200);
    await emoji.body?.cancel();
  });

  it('answers hostile JSON bodies with a 4xx problem', async () => {
    const bodies = [
      ...strings.slice(0, 60),
      '{',
      '[]',
      'null',
      '{"recipientIds": "u0002"}',
      '{"recipientIds": [{"$gt": ""}], "message": "hello", "valueIds": ["learning"]}',
      `{"recipientIds": ["u0002"], "message": ${JSON.stringify('x'.repeat(100_000))}, "valueIds": ["learning"]}`,
    ];
    for (const [i, body] of bodies.entries()) {
      for (const path of ['/api/kudos', '/api/feedback', '/api/mentorship-requests']) {
        const response = await app.request(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `body-${i}-${path}` },
          body,
        });
        const status = await answer(response, `${path} body ${i}`);
        assert.ok(status >= 400, `${path} body ${i}: refused`);
      }
    }
  });
});
