import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { openDatabase, type Db } from '../../server/db/database.js';
import {
  exportOrganisation,
  importOrganisation,
  ImportError,
  type OrganisationFile,
} from '../../server/organisation.js';
import { admin } from '../../server/admin.js';
import { createToken, listTokens, revokeTokens } from '../../server/tokens.js';
import type { MentorProfile } from '../../src/contract/mentors.js';
import type { Me, Person } from '../../src/contract/people.js';
import { freshLocation, onPostgres } from './helpers.js';

const dirs: string[] = [];
const opened: Db[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'peerkit-admin-'));
  dirs.push(dir);
  return dir;
}

/** `npm run admin` with these settings; what it prints, to either stream, goes to `lines`. */
function adminCommand(env: Record<string, string>) {
  const lines: string[] = [];
  const run = (...args: string[]) =>
    admin(
      args,
      env,
      (line) => lines.push(line),
      (line) => lines.push(line),
    );
  return { run, lines };
}

/** Where an empty database (no demo organisation) can be opened, and the settings that name it. */
async function emptyLocation() {
  const location = onPostgres ? await freshLocation(false) : join(tempDir(), 'peerkit.db');
  const env: Record<string, string> = onPostgres ? { DATABASE_URL: location } : { PEERKIT_DB: location };
  return { location, env };
}

async function open(location: string, seed = false) {
  const db = await openDatabase(location, { seed });
  opened.push(db);
  return db;
}

/** A small organisation; the manager comes after the people she manages. */
const acme = (): OrganisationFile => ({
  departments: [
    { id: 'ops', name: 'Operations' },
    { id: 'rnd', name: 'Research & Development' },
  ],
  skills: [
    { id: 'sql', name: 'SQL', category: 'Data' },
    { id: 'welding', name: 'Welding', category: 'Craft', synonyms: ['TIG'] },
  ],
  values: [
    { id: 'care', name: 'Care', description: 'We look after each other.', emoji: '🤝' },
    { id: 'craft', name: 'Craft', description: 'We do it properly.', emoji: '🛠️' },
  ],
  people: [
    {
      id: 'e-200',
      name: 'Jo Brandt',
      email: 'Jo.Brandt@Acme.example',
      title: 'Welder',
      departmentId: 'ops',
      location: 'Hamburg',
      timeZone: 'Europe/Berlin',
      managerId: 'e-100',
      languages: ['de', 'en'],
      learningGoals: ['sql'],
    },
    {
      id: 'e-100',
      name: 'Ana Ruiz',
      email: 'ana.ruiz@acme.example',
      title: 'Head of R&D',
      departmentId: 'rnd',
      location: 'Madrid',
      timeZone: 'Europe/Madrid',
      photoUrl: 'https://directory.acme.example/photos/e-100.jpg',
    },
  ],
  skillTargets: [{ departmentId: 'ops', skillId: 'welding', level: 4 }],
  mentors: [{ personId: 'e-100', bio: 'Ask me about data.', capacity: 2, expertise: [{ skillId: 'sql', level: 5 }] }],
  circles: [{ id: 'data-club', topic: 'Data for everyone', leadId: 'e-100', capacity: 8 }],
  feedbackTemplates: [
    {
      id: 'shift',
      name: 'After a shift',
      description: 'Two questions.',
      kinds: ['praise'],
      questions: [
        { id: 'what', kind: 'text', prompt: 'What went well?', required: true, minLength: 1, maxLength: 300 },
        {
          id: 'how',
          kind: 'rating',
          prompt: 'How did it feel?',
          required: false,
          scale: { min: 1, max: 3, labels: ['Hard', 'Fine', 'Great'] },
        },
      ],
    },
  ],
});

