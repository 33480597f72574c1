// GET /skill-matrix for 500 people × 80 skills on the reference server (in-memory SQLite, or the
// PostgreSQL database DATABASE_URL names: an empty scratch one, since the bench adds its rows),
// against a baseline in the same run: the raw queries any implementation must make (people,
// skills, ratings) serialised as JSON. Medians of several rounds and the ratio are printed.
// Run: `[DATABASE_URL=postgres://…] node --import tsx bench/skill-matrix-server.ts [rounds]`.
import { performance } from 'node:perf_hooks';
import { createApp } from '../server/app.js';
import { openDatabase } from '../server/db/database.js';

const rounds = Number(process.argv[2] ?? 15);
const db = await openDatabase(process.env.DATABASE_URL || ':memory:');
console.log(`on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'in-memory SQLite'}`);
const app = createApp({ db, rateLimit: false });

// Grow the seeded organisation (180 × 40) to 500 people × 80 skills, about half of the pairs rated.
const now = new Date().toISOString();
const extraPeople = Array.from({ length: 320 }, (_, i) => ({
  id: `b${i}`,
  name: `Bench Person ${i}`,
  email: `bench${i}@example.test`,
  title: 'Specialist',
  department_id: ['eng', 'design', 'data', 'sales'][i % 4],
  location: 'Berlin',
  time_zone: 'Europe/Berlin',
  has_photo: 0,
  manager_id: null,
  languages: '[]',
}));
for (let i = 0; i < extraPeople.length; i += 50)
  await db
    .insertInto('people')
    .values(extraPeople.slice(i, i + 50))
    .execute();
const extraSkills = Array.from({ length: 40 }, (_, i) => ({
  id: `bs${i}`,
  name: `Bench skill ${i}`,
  category: 'Bench',
  synonyms: '[]',
}));
await db.insertInto('skills').values(extraSkills).execute();
const people = (await db.selectFrom('people').select('id').orderBy('id').execute()).map((p) => p.id);
const skills = (await db.selectFrom('skills').select('id').orderBy('id').execute()).map((s) => s.id);
const ratings = [];
for (const [p, person] of people.entries()) {
  for (const [s, skill] of skills.entries()) {
    if ((p * 7 + s * 3) % 2 === 0)
      ratings.push({ person_id: person, skill_id: skill, source: 'peer', level: (p + s) % 6, assessed_at: now });
  }
}
for (let i = 0; i < ratings.length; i += 150) {
  await db
    .insertInto('skill_ratings')
    .values(ratings.slice(i, i + 150))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function endpoint() {
  const response = await app.request('http://bench.test/api/skill-matrix', {
    headers: { Authorization: 'Bearer demo-u0001' },
  });
  const body = (await response.json()) as { people: unknown[]; skills: unknown[]; cells: unknown[] };
  return body;
}

async function baseline() {
  const [p, s, r] = await Promise.all([
    db.selectFrom('people').selectAll().execute(),
    db.selectFrom('skills').selectAll().execute(),
    db.selectFrom('skill_ratings').selectAll().execute(),
  ]);
  return JSON.parse(JSON.stringify({ p, s, r }));
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const times = { endpoint: [] as number[], baseline: [] as number[] };
let shape = '';
for (let round = 0; round <= rounds; round++) {
  for (const kind of round % 2 ? (['endpoint', 'baseline'] as const) : (['baseline', 'endpoint'] as const)) {
    const start = performance.now();
    const result = kind === 'endpoint' ? await endpoint() : await baseline();
    const elapsed = performance.now() - start;
    if (round > 0) times[kind].push(elapsed);
    if (kind === 'endpoint' && 'cells' in result)
      shape = `${result.people.length} people × ${result.skills.length} skills, ${result.cells.length} cells`;
  }
}
const e = median(times.endpoint);
const b = median(times.baseline);
console.log(`GET /skill-matrix, ${shape}; medians of ${rounds} rounds after a warm-up:`);
console.log(`  raw queries + JSON (baseline): ${b.toFixed(1)} ms`);
console.log(`  the endpoint:                  ${e.toFixed(1)} ms = ${(e / b).toFixed(2)}× baseline (target ≤ 3.00×)`);
await db.destroy();
process.exit(e / b <= 3 ? 0 : 1);
