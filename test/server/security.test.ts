import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { defaultPaths } from '../../src/core/rest/rest-backend.js';
import { createApp } from '../../server/app.js';
import { openDatabase } from '../../server/db/database.js';
import { databaseWindows } from '../../server/db/rate-windows.js';
import { markLeft, today } from '../../server/leavers.js';
import { revokeTokens } from '../../server/tokens.js';
import { freshLocation, makeApp, onPostgres, problemOf, type App } from './helpers.js';

describe('authentication', () => {
  it('answers 401 problem+json with WWW-Authenticate without a token', async () => {
    const { request } = await makeApp();
    const response = await request('/api/me', { as: null });
    assert.equal(response.status, 401);
    assert.match(response.headers.get('WWW-Authenticate')!, /^Bearer/);
    assert.equal((await problemOf(response)).status, 401);
  });

  it('refuses an unknown token and every protected route without one', async () => {
    const { request } = await makeApp();
    assert.equal((await request('/api/me', { headers: { Authorization: 'Bearer nope' } })).status, 401);
    assert.equal((await request('/api/me', { headers: { Authorization: 'Basic dTpwdw==' } })).status, 401);
    for (const path of ['/api/me', '/api/people', '/api/people/u0001', '/api/people?ids=u0001']) {
      assert.equal((await request(path, { as: null })).status, 401, path);
    }
  });

  it('stores tokens only as hashes', async () => {
    const { db } = await makeApp();
    const rows = await db.selectFrom('access_tokens').selectAll().execute();
    assert.equal(rows.length, 180);
    assert.ok(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash) && !row.token_hash.includes('demo')));
  });

  it('trusts an SSO proxy header only when enabled, by id or email', async () => {
    const enabled = await makeApp({ trustedHeader: 'X-Remote-User' });
    const byId = await enabled.request('/api/me', { as: null, headers: { 'X-Remote-User': 'u0005' } });
    assert.equal((await byId.json()).id, 'u0005');
    const email = (await (await enabled.request('/api/people/u0006')).json()).email;
    const byEmail = await enabled.request('/api/me', { as: null, headers: { 'X-Remote-User': email.toUpperCase() } });
    assert.equal((await byEmail.json()).id, 'u0006');
    const unknown = await enabled.request('/api/me', { as: null, headers: { 'X-Remote-User': 'mallory' } });
    assert.equal(unknown.status, 401);
    const disabled = await makeApp();
    const ignored = await disabled.request('/api/me', { as: null, headers: { 'X-Remote-User': 'u0005' } });
    assert.equal(ignored.status, 401);
  });

  it("offers the demo sign-in only for the demo organisation's people who have not left", async () => {
    const { request, db } = await makeApp({ demoLogin: true });
    const identities = async () =>
      ((await (await request('/api/demo/identities', { as: null })).json()) as { id: string }[]).map((p) => p.id);
    const signIn = (personId: string) =>
      request('/api/demo/session', { method: 'POST', as: null, body: JSON.stringify({ personId }) });
    const before = await identities();
    assert.ok(before.includes('u0002') && before.includes('u0003') && before.includes('u0004'));
    assert.equal((await signIn('u0004')).status, 204);
    // Someone without a demo token (as anyone an organisation imports) and someone who has left.
    await revokeTokens(db, 'u0002');
    await markLeft(db, ['u0003'], today());
    const after = await identities();
    assert.deepEqual(
      after,
      before.filter((id) => id !== 'u0002' && id !== 'u0003'),
    );
    for (const id of ['u0002', 'u0003']) {
      const refused = await signIn(id);
      assert.equal(refused.status, 404, id);
      assert.equal(refused.headers.get('Set-Cookie'), null, id);
    }
  });

  it('keeps the health check, the OpenAPI document and the reference page public', async () => {
    const { request } = await makeApp();
    assert.equal((await request('/api/health', { as: null })).status, 200);
    const doc = await (await request('/api/openapi.json', { as: null })).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/people'].get.parameters.some((p: { name: string }) => p.name === 'ids'));
    assert.ok(doc.components.schemas.Person.properties.department);
    assert.ok(doc.components.schemas.Problem);
    const page = await request('/api/docs', { as: null });
    assert.match(await page.text(), /Peerkit REST API/);
    const script = await request('/api/docs/api-docs.js', { as: null });
    assert.match(script.headers.get('Content-Type')!, /javascript/);
  });
});