/** Runs `npm run admin` as a user would: the real command in a process of its own. */
function runAdmin(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const as = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe('running the server for an organisation', () => {
  // Closed after each test: the PostgreSQL databases are dropped when the file ends.
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.destroy()));
  });

  it('imports an organisation into an empty database, and the API serves it to a token made for a person', async () => {
    const { location } = await emptyLocation();
    const db = await open(location);
    const summary = await importOrganisation(db, acme());
    assert.deepEqual(summary.people, { added: 2, updated: 0, left: 0, back: 0 });
    assert.deepEqual(summary.feedbackTemplates, { added: 1, updated: 0 });

    const app = createApp({ db, rateLimit: false });
    const { token } = await createToken(db, 'JO.BRANDT@acme.example', 'laptop');
    assert.match(token, /^pk_[\w-]{40,}$/);
    const me = (await (await app.request('/api/me', as(token))).json()) as Me;
    assert.equal(me.id, 'e-200');
    assert.equal(me.email, 'jo.brandt@acme.example', 'emails are kept in lower case, as SSO proxies send them');
    assert.equal(me.managerId, 'e-100');
    assert.deepEqual(me.languages, ['de', 'en']);
    assert.equal(me.photoUrl, null);
    const ana = (await (await app.request('/api/people/e-100', as(token))).json()) as Person;
    assert.equal(ana.photoUrl, 'https://directory.acme.example/photos/e-100.jpg');
    assert.equal(ana.department.name, 'Research & Development');
    const values = (await (await app.request('/api/values', as(token))).json()) as { items: { id: string }[] };
    assert.deepEqual(
      values.items.map((v) => v.id),
      ['care', 'craft'],
    );
    const mentor = (await (await app.request('/api/mentors/e-100', as(token))).json()) as MentorProfile;
    assert.deepEqual(
      mentor.expertise.map((e) => [e.skill.id, e.level]),
      [['sql', 5]],
    );
    const circles = (await (await app.request('/api/circles', as(token))).json()) as {
      items: { id: string; topic: string; capacity: number }[];
    };
    assert.deepEqual(
      circles.items.map((c) => [c.id, c.topic, c.capacity]),
      [['data-club', 'Data for everyone', 8]],
    );
    const template = await app.request('/api/feedback-templates/shift', as(token));
    assert.equal(template.status, 200);
    const matches = (await (await app.request('/api/me/mentor-matches', as(token))).json()) as {
      items: { mentor: { person: { id: string } } }[];
    };
    assert.deepEqual(
      matches.items.map((m) => m.mentor.person.id),
      ['e-100'],
      'the learning goal finds the mentor who knows it',
    );
  });

  it('refuses a file with problems, naming each, and changes nothing', async () => {
    const { location } = await emptyLocation();
    const db = await open(location);
    await importOrganisation(db, acme());
    const before = await exportOrganisation(db);

    const shape = acme() as { people: Record<string, unknown>[] } & Record<string, unknown>;
    shape.people[0].email = 'not an email';
    shape.people[0].timeZone = 'Mars/Olympus';
    shape.people[1].photoUrl = 'javascript:alert(1)';
    shape.teams = [];
    const refs = acme();
    refs.people![0].managerId = 'e-999';
    refs.people![1].departmentId = 'legal';
    refs.people!.push({ ...refs.people![1], id: 'e-300', email: 'jo.brandt@acme.example', departmentId: 'ops' });
    refs.mentors![0].expertise[0].skillId = 'juggling';
    refs.circles![0].leadId = 'e-200';
    const circle = acme();
    circle.people![1].managerId = 'e-200';
    const twice = acme();
    twice.skills!.push({ id: 'sql', name: 'Structured Query Language', category: 'Data' });

    const problems = async (file: unknown) => {
      const error = await importOrganisation(db, file).then(
        () => assert.fail('imported'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ImportError, String(error));
      return error.errors.map((e) => `${e.path}: ${e.message}`);
    };
    const listed = await problems(shape);
    for (const path of ['people.0.email', 'people.0.timeZone', 'people.1.photoUrl']) {
      assert.ok(
        listed.some((p) => p.startsWith(`${path}:`)),
        `${path} in ${listed.join('; ')}`,
      );
    }
    assert.ok(listed.some((p) => /teams/.test(p)));
    assert.deepEqual((await problems(refs)).sort(), [
      'circles.0.leadId: "e-200" is not a mentor, in the file or stored',
      'mentors.0.expertise.0.skillId: no skill has the id "juggling", in the file or stored',
      'people.0.managerId: no person has the id "e-999", in the file or stored',
      'people.1.departmentId: no department has the id "legal", in the file or stored',
      'people.2.email: the email "jo.brandt@acme.example" is also at people.0',
    ]);
    assert.deepEqual(await problems(circle), [
      'people.0.managerId: the managers of "e-200" go round in a circle',
      'people.1.managerId: the managers of "e-100" go round in a circle',
    ]);
    assert.deepEqual(await problems(twice), ['skills.2: the id "sql" is also at skills.0']);
    // Shape and references at once, in one run: a broken entry is named for its shape alone, not
    // again by those that refer to it.
    const mixed = acme() as { people: Record<string, unknown>[] } & OrganisationFile;
    // Ana, new under another id, broken; Jo, her mentor entry and her circle refer to her.
    mixed.people[1] = { ...mixed.people[1], id: 'e-101', timeZone: 'Mars/Olympus' };
    mixed.people[0] = { ...mixed.people[0], managerId: 'e-101', departmentId: 'legal' };
    mixed.mentors![0].personId = 'e-101';
    mixed.circles![0].leadId = 'e-101';
    mixed.skillTargets![0].skillId = 'juggling';
    assert.deepEqual((await problems(mixed)).sort(), [
      'people.0.departmentId: no department has the id "legal", in the file or stored',
      'people.1.timeZone: not an IANA time zone (for example "Europe/Berlin")',
      'skillTargets.0.skillId: no skill has the id "juggling", in the file or stored',
    ]);
    await db.updateTable('mentor_profiles').set({ active_mentees: 2 }).where('person_id', '=', 'e-100').execute();
    await db
      .insertInto('circle_members')
      .values(['e-100', 'e-200'].map((id) => ({ circle_id: 'data-club', person_id: id, joined_at: '2026-11-02' })))
      .execute();
    const more = acme();
    more.people = [{ ...more.people![0], id: 'e-300', email: 'ana.ruiz@acme.example', managerId: null }];
    more.mentors![0].capacity = 1;
    more.circles![0].capacity = 1;
    const [what, how] = more.feedbackTemplates![0].questions;
    if (how.kind === 'rating') how.scale.labels.pop();
    if (what.kind === 'text') what.minLength = 400;
    assert.deepEqual(await problems(more), [
      'people.0.email: "ana.ruiz@acme.example" is the email of "e-100"',
      'mentors.0.capacity: below the 2 mentees they have now',
      'circles.0.capacity: below the 2 members it has now',
      'feedbackTemplates.0.questions.0.minLength: more than maxLength',
      'feedbackTemplates.0.questions.1.scale.labels: 3 points need 3 labels',
    ]);
    assert.deepEqual(await exportOrganisation(db), before, 'nothing changed');
  });

  it('updates on a second import, keeps what the file leaves out, and reads back what it exports', async () => {
    const { location } = await emptyLocation();
    const db = await open(location);
    await importOrganisation(db, acme());
    const moved = {
      people: [{ ...acme().people![0], title: 'Lead welder', managerId: null, learningGoals: [] }],
      mentors: [{ personId: 'e-100', capacity: 3, accepting: false, expertise: [{ skillId: 'welding', level: 2 }] }],
    };
    const summary = await importOrganisation(db, moved);
    assert.deepEqual(summary.people, { added: 0, updated: 1, left: 0, back: 0 });
    const org = await exportOrganisation(db);
    const jo = org.people.find((p) => p.id === 'e-200')!;
    assert.equal(jo.title, 'Lead welder');
    assert.equal(jo.managerId, null);
    assert.deepEqual(jo.learningGoals, []);
    assert.equal(org.people.length, 2, 'Ana, whom the file leaves out, stays');
    assert.deepEqual(org.mentors, [
      { personId: 'e-100', bio: '', capacity: 3, accepting: false, expertise: [{ skillId: 'welding', level: 2 }] },
    ]);
    // Two people swap emails (a mix-up put right) in one file.
    const [jo0, ana0] = acme().people!;
    await importOrganisation(db, {
      people: [
        { ...jo0, email: ana0.email },
        { ...ana0, email: jo0.email },
      ],
    });
    const swapped = new Map((await exportOrganisation(db)).people.map((p) => [p.id, p.email]));
    assert.deepEqual([swapped.get('e-200'), swapped.get('e-100')], ['ana.ruiz@acme.example', 'jo.brandt@acme.example']);

    // The demo organisation, exported and imported into an empty database, reads back the same.
    const demo = await open(await freshLocation(true), true);
    const exported = await exportOrganisation(demo);
    assert.ok(exported.people.length >= 150 && exported.feedbackTemplates.length >= 4);
    const copy = await open((await emptyLocation()).location);
    await importOrganisation(copy, JSON.parse(JSON.stringify(exported)));
    assert.deepEqual(await exportOrganisation(copy), exported);
    // Imported again over itself, nothing changes.
    const again = await importOrganisation(demo, exported);
    assert.deepEqual(again.people, { added: 0, updated: exported.people.length, left: 0, back: 0 });
    assert.deepEqual(await exportOrganisation(demo), exported);
  });

  it('makes, lists and revokes tokens; the demo tokens open nothing once the demo is off', async () => {
    const db = await open(await freshLocation(true), true);
    const app = createApp({ db, rateLimit: false });
    const production = createApp({ db, rateLimit: false, demoTokens: false });
    const me = (target: typeof app, token: string) => target.request('/api/me', as(token));

    const { token } = await createToken(db, 'u0002', 'reception kiosk');
    assert.equal((await me(production, token)).status, 200);
    const listed = await listTokens(db, 'u0002');
    assert.deepEqual(
      listed.map((t) => t.label),
      ['demo', 'reception kiosk'],
    );
    assert.ok(!JSON.stringify(await listTokens(db)).includes(token), 'a list never shows a token');
    await assert.rejects(createToken(db, 'u0002', 'demo'), /kept for the demo/);
    await assert.rejects(
      createToken(db, 'nobody@example.com', 'x'),
      /No person has the id or email "nobody@example.com"/,
    );

    assert.equal((await me(app, 'demo-u0002')).status, 200);
    assert.equal((await me(production, 'demo-u0002')).status, 401);

    assert.deepEqual((await revokeTokens(db, 'u0002', 'reception kiosk')).revoked, 1);
    assert.equal((await me(production, token)).status, 401);
    assert.equal((await me(app, 'demo-u0002')).status, 200, 'only the labelled token went');
    assert.deepEqual((await revokeTokens(db, 'u0002')).revoked, 1);
    assert.equal((await me(app, 'demo-u0002')).status, 401);
  });

  it('marks people as left or back by import, by what a whole list leaves out, or by command', async () => {
    const { location, env } = await emptyLocation();
    const db = await open(location);
    await importOrganisation(db, acme());
    const app = createApp({ db, rateLimit: false, trustedHeader: 'X-Remote-User' });
    const { token } = await createToken(db, 'e-200', 'intranet');
    const me = (init: RequestInit) => app.request('/api/me', init);
    assert.equal((await me(as(token))).status, 200);
    const jo = acme().people![0];
    const ana = acme().people![1];
    const now = new Date('2026-06-15T12:00:00Z');
    const leftOn = async (id: string) => (await exportOrganisation(db)).people.find((p) => p.id === id)!.leftOn;

    // The file says she left: her token goes, and the export says when.
    const left = await importOrganisation(db, { people: [{ ...jo, leftOn: '2026-06-01' }] }, { now });
    assert.deepEqual(left.people, { added: 0, updated: 1, left: 1, back: 0 });
    assert.equal(await leftOn('e-200'), '2026-06-01');
    assert.equal((await me(as(token))).status, 401);
    assert.equal((await me({ headers: { 'X-Remote-User': 'jo.brandt@acme.example' } })).status, 401);
    await assert.rejects(createToken(db, 'e-200', 'again'), /left on 2026-06-01: no token is made/);
    // What is exported reads back the same, leavers included.
    const exported = await exportOrganisation(db);
    const copy = await open((await emptyLocation()).location);
    await importOrganisation(copy, JSON.parse(JSON.stringify(exported)), { now });
    assert.deepEqual(await exportOrganisation(copy), exported);

    // Listed again without a day, she is back (with no token: she needs a new one).
    const back = await importOrganisation(db, { people: [jo] }, { now });
    assert.deepEqual(back.people, { added: 0, updated: 1, left: 0, back: 1 });
    assert.equal(await leftOn('e-200'), null);
    assert.equal((await me({ headers: { 'X-Remote-User': 'e-200' } })).status, 200);

    // A whole list: who it leaves out has left, today. A dry run only counts.
    const whole = { people: [ana] };
    const counted = await importOrganisation(db, whole, { markLeavers: true, dryRun: true, now });
    assert.deepEqual(counted.people, { added: 0, updated: 1, left: 1, back: 0 });
    assert.equal(await leftOn('e-200'), null, 'a dry run changes nothing');
    await importOrganisation(db, whole, { markLeavers: true, now });
    assert.equal(await leftOn('e-200'), '2026-06-15');
    assert.equal(await leftOn('e-100'), null);

    // Refused: a whole list of no one, and a day to come.
    const refused = async (input: OrganisationFile, options: Parameters<typeof importOrganisation>[2]) => {
      const error = await importOrganisation(db, input, options).catch((e: unknown) => e);
      assert.ok(error instanceof ImportError, String(error));
      return error.errors;
    };
    assert.deepEqual(
      (await refused({ people: [] }, { markLeavers: true, now })).map((e) => e.path),
      ['people'],
    );
    assert.deepEqual(await refused({ people: [{ ...ana, leftOn: '2026-07-01' }] }, { now }), [
      { path: 'people.0.leftOn', message: 'a day to come: import the file on 2026-07-01 or later' },
    ]);
    assert.equal(await leftOn('e-100'), null);

    // By command, by id or email.
    const { run, lines } = adminCommand(env);
    assert.equal(await run('rejoin', 'jo.brandt@acme.example'), 0);
    assert.match(lines.pop()!, /Jo Brandt \(e-200\) is back\. Make them a token/);
    assert.equal(await leftOn('e-200'), null);
    assert.equal(await run('leave', 'e-200'), 0);
    assert.match(lines.pop()!, /Jo Brandt \(e-200\) has left: their tokens are revoked/);
    assert.ok(await leftOn('e-200'));
    assert.equal(await run('leave', 'e-200'), 0);
    assert.match(lines.pop()!, /had already left, on \d{4}-\d{2}-\d{2}/);
    assert.equal(await run('erase', 'ana.ruiz@acme.example'), 1);
    assert.match(lines.pop()!, /"e-100" has not left: only someone who has left is erased/);
    if (!onPostgres) {
      // As a version of the server from before secure_delete did: a change leaves the old row in the page's spare room.
      const raw = new SQLite(location);
      raw.pragma('secure_delete = OFF');
      raw.prepare(`update people set name = name || ' (on leave)' where id = 'e-200'`).run();
      raw.prepare(`update people set name = 'Jo Brandt' where id = 'e-200'`).run();
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
    }
    assert.equal(await run('erase', 'jo.brandt@acme.example'), 0);
    assert.match(lines.pop()!, /^The database was rewritten: its files keep no earlier copy/);
    if (!onPostgres) {
      // Not in the file, nor in its log: a page's spare room held the old row until it was rewritten.
      for (const file of [location, `${location}-wal`]) {
        const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
        for (const detail of ['Jo Brandt', 'jo.brandt@acme.example']) {
          assert.equal(bytes.includes(Buffer.from(detail)), false, `${detail} in ${file}`);
        }
      }
    }
    assert.match(lines.pop()!, /No text others wrote named them in full or by email/);
    assert.match(lines.pop()!, /Erased Jo Brandt \(e-200\)/);
    assert.equal((await exportOrganisation(db)).people.find((p) => p.id === 'e-200')!.name, 'Former colleague');
    assert.equal(await run('rejoin', 'e-200'), 0);
    assert.match(lines.pop()!, /Former colleague \(e-200\) was erased: list them in an import/);
    assert.equal(await run('leave', 'nobody@acme.example'), 1);
    assert.match(lines.pop()!, /No person has the id or email "nobody@acme.example"/);
    assert.equal(await run('leave'), 2);
    const dir = tempDir();
    const file = join(dir, 'whole.json');
    writeFileSync(file, JSON.stringify({ people: [ana, jo] }));
    assert.equal(await run('import', '--mark-leavers', '--dry-run', file), 0);
    assert.match(lines.join('\n'), /it would change:\n {2}people: 0 added, 2 updated, 1 back/);
    assert.equal(await run('import', '--dry-run', '--dry-run', file), 2);
    assert.equal(await run('import', '--max-leavers=two', '--mark-leavers', file), 2);
    assert.equal(await run('import', '--max-leavers=1', file), 2, 'only with --mark-leavers');
    writeFileSync(file, JSON.stringify({ people: [jo] }));
    assert.equal(await run('import', '--mark-leavers', '--max-leavers=0', file), 1);
    assert.match(lines.pop()!, /people: leaves out 1 of the 1 people there are, who would all leave; at most 0 may/);
    assert.equal(await leftOn('e-100'), null);
  });

  it('deletes kudos that break the rules, for everyone, by command', async () => {
    const { location, env } = await emptyLocation();
    const db = await open(location);
    await importOrganisation(db, acme());
    const app = createApp({ db, rateLimit: false, trustedHeader: 'X-Remote-User' });
    const ana = { headers: { 'X-Remote-User': 'e-100' } };
    const given = await app.request('/api/kudos', {
      method: 'POST',
      headers: { ...ana.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        recipientIds: ['e-200'],
        message: 'Something against the rules',
        valueIds: [acme().values![0].id],
      }),
    });
    assert.equal(given.status, 201, await given.clone().text());
    const { id } = (await given.json()) as { id: string };
    const { run, lines } = adminCommand(env);
    assert.equal(await run('kudos', 'delete', id), 0);
    assert.match(
      lines.pop()!,
      new RegExp(`^Deleted the kudos Ana Ruiz gave on \\d{4}-\\d{2}-\\d{2} \\(${id}\\), with its reactions`),
    );
    assert.equal((await app.request(`/api/kudos/${id}`, ana)).status, 404);
    assert.equal(await run('kudos', 'delete', id), 1);
    assert.equal(lines.pop(), `No kudos has the id "${id}" (deleted already?).`);
    assert.equal(await run('kudos', 'delete'), 2, 'no id: the usage');
  });

  it('prints everything stored about a person, for their request to see it, and nothing that would unmask anonymous feedback', async () => {
    const { location, env } = await emptyLocation();
    const db = await open(location);
    await importOrganisation(db, acme());
    const app = createApp({ db, rateLimit: false, trustedHeader: 'X-Remote-User' });
    const send = async (who: string, method: string, path: string, body: unknown) => {
      const response = await app.request(path, {
        method,
        headers: { 'X-Remote-User': who, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
      return response.json() as Promise<{ id: string }>;
    };
    const thanks = await send('e-200', 'POST', '/api/kudos', {
      recipientIds: ['e-100'],
      message: 'Thanks for the SQL session',
      valueIds: ['care'],
    });
    await send('e-100', 'POST', '/api/kudos', {
      recipientIds: ['e-200'],
      message: 'Clean welds all week',
      valueIds: ['craft'],
    });
    await send('e-100', 'PUT', `/api/kudos/${thanks.id}/reactions/heart`, {});
    const feedback = (answer: string, anonymous: boolean) => ({
      templateId: 'shift',
      recipientId: 'e-100',
      kind: 'praise',
      answers: { what: answer },
      anonymous,
    });
    await send('e-200', 'POST', '/api/feedback', feedback('Signed: the rota was clear', false));
    await send('e-200', 'POST', '/api/feedback', feedback('Unsigned: the audit went well', true));
    await send('e-200', 'POST', '/api/mentorship-requests', { mentorId: 'e-100', goal: 'Write my first report' });
    await send('e-200', 'PUT', '/api/me/skills/sql', { level: 3 });
    const { token } = await createToken(db, 'e-200', 'laptop');

    const { run, lines } = adminCommand(env);
    assert.equal(await run('data', 'Jo.Brandt@acme.example'), 0, lines.join('\n'));
    const text = lines.join('\n');
    const jo = JSON.parse(text);
    assert.equal(jo.person.id, 'e-200');
    assert.equal(jo.person.manager.name, 'Ana Ruiz');
    assert.deepEqual(jo.person.languages, ['de', 'en']);
    assert.deepEqual(
      jo.tokens.map((t: { label: string }) => t.label),
      ['laptop'],
    );
    assert.equal(text.includes(token), false, 'never a token');
    assert.deepEqual(jo.learningGoals, [{ id: 'sql', name: 'SQL' }]);
    assert.deepEqual(
      jo.skillRatings.map((r: { skill: { id: string }; level: number; source: string }) => [
        r.skill.id,
        r.level,
        r.source,
      ]),
      [['sql', 3, 'self']],
    );
    assert.deepEqual(
      jo.kudosGiven.map((k: { message: string }) => k.message),
      ['Thanks for the SQL session'],
    );
    assert.deepEqual(
      jo.kudosReceived.map((k: { message: string; from: { name: string } }) => [k.message, k.from.name]),
      [['Clean welds all week', 'Ana Ruiz']],
    );
    assert.deepEqual(
      jo.mentorships.map((m: { as: string; mentor: { name: string }; goal: string }) => [m.as, m.mentor.name, m.goal]),
      [['mentee', 'Ana Ruiz', 'Write my first report']],
    );
    // What they gave under their name is theirs; what they gave anonymously stays unlinked.
    assert.deepEqual(
      jo.feedbackGiven.map((f: { answers: { what: string } }) => f.answers.what),
      ['Signed: the rota was clear'],
    );
    assert.equal(text.includes('Unsigned: the audit went well'), false);
    assert.match(jo.notes.join(' '), /gave anonymously is stored with no link to them/);

    lines.length = 0;
    assert.equal(await run('data', 'e-100'), 0);
    const ana = JSON.parse(lines.join('\n'));
    assert.deepEqual(
      ana.feedbackReceived
        .map((f: { answers: { what: string }; from: { name: string } | null; anonymous: boolean }) => [
          f.answers.what,
          f.from?.name ?? null,
          f.anonymous,
        ])
        .sort(),
      [
        ['Signed: the rota was clear', 'Jo Brandt', false],
        ['Unsigned: the audit went well', null, true],
      ],
    );
    assert.deepEqual(
      ana.reactions.map((r: { kudosId: string; reaction: string }) => [r.kudosId, r.reaction]),
      [[thanks.id, 'heart']],
    );
    assert.deepEqual(ana.mentorProfile.expertise, [{ skill: { id: 'sql', name: 'SQL' }, level: 5 }]);
    assert.deepEqual(
      ana.circles.map((c: { id: string; as: string }) => [c.id, c.as]),
      [['data-club', 'lead']],
    );
    assert.equal(ana.mentorships[0].as, 'mentor');

    lines.length = 0;
    assert.equal(await run('data', 'nobody@acme.example'), 1);
    assert.match(lines.join('\n'), /No person has the id or email "nobody@acme.example"/);
    assert.equal(await run('data'), 2, 'no person: the usage');
  });

  it('backs up a SQLite database while it is in use, whole, to a new file only its owner reads', async () => {
    const { location, env } = await emptyLocation();
    const dir = tempDir();
    const file = join(dir, 'peerkit-backup.db');
    const { run, lines } = adminCommand(env);
    if (onPostgres) {
      // PostgreSQL has its own tools; nothing is written.
      assert.equal(await run('backup', file), 1);
      assert.match(lines.pop()!, /pg_dump/);
      assert.equal(existsSync(file), false);
      return;
    }
    const db = await open(location);
    await importOrganisation(db, acme());
    const app = createApp({ db, rateLimit: false, trustedHeader: 'X-Remote-User' });
    // Written by the server's connection, and still in its write-ahead log when the backup is taken.
    const given = await app.request('/api/kudos', {
      method: 'POST',
      headers: { 'X-Remote-User': 'e-100', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        recipientIds: ['e-200'],
        message: 'Backed up with the rest',
        valueIds: [acme().values![0].id],
      }),
    });
    assert.equal(given.status, 201);
    assert.equal(await run('backup', file), 0, lines.join('\n'));
    assert.match(lines.join('\n'), /Backed up SQLite .* to .*peerkit-backup\.db: 2 people, 1 kudos/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const copy = await open(file);
    assert.deepEqual(await exportOrganisation(copy), await exportOrganisation(db));
    const kept = await copy.selectFrom('kudos').select('message').execute();
    assert.deepEqual(kept, [{ message: 'Backed up with the rest' }]);
    // Never over another file, a backup made before included.
    const size = statSync(file).size;
    assert.equal(await run('backup', file), 1);
    assert.match(lines.pop()!, /exists already: name a new file/);
    assert.equal(statSync(file).size, size);
    assert.equal(await run('backup'), 2, 'no file: the usage');
  });

  it('leaves no unfinished file behind when a backup fails, so that it passes for no backup and the next try can use the name', async () => {
    if (onPostgres) return; // pg_dump's own; tested above that nothing is written.
    const { location, env } = await emptyLocation();
    const db = await openDatabase(location, { seed: true });
    await db.destroy();
    // A damaged page: the database opens, but a copy of it cannot be read whole.
    const raw = new SQLite(location);
    const { rootpage } = raw.prepare("select rootpage from sqlite_schema where name = 'kudos'").get() as {
      rootpage: number;
    };
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = openSync(location, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(fd);
    const file = join(tempDir(), 'peerkit-backup.db');
    const { run, lines } = adminCommand(env);
    assert.equal(await run('backup', file), 1);
    assert.match(lines.pop()!, /^The backup failed, and the unfinished .*peerkit-backup\.db was removed: .*malformed/);
    assert.equal(existsSync(file), false);
  });

  it('erases from the files too: no earlier copy of the person stays in the database or its log', async () => {
    const location = onPostgres ? await freshLocation(true) : join(tempDir(), 'peerkit.db');
    const env: Record<string, string> = onPostgres ? { DATABASE_URL: location } : { PEERKIT_DB: location };
    const db = await open(location, true);
    const person = await db
      .selectFrom('people')
      .select(['id', 'name', 'email'])
      .where('id', '=', 'u0042')
      .executeTakeFirstOrThrow();
    if (!onPostgres) {
      // Changed by a version of the server from before secure deletion: the old rows stay in free space.
      const raw = new SQLite(location);
      raw.pragma('secure_delete = OFF');
      raw.prepare(`update people set name = name || ' (Finance)' where id = ?`).run(person.id);
      raw.prepare(`update people set name = ? where id = ?`).run(person.name, person.id);
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
    }
    const { run, lines } = adminCommand(env);
    assert.equal(await run('leave', person.id), 0);
    assert.equal(await run('erase', person.id), 0);
    assert.match(lines.at(-1)!, /^The database was rewritten: its files keep no earlier copy of their details/);
    if (!onPostgres) {
      for (const file of [location, `${location}-wal`]) {
        const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
        for (const detail of [person.name, person.email]) {
          assert.equal(bytes.includes(Buffer.from(detail)), false, `${detail} in ${file}`);
        }
      }
    }
  });

  it('runs as a command: import, token, export; a bad file exits 1 and names each problem', async () => {
    const { env } = await emptyLocation();
    const dir = tempDir();
    const file = join(dir, 'acme.json');
    writeFileSync(file, JSON.stringify(acme()));
    const checked = await runAdmin(['import', '--dry-run', file], env);
    assert.equal(checked.code, 0, checked.stderr);
    assert.match(checked.stdout, /it would change:\n(.|\n)*people: 2 added, 0 updated/);
    const untouched = await open(env.DATABASE_URL ?? env.PEERKIT_DB!);
    assert.deepEqual((await exportOrganisation(untouched)).people, [], 'a dry run writes nothing');
    await untouched.destroy();
    opened.splice(opened.indexOf(untouched), 1);
    const bare = join(dir, 'bare.json');
    writeFileSync(bare, JSON.stringify({ departments: acme().departments }));
    const lacking = await runAdmin(['import', '--dry-run', bare], env);
    assert.equal(lacking.code, 0, lacking.stderr);
    assert.match(lacking.stderr, /Note: No company values are stored, so no kudos can be given/);
    assert.match(lacking.stderr, /Note: No feedback templates are stored/);
    const imported = await runAdmin(['import', file], env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.doesNotMatch(imported.stderr, /Note:/, 'the file brings values and templates');
    assert.match(imported.stdout, /people: 2 added, 0 updated/);

    const made = await runAdmin(['token', 'create', 'ana.ruiz@acme.example', 'intranet'], env);
    assert.equal(made.code, 0, made.stderr);
    const token = made.stdout.trim();
    assert.match(made.stderr, /Ana Ruiz \(e-100\).*shown only now/);
    const db = await open(env.DATABASE_URL ?? env.PEERKIT_DB!);
    const me = (await (await createApp({ db, rateLimit: false }).request('/api/me', as(token))).json()) as Me;
    assert.equal(me.id, 'e-100');

    const exported = await runAdmin(['export'], env);
    assert.equal(exported.code, 0);
    assert.deepEqual(JSON.parse(exported.stdout), await exportOrganisation(db));

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ people: [{ ...acme().people![1], managerId: 'e-404' }] }));
    const refused = await runAdmin(['import', broken], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /nothing was imported/);
    assert.match(refused.stderr, /people\.0\.managerId: no person has the id "e-404"/);
    writeFileSync(broken, '{ "people": [');
    const unreadable = await runAdmin(['import', broken], env);
    assert.equal(unreadable.code, 1);
    assert.match(unreadable.stderr, /Could not read .*broken\.json/);
    const usage = await runAdmin(['frobnicate'], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Usage: npm run admin/);
  });
});
