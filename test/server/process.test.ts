import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../server/db/database.js';
import { migrationsFor } from '../../server/db/migrations.js';
import { serverSettings } from '../../server/settings.js';
import { addressesOf } from '../../server/proxies.js';
import type { Kudos } from '../../src/contract/kudos.js';
import { startServer } from '../../scripts/start-test-server.mjs';
import { freshLocation, onPostgres, readEvents } from './helpers.js';

const root = join(import.meta.dirname, '../..');

/** u0001 praises u0002 through a server's API; the answer's status. */
async function sendPraise(server: Awaited<ReturnType<typeof startServer>>) {
  const response = await fetch(`${server.origin}/api/feedback`, {
    method: 'POST',
    headers: { Authorization: 'Bearer demo-u0001', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      templateId: 'quick-praise',
      recipientId: 'u0002',
      kind: 'praise',
      answers: { what: 'You explained the plan to three teams at once.' },
    }),
  });
  return response.status;
}

describe('server process', () => {
  it('serves on PORT and stops cleanly on SIGTERM', async () => {
    const server = await startServer();
    const health = await fetch(`${server.origin}/api/health`);
    assert.equal(health.status, 200);
    const code = await server.stop();
    assert.equal(code, 0);
    assert.match(server.output(), /SIGTERM: finishing open requests/);
  });

  it('stops at once on SIGTERM with a live stream open, and takes no new stream while it stops', async () => {
    const server = await startServer();
    // One connection kept alive, as a browser keeps it: the stream's reconnection goes over the same socket.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<http.IncomingMessage>((answer, fail) =>
        http
          .get(`${server.origin}${path}`, { agent, headers: { Authorization: 'Bearer demo-u0001' } }, answer)
          .on('error', fail),
      );
    try {
      const stream = await get('/api/kudos/stream');
      assert.equal(stream.statusCode, 200);
      const ended = new Promise((done) => stream.on('end', done).resume());
      const stopped = server.stop();
      await ended;
      // The client reconnects at once, as a feed does after a drop.
      const again = await get('/api/kudos/stream').then(
        async (response) => {
          let body = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          if (response.statusCode !== 200) await new Promise((done) => response.on('end', done));
          const { connection, 'content-type': type } = response.headers;
          return { status: response.statusCode, type, connection, body };
        },
        (error: NodeJS.ErrnoException) => ({ status: error.code, type: undefined, connection: undefined, body: '' }),
      );
      if (typeof again.status === 'number') {
        assert.equal(again.status, 503, 'a stopping server does not start a stream');
        assert.equal(again.type, 'application/problem+json');
        assert.match(again.body, /stopping/i);
        assert.equal(
          again.connection,
          'close',
          'the answer closes the kept-alive connection, which would hold the server open',
        );
      }
      // Not held open by a stream until the forced exit (code 1): finished, code 0.
      assert.equal(await stopped, 0);
    } finally {
      agent.destroy();
      await server.stop();
    }
  });

  it('serves its files compressed, and answers 304 while the browser holds the current one', async () => {
    const server = await startServer();
    try {
      for (const path of ['/', '/demo/autoload.js']) {
        const file = readFileSync(join(root, path === '/' ? 'demo/index.html' : path), 'utf8');
        const first = await fetch(`${server.origin}${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
        assert.equal(first.status, 200, path);
        assert.equal(first.headers.get('Content-Encoding'), 'gzip', path);
        assert.equal(await first.text(), file, path);
        // Kept, but asked about before each use: a rebuilt file is taken at once.
        assert.equal(first.headers.get('Cache-Control'), 'no-cache', path);
        const modified = first.headers.get('Last-Modified')!;
        const current = await fetch(`${server.origin}${path}`, { headers: { 'If-Modified-Since': modified } });
        assert.equal(current.status, 304, path);
        assert.match(current.headers.get('Vary') ?? '', /Accept-Encoding/, path);
        assert.equal(await current.text(), '', path);
        const older = new Date(Date.parse(modified) - 1000).toUTCString();
        const stale = await fetch(`${server.origin}${path}`, { headers: { 'If-Modified-Since': older } });
        assert.equal(stale.status, 200, path);
        assert.equal(await stale.text(), file, path);
      }
      // A file that is not there is not found (not "method not allowed": GET is what the path takes).
      const missing = await fetch(`${server.origin}/demo/nothing-here.html`);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('Content-Type'), 'application/problem+json');
    } finally {
      await server.stop();
    }
  });

  it('writes an access log when told: a line per answer, without the query or who asked', async () => {
    const logged = await startServer({ PEERKIT_ACCESS_LOG: '1' });
    const quiet = await startServer();
    try {
      for (const server of [logged, quiet]) {
        const headers = { Authorization: 'Bearer demo-u0001' };
        assert.equal((await fetch(`${server.origin}/api/people?q=Zanele`, { headers })).status, 200);
        assert.equal((await fetch(`${server.origin}/api/nothing-here`, { headers })).status, 404);
      }
      // Written as the answers leave; read from the process's output when they have come through.
      for (let wait = 0; !/nothing-here/.test(logged.output()) && wait < 100; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const lines = logged.output().split('\n');
      assert.ok(
        lines.some((line) => /^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/api\/people 200 \d+ms$/.test(line)),
        logged.output(),
      );
      assert.ok(
        lines.some((line) => / GET \/api\/nothing-here 404 \d+ms$/.test(line)),
        logged.output(),
      );
      assert.doesNotMatch(logged.output(), /Zanele|demo-u0001|u0001/, 'not what was searched for, nor who asked');
      assert.doesNotMatch(quiet.output(), /GET \/api/, 'off unless told');
    } finally {
      await logged.stop();
      await quiet.stop();
    }
  });

  it('stops with a clear message when its database settings are wrong or the database is unreachable', async () => {
    await assert.rejects(
      startServer({ DATABASE_URL: 'mysql://db.internal/peerkit' }),
      /DATABASE_URL must be a PostgreSQL URL/,
    );
    await assert.rejects(startServer({ PEERKIT_DB_POOL: 'many' }), /PEERKIT_DB_POOL must be a whole number/);
    // An address already taken (here, by another server): one line that says what to do.
    const first = await startServer();
    try {
      await assert.rejects(startServer({ PORT: String(first.port) }), (error: Error) => {
        assert.match(error.message, /exited with 1/);
        assert.match(
          error.message,
          /Could not listen on 127\.0\.0\.1:\d+: .* is in use: .* set PORT to another port\./,
        );
        assert.doesNotMatch(error.message, /at Server\.setupListenHandle/, 'no stack trace');
        return true;
      });
    } finally {
      await first.stop();
    }
    // Settings that would otherwise be read as something else than meant: the limit off, the demo on.
    await assert.rejects(startServer({ PEERKIT_RATE_LIMIT: 'lots' }), /PEERKIT_RATE_LIMIT must be a whole number/);
    await assert.rejects(startServer({ PEERKIT_DEMO_LOGIN: 'false' }), /PEERKIT_DEMO_LOGIN must be 1 \(on\) or 0/);
    await assert.rejects(
      startServer({ PEERKIT_CORS_ORIGINS: 'https://intranet.example, intranet.example/cms' }),
      /PEERKIT_CORS_ORIGINS holds "intranet.example\/cms", which is not an origin/,
    );
    // Nothing listens on port 1: the message names the database (without a password) and the cause.
    await assert.rejects(
      startServer({ DATABASE_URL: 'postgres://peerkit:secret@127.0.0.1:1/peerkit' }),
      (error: Error) => {
        assert.match(
          error.message,
          /Could not open the database \(PostgreSQL 127\.0\.0\.1:1\/peerkit\): .*ECONNREFUSED/,
        );
        assert.doesNotMatch(error.message, /secret/);
        return true;
      },
    );
  });

  it('starts without the demo organisation when told, and takes no demo token with the demo sign-in off', async () => {
    await assert.rejects(startServer({ PEERKIT_SEED: 'yes' }), /PEERKIT_SEED must be "demo" or "none"/);
    const me = async (server: Awaited<ReturnType<typeof startServer>>) =>
      (await fetch(`${server.origin}/api/me`, { headers: { Authorization: 'Bearer demo-u0001' } })).status;
    const empty = await startServer({ PEERKIT_SEED: 'none' });
    try {
      assert.equal((await fetch(`${empty.origin}/api/health`)).status, 200);
      assert.equal(await me(empty), 401, 'no demo people, so no demo token');
    } finally {
      assert.equal(await empty.stop(), 0);
    }
    const demo = await startServer();
    const production = await startServer({ PEERKIT_DEMO_LOGIN: '0' });
    try {
      assert.equal(await me(demo), 200);
      assert.equal(await me(production), 401, 'the demo tokens are known to all');
      // A start with the demo sign-in on says how to turn it off.
      assert.match(demo.output(), /Demo sign-in is on: .* Set PEERKIT_DEMO_LOGIN=0 in production\./);
      assert.doesNotMatch(production.output(), /Demo sign-in/);
    } finally {
      assert.equal(await demo.stop(), 0);
      assert.equal(await production.stop(), 0);
    }
  });

  it('starts several processes at once on one new database: one sets it up, the others wait and serve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerkit-processes-'));
    const location = onPostgres ? await freshLocation(false) : join(dir, 'peerkit.db');
    const env = {
      [onPostgres ? 'DATABASE_URL' : 'PEERKIT_DB']: location,
      PEERKIT_RATE_LIMIT: '0',
      PEERKIT_FEEDBACK_PER_DAY: '2',
      PEERKIT_SECRET: 'the same for all three',
    };
    const started = await Promise.allSettled([1, 2, 3].map(() => startServer(env)));
    const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      for (const s of started) if (s.status === 'rejected') throw s.reason;
      for (const server of servers) {
        const me = await fetch(`${server.origin}/api/me`, { headers: { Authorization: 'Bearer demo-u0001' } });
        assert.equal(me.status, 200);
      }
      const db = await openDatabase(location, { seed: false });
      try {
        const people = await db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(people.n), 180, 'seeded once');
        const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
        assert.deepEqual(
          migrations.rows.map((row) => row.name),
          Object.keys(migrationsFor(onPostgres ? 'postgres' : 'sqlite')),
          'each migration ran once',
        );
      } finally {
        await db.destroy();
      }
      // With one secret, they count one person's feedback of the day together.
      const sent = [];
      for (const server of servers) sent.push(await sendPraise(server));
      assert.deepEqual(sent, [201, 201, 429]);
    } finally {
      for (const server of servers) assert.equal(await server.stop(), 0);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps counting a day's feedback after a restart without PEERKIT_SECRET: the key is kept beside a SQLite file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerkit-secret-'));
    const location = join(dir, 'peerkit.db');
    // SQLite, whatever database the other tests use.
    const env = { DATABASE_URL: '', PEERKIT_DB: location, PEERKIT_SECRET: '', PEERKIT_FEEDBACK_PER_DAY: '2' };
    try {
      const first = await startServer(env);
      const sent = [await sendPraise(first), await sendPraise(first)];
      // The database, and its write-ahead log, are as private as the key.
      for (const file of [location, `${location}-wal`]) {
        assert.equal(statSync(file).mode & 0o077, 0, `only its owner may read ${file}`);
      }
      assert.equal(await first.stop(), 0);
      const key = readFileSync(`${location}.secret`, 'utf8');
      assert.match(key, /^[0-9a-f]{64}\n$/);
      assert.equal(statSync(`${location}.secret`).mode & 0o077, 0, 'only its owner may read the key');
      const again = await startServer(env);
      sent.push(await sendPraise(again));
      assert.equal(await again.stop(), 0);
      assert.deepEqual(sent, [201, 201, 429]);
      assert.equal(readFileSync(`${location}.secret`, 'utf8'), key, 'the same key');
      // The key is not in the database.
      assert.ok(!readFileSync(location).includes(key.trim()));
      // A key file that cannot be used stops the start with a clear message.
      writeFileSync(`${location}.secret`, 'short');
      await assert.rejects(startServer(env), /secret key file .*fewer than 16 characters/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("forgets past days' feedback counts by itself, with no request", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerkit-forget-'));
    const location = onPostgres ? await freshLocation(true) : join(dir, 'peerkit.db');
    const db = await openDatabase(location);
    try {
      const today = new Date().toISOString().slice(0, 10);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      await db
        .insertInto('feedback_quota')
        .values([
          { holder: 'someone', day: yesterday, count: 3 },
          { holder: 'someone', day: today, count: 1 },
        ])
        .execute();
      const server = await startServer({ [onPostgres ? 'DATABASE_URL' : 'PEERKIT_DB']: location });
      try {
        const days = async () =>
          (await db.selectFrom('feedback_quota').select('day').where('holder', '=', 'someone').execute()).map(
            (row) => row.day,
          );
        for (let i = 0; i < 200 && (await days()).length > 1; i++) await new Promise((r) => setTimeout(r, 25));
        assert.deepEqual(await days(), [today], "yesterday's count is gone, today's kept for the limit");
      } finally {
        assert.equal(await server.stop(), 0);
      }
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('wakes the live streams of every process on one database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerkit-processes-'));
    const database: Record<string, string> = onPostgres
      ? { DATABASE_URL: await freshLocation() }
      : { PEERKIT_DB: join(dir, 'peerkit.db') };
    // SQLite: the streams poll. PostgreSQL: they hear a NOTIFY, so polling is all but turned off here.
    const poll = onPostgres ? '600000' : '200';
    const env = { ...database, PEERKIT_EVENT_POLL_MS: poll, PEERKIT_RATE_LIMIT: '0' };
    const [one, two] = await Promise.all([startServer(env), startServer(env)]);
    const auth = (id: string) => ({ Authorization: `Bearer demo-${id}` });
    const ac = new AbortController();
    try {
      const stream = await fetch(`${one.origin}/api/kudos/stream`, { headers: auth('u0010'), signal: ac.signal });
      assert.equal(stream.status, 200);
      const reading = readEvents(stream, (events) => events.some((e) => e.event === 'kudos'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const sent = await fetch(`${two.origin}/api/kudos`, {
        method: 'POST',
        headers: { ...auth('u0001'), 'Content-Type': 'application/json' },
        body: JSON.stringify({ recipientIds: ['u0002'], message: 'Sent to the other process', valueIds: ['learning'] }),
      });
      assert.equal(sent.status, 201);
      const events = await reading;
      const kudos = JSON.parse(events.find((e) => e.event === 'kudos')!.data) as Kudos;
      assert.equal(kudos.message, 'Sent to the other process');
    } finally {
      ac.abort();
      assert.equal(await one.stop(), 0);
      assert.equal(await two.stop(), 0);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a proxy that signs people in', () => {
  const asProxy = (server: Awaited<ReturnType<typeof startServer>>, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/me`, { headers: { 'X-Remote-User': 'u0002', ...headers } });

  it('is believed from this machine by default, and says so at start', async () => {
    const server = await startServer({ PEERKIT_TRUSTED_HEADER: 'X-Remote-User' });
    try {
      const me = await asProxy(server);
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { id: string }).id, 'u0002');
      assert.match(server.output(), /Signed in by the X-Remote-User header from 127\.0\.0\.0\/8, ::1 only/);
    } finally {
      await server.stop();
    }
  });

  it('is refused from an address PEERKIT_TRUSTED_PROXIES does not list, so no one past the proxy can name whom they like', async () => {
    const server = await startServer({
      PEERKIT_TRUSTED_HEADER: 'X-Remote-User',
      PEERKIT_TRUSTED_PROXIES: '10.0.0.0/8, fd00::/8',
    });
    try {
      const me = await asProxy(server);
      assert.equal(me.status, 401);
      assert.match(me.headers.get('content-type')!, /application\/problem\+json/);
      const problem = (await me.json()) as { title: string; detail: string };
      assert.equal(problem.title, 'Untrusted proxy');
      assert.match(
        problem.detail,
        /only from the proxies PEERKIT_TRUSTED_PROXIES lists; this request came from 127\.0\.0\.1/,
      );
      // Not even beside a token of someone else: the header is what is refused.
      assert.equal((await asProxy(server, { Authorization: 'Bearer demo-u0001' })).status, 401);
      // Without the header, tokens work as ever.
      const token = await fetch(`${server.origin}/api/me`, { headers: { Authorization: 'Bearer demo-u0001' } });
      assert.equal(((await token.json()) as { id: string }).id, 'u0001');
    } finally {
      await server.stop();
    }
  });

  it('sent past the proxy, gets no rate-limit window by the names it claims: they count by address', async () => {
    const server = await startServer({
      PEERKIT_TRUSTED_HEADER: 'X-Remote-User',
      PEERKIT_TRUSTED_PROXIES: '10.0.0.0/8',
      PEERKIT_RATE_LIMIT: '3',
    });
    try {
      const statuses = [];
      for (const name of ['u0002', 'u0003', 'u0004', 'u0005']) {
        statuses.push((await asProxy(server, { 'X-Remote-User': name })).status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 429]);
    } finally {
      await server.stop();
    }
  });

  it('is matched by address and range, an IPv4 address seen through IPv6 included', () => {
    const trusted = addressesOf(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    assert.equal(trusted('10.20.30.40'), true);
    assert.equal(trusted('::ffff:10.20.30.40'), true);
    assert.equal(trusted('192.168.1.7'), true);
    assert.equal(trusted('fd12::1'), true);
    assert.equal(trusted('192.168.1.8'), false);
    assert.equal(trusted('11.0.0.1'), false);
    assert.equal(trusted('::1'), false);
    assert.equal(trusted('unknown'), false);
  });
});

describe('server settings', () => {
  it('reads each setting as written, and refuses what it cannot mean, naming it', () => {
    assert.deepEqual(serverSettings({}), {
      port: 8080,
      host: '0.0.0.0',
      corsOrigins: [],
      trustedHeader: undefined,
      trustedProxies: ['127.0.0.0/8', '::1'],
      publicUrl: undefined,
      bodyLimit: undefined,
      rateLimit: 1200,
      demoLogin: true,
      testHooks: false,
      accessLog: false,
      feedbackPerDay: undefined,
      eventPollMs: undefined,
    });
    const set = serverSettings({
      PORT: '3000',
      PEERKIT_CORS_ORIGINS: ' https://Intranet.example/ ,http://localhost:3000,https://wiki.example:443',
      PEERKIT_TRUSTED_HEADER: 'X-Remote-User',
      PEERKIT_TRUSTED_PROXIES: ' 10.0.0.5 , 10.1.0.0/16,fd00::/8',
      PEERKIT_PUBLIC_URL: 'https://peerkit.example/api',
      PEERKIT_BODY_LIMIT: '131072',
      PEERKIT_RATE_LIMIT: '0',
      PEERKIT_DEMO_LOGIN: '0',
      PEERKIT_ACCESS_LOG: '1',
      PEERKIT_FEEDBACK_PER_DAY: '5',
      PEERKIT_EVENT_POLL_MS: '250',
    });
    // Origins as browsers send them: lower case, no slash, no default port.
    assert.deepEqual(set.corsOrigins, ['https://intranet.example', 'http://localhost:3000', 'https://wiki.example']);
    assert.deepEqual(set.trustedProxies, ['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
    assert.equal(set.port, 3000);
    assert.equal(set.rateLimit, 0);
    assert.equal(set.demoLogin, false);
    assert.equal(set.accessLog, true);
    assert.equal(set.bodyLimit, 131072);
    assert.equal(set.feedbackPerDay, 5);
    assert.equal(set.eventPollMs, 250);

    for (const [name, value, message] of [
      ['PORT', '80a', /PORT must be a whole number from 0 to 65535 \(got "80a"\)/],
      ['PORT', '70000', /PORT must be a whole number from 0 to 65535/],
      ['PEERKIT_RATE_LIMIT', '-1', /PEERKIT_RATE_LIMIT must be a whole number from 0/],
      ['PEERKIT_RATE_LIMIT', '1.5', /PEERKIT_RATE_LIMIT must be a whole number/],
      ['PEERKIT_BODY_LIMIT', '64k', /PEERKIT_BODY_LIMIT must be a whole number from 1024/],
      ['PEERKIT_FEEDBACK_PER_DAY', '0', /PEERKIT_FEEDBACK_PER_DAY must be a whole number from 1/],
      ['PEERKIT_DEMO_LOGIN', 'no', /PEERKIT_DEMO_LOGIN must be 1 \(on\) or 0 \(off\) \(got "no"\)/],
      ['PEERKIT_ACCESS_LOG', 'true', /PEERKIT_ACCESS_LOG must be 1 \(on\) or 0/],
      ['PEERKIT_CORS_ORIGINS', '*', /PEERKIT_CORS_ORIGINS holds "\*", which is not an origin/],
      ['PEERKIT_CORS_ORIGINS', 'https://intranet.example/cms', /holds "https:\/\/intranet.example\/cms"/],
      ['PEERKIT_CORS_ORIGINS', 'ftp://files.example', /holds "ftp:\/\/files.example"/],
      ['PEERKIT_PUBLIC_URL', 'peerkit.example/api', /PEERKIT_PUBLIC_URL must be the API's whole public address/],
      ['PEERKIT_TRUSTED_HEADER', 'X Remote User', /PEERKIT_TRUSTED_HEADER must be a header name/],
      ['PEERKIT_TRUSTED_PROXIES', 'proxy.intranet', /PEERKIT_TRUSTED_PROXIES: "proxy.intranet" is neither/],
      ['PEERKIT_TRUSTED_PROXIES', '10.0.0.0/33', /"10.0.0.0\/33" is neither an address nor a range/],
      ['PEERKIT_TRUSTED_PROXIES', '10.0.0.5,', /PEERKIT_TRUSTED_PROXIES: "" is neither/],
    ] as const) {
      assert.throws(() => serverSettings({ [name]: value }), message, `${name}=${value}`);
    }
  });
});