describe('the health check', () => {
  it('answers 200 while the database answers, and 503 problem+json once it does not', async () => {
    const db = await openDatabase(await freshLocation(true));
    const app = createApp({ db, rateLimit: false });
    const healthy = await app.request('/api/health');
    assert.equal(healthy.status, 200);
    assert.deepEqual(await healthy.json(), { status: 'ok' });
    assert.equal(healthy.headers.get('Cache-Control'), 'no-store');
    await db.destroy();
    const down = await app.request('/api/health');
    assert.equal(down.status, 503);
    const body = await problemOf(down);
    assert.equal(body.title, 'Database unavailable');
    assert.match(body.detail!, /cannot reach its database/);
  });
});

describe('the OpenAPI document', () => {
  it('describes every operation the server answers under /api, and no other', async () => {
    const { app, request } = await makeApp();
    const doc = (await (await request('/api/openapi.json', { as: null })).json()) as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    // The server's own pages, which are not part of the contract a backend implements.
    const own = /^\/(health|openapi\.json|docs|docs\/api-docs\.js|avatars\/.*)$/;
    const served = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
        .map((route) => {
          // Hono writes `:name{pattern}`; OpenAPI writes `{name}`.
          const path = route.path.slice('/api'.length).replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
          return `${route.method} ${path}`;
        })
        .filter((operation) => !own.test(operation.split(' ')[1])),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    assert.deepEqual(
      [...served].filter((op) => !documented.has(op)),
      [],
      'served but not documented',
    );
    assert.deepEqual(
      [...documented].filter((op) => !served.has(op)),
      [],
      'documented but not served',
    );
    // Every resource the widgets' REST client asks for is in the document.
    const normal = (path: string) => path.split('?')[0].replace(/\{\w+\}/g, '{}');
    const documentedPaths = new Set(Object.keys(doc.paths).map(normal));
    for (const [name, template] of Object.entries(defaultPaths)) {
      assert.ok(documentedPaths.has(normal(template)), `the client's ${name} path ${template} is documented`);
    }
    const ids = Object.values(doc.paths).flatMap((operations) => Object.values(operations).map((o) => o.operationId));
    assert.equal(new Set(ids).size, ids.length, 'operation ids are unique');
    for (const operations of Object.values(doc.paths)) {
      for (const operation of Object.values(operations)) {
        assert.ok(operation.responses['401'], `${operation.operationId} documents 401`);
      }
    }
  });

  it('gives every request body an example that the reference server accepts', async () => {
    const { request } = await makeApp();
    type Operation = {
      operationId: string;
      requestBody?: { content: Record<string, { example?: unknown }> };
      responses: Record<string, unknown>;
    };
    const doc = (await (await request('/api/openapi.json', { as: null })).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const skill = ((await (await request('/api/skills')).json()) as { items: { id: string }[] }).items[0].id;
    // Kudos u0001 gave, which u0001 may change.
    const given = (
      (await (await request('/api/kudos?person=u0001&limit=100')).json()) as {
        items: { id: string; giver: { id: string } }[];
      }
    ).items.find((k) => k.giver.id === 'u0001')!.id;
    const sent: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        // Only what takes a body can refuse one that is not JSON.
        assert.equal('415' in operation.responses, Boolean(operation.requestBody), `${operation.operationId} and 415`);
        if (!operation.requestBody) continue;
        const example = operation.requestBody.content['application/json']?.example;
        assert.ok(example, `${operation.operationId} has an example body`);
        // As the interactive reference sends it, signed in as the seeded u0001.
        const response = await request(
          `/api${path.replace('{skillId}', skill).replace('/kudos/{id}', `/kudos/${given}`)}`,
          {
            method: method.toUpperCase(),
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(example),
          },
        );
        assert.ok(response.ok, `${operation.operationId}: ${response.status} ${await response.text()}`);
        sent.push(operation.operationId);
      }
    }
    assert.deepEqual(sent.sort(), [
      'changeMyMentorProfile',
      'editKudos',
      'giveKudos',
      'rateMySkill',
      'requestMentorship',
      'sendFeedback',
    ]);
  });
});

