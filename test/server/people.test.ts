import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Person } from '../../src/contract/people.js';
import { makeApp, problemOf } from './helpers.js';

describe('people routes', () => {
  it('GET /me answers the signed-in person', async () => {
    const { request } = await makeApp();
    const response = await request('/api/me', { as: 'u0007' });
    assert.equal(response.status, 200);
    const me = await response.json();
    assert.equal(me.id, 'u0007');
    assert.ok(Array.isArray(me.languages));
  });

  it('GET /people/{id} answers a person, 404 problem for an unknown id, 400 for a malformed one', async () => {
    const { request } = await makeApp();
    const person = (await (await request('/api/people/u0002')).json()) as Person;
    assert.equal(person.id, 'u0002');
    assert.match(person.photoUrl ?? 'none', /^http:\/\/peerkit\.test\/api\/avatars\/u0002\.svg$|^none$/);
    const missing = await request('/api/people/u9999');
    assert.equal(missing.status, 404);
    assert.match((await problemOf(missing)).detail!, /u9999/);
    const malformed = await request(`/api/people/${encodeURIComponent('<script>')}`);
    assert.equal(malformed.status, 400);
  });

  it('GET /people?ids= answers people in the order asked, lists unknown ids, ignores repeats', async () => {
    const { request } = await makeApp();
    const response = await request('/api/people?ids=u0003,ghost,u0001,u0003');
    assert.equal(response.status, 200);
    const batch = await response.json();
    assert.deepEqual(
      batch.items.map((p: Person) => p.id),
      ['u0003', 'u0001'],
    );
    assert.deepEqual(batch.missing, ['ghost']);
    assert.equal(batch.nextCursor, null);
  });

  it('refuses more than 50 ids with a 400 problem naming the field', async () => {
    const { request } = await makeApp();
    const ids = Array.from({ length: 51 }, (_, i) => `u${String(i + 1).padStart(4, '0')}`).join(',');
    const response = await request(`/api/people?ids=${ids}`);
    assert.equal(response.status, 400);
    const body = await problemOf(response);
    assert.equal(body.status, 400);
    assert.deepEqual(
      body.errors!.map((e) => e.path),
      ['ids'],
    );
  });

  it('validates limit and cursor', async () => {
    const { request } = await makeApp();
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'cursor=not-a-cursor']) {
      const response = await request(`/api/people?${query}`);
      assert.equal(response.status, 400, query);
      const body = await problemOf(response);
      assert.ok(body.errors!.length > 0, query);
    }
  });

  it('pages through everyone with stable cursors, in name order', async () => {
    const { request } = await makeApp();
    const seen: Person[] = [];
    let cursor: string | null = null;
    do {
      const response = await request(`/api/people?limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      const page = (await response.json()) as { items: Person[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 180);
    assert.equal(new Set(seen.map((p) => p.id)).size, 180);
    const names = seen.map((p) => p.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });

  it('searches name, title, department and email; LIKE wildcards match themselves', async () => {
    const { request } = await makeApp();
    const byDepartment = (await (await request('/api/people?q=legal&limit=100')).json()).items as Person[];
    assert.ok(byDepartment.length > 5);
    assert.ok(
      byDepartment.every((p) =>
        [p.name, p.title, p.department.name, p.email].some((t) => t.toLowerCase().includes('legal')),
      ),
    );
    const wildcard = (await (await request('/api/people?q=%25')).json()).items;
    assert.deepEqual(wildcard, []);
    const byDepartmentFilter = (await (await request('/api/people?department=design&limit=100')).json())
      .items as Person[];
    assert.ok(byDepartmentFilter.length > 0 && byDepartmentFilter.every((p) => p.department.id === 'design'));
  });

  it('sends an ETag and answers 304 to a matching If-None-Match', async () => {
    const { request } = await makeApp();
    const first = await request('/api/me');
    const tag = first.headers.get('ETag');
    assert.ok(tag);
    assert.equal(first.headers.get('Cache-Control'), 'private, no-cache');
    const again = await request('/api/me', { headers: { 'If-None-Match': tag, Authorization: 'Bearer demo-u0001' } });
    assert.equal(again.status, 304);
    const other = await request('/api/me', { headers: { 'If-None-Match': tag, Authorization: 'Bearer demo-u0002' } });
    assert.equal(other.status, 200);
  });

  it('serves generated portraits only for people with a photo', async () => {
    const { request, db } = await makeApp();
    const withPhoto = await db.selectFrom('people').select('id').where('has_photo', '=', 1).executeTakeFirstOrThrow();
    const without = await db.selectFrom('people').select('id').where('has_photo', '=', 0).executeTakeFirstOrThrow();
    const svg = await request(`/api/avatars/${withPhoto.id}.svg`, { as: null });
    assert.equal(svg.status, 200);
    assert.equal(svg.headers.get('Content-Type'), 'image/svg+xml');
    const text = await svg.text();
    assert.match(text, /^<svg /);
    assert.doesNotMatch(text, /<script|href=/);
    assert.equal((await request(`/api/avatars/${without.id}.svg`, { as: null })).status, 404);
  });

  it('answers unknown routes with a 404 problem', async () => {
    const { request } = await makeApp();
    const response = await request('/api/nothing-here');
    assert.equal(response.status, 404);
    assert.equal((await problemOf(response)).title, 'Not found');
  });
});
