import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expert, Rating, Skill, SkillGap, SkillMatrix } from '../../src/contract/skills.js';
import { makeApp, problemOf } from './helpers.js';

type App = Awaited<ReturnType<typeof makeApp>>;

async function json<T>(app: App, path: string, as = 'u0001'): Promise<T> {
  const response = await app.request(path, { as });
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

const put = (level: unknown) => ({
  method: 'PUT',
  body: JSON.stringify({ level }),
  headers: { 'Content-Type': 'application/json' },
});

describe('skill routes', () => {
  it('lists skills with categories and synonyms, and the level scale', async () => {
    const app = await makeApp();
    const skills = (await json<{ items: Skill[] }>(app, '/api/skills')).items;
    assert.equal(skills.length, 40);
    assert.ok(skills.find((s) => s.id === 'kubernetes')!.synonyms.includes('k8s'));
    const design = (await json<{ items: Skill[] }>(app, '/api/skills?category=Design')).items;
    assert.ok(design.length > 0 && design.every((s) => s.category === 'Design'));
    const levels = (
      await json<{ items: { level: number; label: string; descriptor: string }[] }>(app, '/api/skill-levels')
    ).items;
    assert.deepEqual(
      levels.map((l) => l.level),
      [0, 1, 2, 3, 4, 5],
    );
    assert.ok(levels.every((l) => l.label && l.descriptor));
  });

  it('answers a whole matrix in one response, shaped for a grid', async () => {
    const app = await makeApp();
    const matrix = await json<SkillMatrix>(app, '/api/skill-matrix');
    assert.equal(matrix.people.length, 180);
    assert.equal(matrix.skills.length, 40);
    assert.ok(matrix.cells.length > 1000);
    for (const [p, s, level, source, at] of matrix.cells) {
      assert.ok(matrix.people[p] && matrix.skills[s], 'cells point into people and skills');
      assert.ok(level >= 0 && level <= 5);
      assert.ok(['self', 'manager', 'peer'].includes(source));
      assert.ok(!Number.isNaN(Date.parse(at)));
    }
    const pairs = new Set(matrix.cells.map(([p, s]) => `${p}|${s}`));
    assert.equal(pairs.size, matrix.cells.length, 'one cell per person and skill');
    assert.ok(pairs.size < 180 * 40, 'not assessed pairs have no cell');
    assert.ok(matrix.targets.length > 0);
    // A seeded mentor's expertise shows in the matrix at its level.
    const mentor = await json<{ expertise: { skill: { id: string }; level: number }[] }>(app, '/api/mentors/u0001');
    const row = matrix.people.findIndex((p) => p.id === 'u0001');
    for (const e of mentor.expertise) {
      const column = matrix.skills.findIndex((s) => s.id === e.skill.id);
      const cell = matrix.cells.find(([p, s]) => p === row && s === column)!;
      assert.equal(cell[2], e.level);
    }
  });

  it('filters the matrix by department, category and skills', async () => {
    const app = await makeApp();
    const design = await json<SkillMatrix>(app, '/api/skill-matrix?department=design&category=Design');
    assert.ok(design.people.length > 0 && design.people.every((p) => p.department.id === 'design'));
    assert.ok(design.skills.every((s) => s.category === 'Design'));
    assert.ok(design.targets.every((t) => t.departmentId === 'design'));
    const two = await json<SkillMatrix>(app, '/api/skill-matrix?skills=typescript,ux-research');
    assert.deepEqual(two.skills.map((s) => s.id).sort(), ['typescript', 'ux-research']);
    // A department that does not exist is a mistake to name, not an empty matrix (filters.test.ts).
    assert.equal((await app.request('/api/skill-matrix?department=nobody')).status, 404);
    const bad = await app.request('/api/skill-matrix?skills=%3Cx%3E');
    assert.equal(bad.status, 400);
    assert.equal((await problemOf(bad)).errors?.[0].path, 'skills.0');
  });

  it('lists experts highest level first, with whether they mentor', async () => {
    const app = await makeApp();
    const experts = (await json<{ items: Expert[] }>(app, '/api/skills/typescript/experts?limit=20')).items;
    assert.ok(experts.length > 3);
    const levels = experts.map((e) => e.level);
    assert.deepEqual(
      levels,
      [...levels].sort((a, b) => b - a),
    );
    const mentors = new Set(
      (await app.db.selectFrom('mentor_profiles').select('person_id').where('hidden', '=', 0).execute()).map(
        (m) => m.person_id,
      ),
    );
    assert.ok(experts.every((e) => e.mentor === mentors.has(e.person.id)));
    assert.ok(experts.some((e) => e.mentor));
    assert.equal((await app.request('/api/skills/nothing/experts')).status, 404);
  });

  it('shows the photo from an imported directory in the matrix and among experts', async () => {
    const app = await makeApp();
    const expert = (await json<{ items: Expert[] }>(app, '/api/skills/typescript/experts?limit=1')).items[0].person;
    const photo = 'https://directory.example/photos/1.jpg';
    await app.db.updateTable('people').set({ photo_url: photo }).where('id', '=', expert.id).execute();
    const again = (await json<{ items: Expert[] }>(app, '/api/skills/typescript/experts?limit=1')).items[0].person;
    assert.equal(again.photoUrl, photo);
    const matrix = await json<SkillMatrix>(app, `/api/skill-matrix?department=${expert.department.id}`);
    assert.equal(matrix.people.find((p) => p.id === expert.id)!.photoUrl, photo);
  });

  it('computes gaps against targets and marks bus-factor skills', async () => {
    const app = await makeApp();
    const gaps = (await json<{ items: SkillGap[] }>(app, '/api/skill-gaps?department=eng')).items;
    const matrix = await json<SkillMatrix>(app, '/api/skill-matrix?department=eng');
    assert.ok(gaps.length > 0);
    for (const gap of gaps) {
      const column = matrix.skills.findIndex((s) => s.id === gap.skill.id);
      const atTarget = matrix.cells.filter(([, s, level]) => s === column && level >= gap.target).length;
      assert.equal(gap.atTarget, atTarget, gap.skill.id);
      assert.equal(gap.atTarget + gap.below, matrix.people.length);
      assert.equal(gap.busFactor, atTarget < 2);
    }
    assert.equal((await app.request('/api/skill-gaps')).status, 400);
    assert.equal((await app.request('/api/skill-gaps?department=nobody')).status, 404);
  });

  it('stores a validated self-assessment that becomes the current level', async () => {
    const app = await makeApp();
    const response = await app.request('/api/me/skills/rust', { ...put(4), as: 'u0010' });
    assert.equal(response.status, 200);
    const rating = (await response.json()) as Rating;
    assert.deepEqual([rating.personId, rating.skillId, rating.level, rating.source], ['u0010', 'rust', 4, 'self']);
    const matrix = await json<SkillMatrix>(app, '/api/skill-matrix?skills=rust');
    const row = matrix.people.findIndex((p) => p.id === 'u0010');
    assert.deepEqual(matrix.cells.find(([p]) => p === row)!.slice(2, 4), [4, 'self']);
    // Level 0 is a rating ("aware"), not the absence of one.
    await app.request('/api/me/skills/rust', { ...put(0), as: 'u0010' });
    const again = await json<SkillMatrix>(app, '/api/skill-matrix?skills=rust');
    assert.equal(again.cells.find(([p]) => p === row)![2], 0);

    for (const bad of [6, -1, 2.5, '3', null]) {
      const invalid = await app.request('/api/me/skills/rust', { ...put(bad), as: 'u0010' });
      assert.equal(invalid.status, 400, `level ${JSON.stringify(bad)}`);
      assert.equal((await problemOf(invalid)).errors?.[0].path, 'level');
    }
    assert.equal((await app.request('/api/me/skills/nothing', { ...put(2), as: 'u0010' })).status, 404);
    assert.equal((await app.request('/api/me/skills/rust', { ...put(2), as: null })).status, 401);
    assert.equal((await app.request('/api/skill-matrix', { as: null })).status, 401);
  });

  it('documents every skill route in the OpenAPI document, with references that resolve', async () => {
    const app = await makeApp();
    const doc = (await (await app.request('/api/openapi.json', { as: null })).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    for (const path of [
      '/skills',
      '/skill-levels',
      '/skill-matrix',
      '/skills/{id}/experts',
      '/skill-gaps',
      '/me/skills/{skillId}',
    ]) {
      assert.ok(doc.paths[path], path);
    }
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    assert.ok(refs.includes('SkillMatrix'));
    for (const ref of refs) assert.ok(doc.components.schemas[ref], `schema ${ref}`);
  });
});