describe('request bodies and methods', () => {
  it('takes a write only as JSON: 415 for a form or text, 400 for a body that is empty or not JSON', async () => {
    const { request, db } = await makeApp();
    const kudos = JSON.stringify({ recipientIds: ['u0002'], message: 'Sent as text', valueIds: ['learning'] });
    // What another site's page can post without the browser asking first: refused, nothing stored.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await request('/api/kudos', { method: 'POST', headers: { 'Content-Type': type }, body: kudos });
      assert.equal(response.status, 415, type);
      const body = await problemOf(response);
      assert.match(body.detail!, /Content-Type: application\/json/);
    }
    const stored = await db.selectFrom('kudos').select('id').where('message', '=', 'Sent as text').execute();
    assert.equal(stored.length, 0);

    const broken = await request('/api/kudos', { method: 'POST', body: '{"recipientIds": [' });
    assert.equal(broken.status, 400);
    assert.match((await problemOf(broken)).detail!, /^The request body is not valid JSON: /);
    const empty = await request('/api/me/skills/contract-law', { method: 'PUT', body: ' ' });
    assert.equal(empty.status, 400);
    assert.equal((await problemOf(empty)).detail, 'The request body is empty: send a JSON object.');

    // JSON with a charset, or a JSON type of its own, is JSON.
    const profile = await request('/api/me/mentor-profile', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json; charset=utf-8' },
      body: JSON.stringify({ capacity: 4 }),
    });
    assert.equal(profile.status, 200);
  });

  it('answers 405 with Allow for a method a path does not take, and 404 where nothing lives', async () => {
    const { request } = await makeApp();
    const wrong = await request('/api/kudos', { method: 'DELETE' });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('Allow'), 'GET, HEAD, POST');
    assert.equal((await problemOf(wrong)).title, 'Method not allowed');
    const reaction = await request('/api/kudos/k-1/reactions/clap', { method: 'POST' });
    assert.equal(reaction.status, 405);
    assert.equal(reaction.headers.get('Allow'), 'DELETE, PUT');
    const nothing = await request('/api/nothing-here', { method: 'DELETE' });
    assert.equal(nothing.status, 404);
    assert.equal((await problemOf(nothing)).detail, 'Nothing lives at /api/nothing-here.');
  });
});

describe('response headers', () => {
  it('marks every answer nosniff, and keeps the API reference out of frames', async () => {
    const { request } = await makeApp();
    const answers = {
      json: await request('/api/me'),
      problem: await request('/api/nothing-here'),
      unauthorized: await request('/api/me', { as: null }),
      notModified: await request('/api/values', {
        headers: { 'If-None-Match': (await request('/api/values')).headers.get('ETag')! },
      }),
      reference: await request('/api/docs', { as: null }),
      script: await request('/api/docs/api-docs.js', { as: null }),
      photo: await request('/api/avatars/u0002.svg', { as: null }),
    };
    assert.equal(answers.notModified.status, 304);
    assert.equal(answers.photo.status, 200);
    for (const [what, response] of Object.entries(answers)) {
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff', what);
    }
    assert.equal(answers.reference.headers.get('Content-Security-Policy'), "frame-ancestors 'none'");
    assert.equal(answers.reference.headers.get('X-Frame-Options'), 'DENY');
  });
});

describe('unexpected errors', () => {
  it('answer 500 problem+json with a reference that finds the error in the log, and keep its cause to the log', async (t) => {
    const { request, db } = await makeApp();
    const logged: string[] = [];
    t.mock.method(console, 'error', (...args: unknown[]) => logged.push(args.map(String).join(' ')));
    await db.destroy(); // Every query fails from now on.
    const response = await request('/api/me');
    assert.equal(response.status, 500);
    const body = (await problemOf(response)) as Awaited<ReturnType<typeof problemOf>> & { reference: string };
    assert.match(body.reference, /^[0-9a-f]{12}$/);
    assert.ok(body.detail?.includes(body.reference), body.detail);
    assert.equal(logged.length, 1);
    assert.ok(logged[0].includes(`Internal server error ${body.reference} (GET /api/me)`), logged[0]);
    const cause = logged[0]
      .slice(logged[0].indexOf('):') + 2)
      .trim()
      .split('\n')[0];
    assert.ok(cause.length > 10, 'the log tells the cause');
    assert.ok(!JSON.stringify(body).includes(cause), 'the answer does not');
    const again = (await (await request('/api/me')).json()) as { reference: string };
    assert.notEqual(again.reference, body.reference, 'each error has its own');
  });
});

