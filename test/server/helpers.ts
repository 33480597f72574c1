import { after } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp, type AppOptions } from '../../server/app.js';
import { openDatabase, type Db } from '../../server/db/database.js';

/**
 * Server tests run on SQLite, and again on PostgreSQL when PEERKIT_TEST_DATABASE_URL names a
 * server (`npm run test:server:postgres` starts a throw-away one). Each test gets a database of its own.
 */
export const postgresUrl = process.env.PEERKIT_TEST_DATABASE_URL;
export const onPostgres = Boolean(postgresUrl);

let admin: pg.Client | undefined;
let template: Promise<string> | undefined;
const created: string[] = [];
const prefix = `peerkit_test_${process.pid}`;

async function adminClient() {
  if (!admin) {
    admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
  }
  return admin;
}

async function createDatabase(from?: string) {
  const client = await adminClient();
  const name = `${prefix}_${created.length}`;
  await client.query(`create database ${name}${from ? ` template ${from}` : ''}`);
  created.push(name);
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/**
 * Where a fresh database can be opened: `:memory:`, or the URL of a new PostgreSQL database,
 * empty, or (`seeded`) a copy of one seeded once per test file, which is much faster than seeding.
 */
export async function freshLocation(seeded = false): Promise<string> {
  if (!postgresUrl) return ':memory:';
  if (!seeded) return (await createDatabase()).url;
  template ??= (async () => {
    const { name, url } = await createDatabase();
    await (await openDatabase(url)).destroy();
    return name;
  })();
  return (await createDatabase(await template)).url;
}

/** A fresh seeded database. */
export async function freshDatabase(): Promise<Db> {
  return openDatabase(await freshLocation(true));
}

const open: Db[] = [];
after(async () => {
  await Promise.all(open.map((db) => db.destroy()));
  if (!admin) return;
  // Not `with (force)`: connections just closed may still be leaving, and the drop waits for them.
  for (const name of created.reverse()) await admin.query(`drop database if exists ${name}`);
  await admin.end();
});

/** The real app on a fresh seeded database: in-memory SQLite, or PostgreSQL (above), or at `location`. */
export async function makeApp(options: Partial<AppOptions> = {}, location?: string) {
  const db = location ? await openDatabase(location) : await freshDatabase();
  open.push(db);
  const app = createApp({ db, rateLimit: false, ...options });
  const request = (path: string, init: RequestInit & { as?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    const as = init.as === undefined ? 'u0001' : init.as;
    if (as && !headers.has('Authorization')) headers.set('Authorization', `Bearer demo-${as}`);
    // A JSON body is sent as JSON, as the widgets' REST client sends it, unless a test says otherwise.
    if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    return app.request(`http://peerkit.test${path}`, { ...init, headers });
  };
  return { app, db, request };
}

export type App = Awaited<ReturnType<typeof makeApp>>;

/**
 * Every GET path of the API's OpenAPI document but the live stream, each `{param}` filled in with
 * each of the values given for it, for tests that ask the whole API something.
 */
export async function everyGetPath(app: App, fill: Record<string, string[]>) {
  const document = (await (await app.request('/api/openapi.json', { as: null })).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(document.paths)
    .filter(([path, operations]) => operations.get && path !== '/kudos/stream')
    .flatMap(([path]) => {
      let expanded = [path];
      for (const [param, values] of Object.entries(fill)) {
        expanded = expanded.flatMap((p) => (p.includes(param) ? values.map((v) => p.replace(param, v)) : [p]));
      }
      return expanded;
    });
}

/** Asserts a problem+json answer and returns its body. */
export async function problemOf(response: Response) {
  if (!response.headers.get('Content-Type')?.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${response.headers.get('Content-Type')} (${response.status})`);
  }
  return (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
}

/** Reads server-sent events from a response until `stop` says so, or fails after `timeout` ms. */
export async function readEvents(
  response: Response,
  stop: (events: { event: string; id: string; data: string }[]) => boolean,
  timeout = 5000,
) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { event: string; id: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeout;
  try {
    while (!stop(events)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event in ${timeout} ms; got ${events.map((e) => e.event)}`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('stream timed out')), left)),
      ]);
      if (chunk.done) break;
      buffer += chunk.value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = { event: 'message', id: '', data: '' };
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ');
          if (field === 'event') event.event = rest.join(': ');
          if (field === 'id') event.id = rest.join(': ');
          if (field === 'data') event.data += rest.join(': ');
        }
        // An id alone (no data) moves the client's position without an event: kept as event ''.
        if (event.data) events.push(event);
        else if (event.id) events.push({ ...event, event: '' });
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

/** Every row of every table of the app's database, as `table {json}`. */
export async function everyRow(app: App) {
  const tables = onPostgres
    ? await sql<{
        name: string;
      }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(app.db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(app.db);
  const rows: string[] = [];
  for (const { name } of tables.rows) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(app.db);
    for (const row of result.rows) rows.push(`${name} ${JSON.stringify(row)}`);
  }
  return rows;
}