describe('compression', () => {
  const gzip = { 'Accept-Encoding': 'gzip, deflate, br' };
  const unzipped = async (response: Response) => gunzipSync(Buffer.from(await response.arrayBuffer())).toString();

  it('sends JSON compressed to a client that accepts it, and the same JSON as it is to one that does not', async () => {
    const { request } = await makeApp();
    for (const path of ['/api/openapi.json', '/api/kudos?limit=50', '/api/skill-matrix?department=eng']) {
      const plain = await request(path);
      const packed = await request(path, { headers: gzip });
      assert.equal(plain.headers.get('Content-Encoding'), null, path);
      assert.equal(packed.headers.get('Content-Encoding'), 'gzip', path);
      assert.match(packed.headers.get('Vary') ?? '', /Accept-Encoding/, path);
      const text = await plain.text();
      assert.equal(await unzipped(packed), text, path);
      assert.equal(packed.headers.get('Content-Length'), null, path);
    }
  });

  it('keeps answering 304 to the ETag of a compressed answer', async () => {
    const { request } = await makeApp();
    const first = await request('/api/kudos?limit=50', { headers: gzip });
    const tag = first.headers.get('ETag')!;
    assert.match(tag, /^W\//, 'a compressed body is not the bytes the strong tag names');
    const again = await request('/api/kudos?limit=50', { headers: { ...gzip, 'If-None-Match': tag } });
    assert.equal(again.status, 304);
    // As the full answer did: a cache keeps one copy per encoding.
    assert.match(again.headers.get('Vary') ?? '', /Accept-Encoding/);
  });

  it('never compresses a live stream, whose events must leave one by one, and tells proxies so', async () => {
    const { request } = await makeApp();
    const stream = await request('/api/kudos/stream', { headers: gzip });
    await stream.body?.cancel();
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('Content-Encoding'), null);
    // Nor may a proxy in front: nginx buffers unless told not to, and no-transform forbids compressing.
    assert.equal(stream.headers.get('X-Accel-Buffering'), 'no');
    assert.equal(stream.headers.get('Cache-Control'), 'no-cache, no-transform');
  });
});

describe('CORS', () => {
  it('allows listed origins only, with credentials and exposed ETag', async () => {
    const { request } = await makeApp({ corsOrigins: ['https://intranet.example'] });
    const allowed = await request('/api/me', {
      headers: { Origin: 'https://intranet.example', Authorization: 'Bearer demo-u0001' },
    });
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://intranet.example');
    assert.equal(allowed.headers.get('Access-Control-Allow-Credentials'), 'true');
    assert.match(allowed.headers.get('Access-Control-Expose-Headers')!, /ETag/);
    const refused = await request('/api/me', {
      headers: { Origin: 'https://evil.example', Authorization: 'Bearer demo-u0001' },
    });
    assert.equal(refused.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('answers preflights for listed origins', async () => {
    const { request } = await makeApp({ corsOrigins: ['https://intranet.example'] });
    const preflight = await request('/api/people', {
      method: 'OPTIONS',
      as: null,
      headers: {
        Origin: 'https://intranet.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,if-none-match',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), 'https://intranet.example');
    assert.match(preflight.headers.get('Access-Control-Allow-Headers')!.toLowerCase(), /authorization/);
  });
});

describe('writes asked for by pages of other origins', () => {
  // Signed in as an SSO proxy signs in: by a header it adds to whatever the browser sends it.
  const sso = { 'X-Remote-User': 'u0160' };
  async function setUp() {
    const app = await makeApp({ trustedHeader: 'X-Remote-User', corsOrigins: ['https://intranet.example'] });
    const circles = (await (await app.request('/api/circles', { as: null, headers: sso })).json()) as {
      items: { id: string; joined: boolean; memberCount: number; capacity: number }[];
    };
    const open = circles.items.filter((c) => !c.joined && c.memberCount < c.capacity);
    const joined = async () =>
      (await app.db.selectFrom('circle_members').select('circle_id').where('person_id', '=', 'u0160').execute()).map(
        (row) => row.circle_id,
      );
    return { app, open, joined };
  }

  it("are refused with 403 problem+json, and change nothing, though they carry the reader's session", async () => {
    const { app, open, joined } = await setUp();
    const before = await joined();
    const ways: Record<string, string>[] = [
      // A form posted, or a no-cors fetch, from a page on another site.
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
      // Another site of the same registrable domain (a sibling subdomain) is no better.
      { 'Sec-Fetch-Site': 'same-site', Origin: 'https://wiki.intranet.example' },
      // A browser that sends no Sec-Fetch-Site: its Origin names another host.
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      // A cross-site request that hides its origin.
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of ways) {
      const answer = await app.request(`/api/circles/${open[0].id}/join`, {
        method: 'POST',
        as: null,
        headers: { ...sso, ...headers },
      });
      const body = await problemOf(answer);
      assert.equal(answer.status, 403, JSON.stringify(headers));
      assert.equal(body.title, 'Cross-origin request refused');
      assert.match(body.detail!, /PEERKIT_CORS_ORIGINS/);
    }
    assert.deepEqual(await joined(), before);
    // The API's document says so for every write.
    const document = (await (await app.request('/api/openapi.json', { as: null })).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const writes = Object.values(document.paths).flatMap((operations) =>
      Object.entries(operations).filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method)),
    );
    assert.ok(writes.length >= 10);
    for (const [, operation] of writes) assert.match(operation.responses['403'].description, /origin .* \(CORS\)/);
  });

  it("are let through from this server's pages, the origins CORS allows, and clients that are not browsers", async () => {
    const { app, open, joined } = await setUp();
    const ways: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://peerkit.test' },
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://intranet.example' },
      // An older browser, on a page of this server.
      { Origin: 'http://peerkit.test' },
      // A typed address, or a script or a server: neither header.
      { 'Sec-Fetch-Site': 'none' },
      {},
    ];
    for (const [i, headers] of ways.entries()) {
      const answer = await app.request(`/api/circles/${open[i].id}/join`, {
        method: 'POST',
        as: null,
        headers: { ...sso, ...headers },
      });
      assert.equal(answer.status, 200, JSON.stringify(headers));
    }
    assert.deepEqual(
      (await joined()).sort(),
      open
        .slice(0, ways.length)
        .map((c) => c.id)
        .sort(),
    );
    // Behind a proxy that passes on a Host of its own, the public address names the server's pages.
    const proxied = await makeApp({ trustedHeader: 'X-Remote-User', publicUrl: 'https://peerkit.example/api' });
    const fromOwnPage = await proxied.request(`/api/circles/${open[0].id}/join`, {
      method: 'POST',
      as: null,
      headers: { ...sso, Origin: 'https://peerkit.example' },
    });
    assert.equal(fromOwnPage.status, 200);
    // Reading is CORS's concern: a page elsewhere may ask, and its browser does not show it the answer.
    const read = await app.request('/api/me', {
      as: null,
      headers: { ...sso, 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('Access-Control-Allow-Origin'), null);
  });
});

describe('limits', () => {
  it('refuses a body over the limit with 413 problem+json', async () => {
    const { request } = await makeApp({ bodyLimit: 1024 });
    const response = await request('/api/people', {
      method: 'POST',
      body: JSON.stringify({ padding: 'x'.repeat(4096) }),
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-u0001' },
    });
    assert.equal(response.status, 413);
    assert.match((await problemOf(response)).detail!, /1024 bytes/);
  });

  it('limits requests per client with 429 and Retry-After', async () => {
    const { request } = await makeApp({ rateLimit: { max: 3, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await request('/api/me')).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const limited = await request('/api/me');
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
    assert.equal((await problemOf(limited)).status, 429);
    // Another client has its own window.
    assert.equal((await request('/api/me', { as: 'u0002' })).status, 200);
  });

  it('gives each person behind an SSO proxy a window of their own', async () => {
    // Every request comes from the proxy's one address; the header it sets tells the people apart.
    const { request } = await makeApp({ trustedHeader: 'X-Remote-User', rateLimit: { max: 3, windowMs: 60_000 } });
    const as = (user: string) => request('/api/me', { as: null, headers: { 'X-Remote-User': user } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await as('u0005')).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    assert.equal((await as('u0006')).status, 200);
    assert.equal((await as('u0007')).status, 200);
    // Someone the proxy signs in but Peerkit does not know fails to sign in, and is limited alone.
    const unknown = [];
    for (let i = 0; i < 4; i++) unknown.push((await as('contractor-9')).status);
    assert.deepEqual(unknown, [401, 401, 401, 429]);
    assert.equal((await as('u0008')).status, 200, 'the others are not stopped by those failures');
  });

  it('gives each demo sign-in a window of its own', async () => {
    const { request } = await makeApp({ demoLogin: true, rateLimit: { max: 2, windowMs: 60_000 } });
    const as = (person: string) => request('/api/me', { as: null, headers: { Cookie: `peerkit_demo=demo-${person}` } });
    assert.deepEqual(
      [(await as('u0005')).status, (await as('u0005')).status, (await as('u0005')).status],
      [200, 200, 429],
    );
    assert.equal((await as('u0006')).status, 200);
  });

  it('does not let made-up tokens, one per request, get round the limit', async () => {
    const { request } = await makeApp({ rateLimit: { max: 3, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await request('/api/me', { headers: { Authorization: `Bearer made-up-${i}` } })).status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
    const limited = await request('/api/me', { headers: { Authorization: 'Bearer made-up-again' } });
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
  });

  describe('with several server processes on one database', () => {
    /** Two apps on one new database, as two processes behind a load balancer would be. */
    async function twoProcesses(max: number) {
      const dir = mkdtempSync(join(tmpdir(), 'peerkit-limit-'));
      const location = onPostgres ? await freshLocation(true) : join(dir, 'peerkit.db');
      // They pool their counts only when the test says so (syncRateLimit), not every hour.
      const rateLimit = { max, windowMs: 60_000, syncMs: 3_600_000 };
      const one = await makeApp({ rateLimit }, location);
      const two = await makeApp({ rateLimit }, location);
      return { one, two, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
    }
    const statuses = async (app: App, times: number, as = 'u0001') => {
      const got = [];
      for (let i = 0; i < times; i++) got.push((await app.request('/api/me', { as })).status);
      return got;
    };

    it('counts the requests a client sends to each of them together', async () => {
      const { one, two, cleanUp } = await twoProcesses(4);
      try {
        assert.deepEqual(await statuses(one, 2), [200, 200]);
        await one.app.syncRateLimit();
        assert.deepEqual(await statuses(two, 2), [200, 200]);
        await two.app.syncRateLimit();
        // Counting alone, the second process would allow two more.
        const refused = await two.request('/api/me');
        assert.equal(refused.status, 429, 'the 5th request, the 3rd to this process');
        assert.equal(refused.headers.get('RateLimit-Remaining'), '0');
        assert.ok(Number(refused.headers.get('Retry-After')) > 0);
        // The first learns of the others' requests when it next pools its own.
        await one.app.syncRateLimit();
        assert.deepEqual(await statuses(one, 1), [200]);
        await one.app.syncRateLimit();
        assert.deepEqual(await statuses(one, 1), [429]);
        // Another person has a window of their own on both.
        assert.deepEqual([...(await statuses(one, 1, 'u0002')), ...(await statuses(two, 1, 'u0002'))], [200, 200]);
      } finally {
        cleanUp();
      }
    });

    it('goes on counting in each process alone while the database cannot take the counts', async () => {
      const { one, cleanUp } = await twoProcesses(3);
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (message: string) => warnings.push(message);
      try {
        await sql`drop table rate_windows`.execute(one.db);
        assert.deepEqual(await statuses(one, 2), [200, 200]);
        await one.app.syncRateLimit();
        await one.app.syncRateLimit();
        assert.deepEqual(await statuses(one, 2), [200, 429]);
        assert.equal(warnings.length, 1, 'one warning, not one per attempt');
        assert.match(warnings[0], /counting in this process alone/);
      } finally {
        console.warn = warn;
        cleanUp();
      }
    });

    it('keeps a window until it ends, then starts it again (rate_windows)', async () => {
      const { one, cleanUp } = await twoProcesses(3);
      const windows = databaseWindows(one.db);
      const minute = 60_000;
      const start = Date.now() - 30_000;
      try {
        assert.deepEqual(await windows.add([{ client: 'a', started: start, hits: 2 }], minute), [
          { client: 'a', started: start, hits: 2 },
        ]);
        // Counted by a process whose window began later, within the minute: added to the same window.
        assert.deepEqual(
          await windows.add(
            [
              { client: 'a', started: start + 20_000, hits: 3 },
              { client: 'b', started: start + 20_000, hits: 1 },
            ],
            minute,
          ),
          [
            { client: 'a', started: start, hits: 5 },
            { client: 'b', started: start + 20_000, hits: 1 },
          ],
        );
        // Counted in a window that began when the stored one had ended: a new window.
        assert.deepEqual(await windows.add([{ client: 'a', started: start + minute, hits: 1 }], minute), [
          { client: 'a', started: start + minute, hits: 1 },
        ]);
      } finally {
        cleanUp();
      }
    });
  });
});
