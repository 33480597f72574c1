import { Hono } from 'hono';
import { sql } from 'kysely';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/contract/openapi.js';
import { avatarSvg } from '../src/testing/avatar.js';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { Id } from '../src/contract/common.js';
import { authenticate, DEMO_COOKIE, type AppEnv } from './auth.js';
import { crossOriginWrites } from './cross-origin.js';
import { DEMO_LABEL } from './tokens.js';
import { crossProcessMessages, type Db } from './db/database.js';
import { demoToken } from './db/seed.js';
import { rateLimit, type RateLimitOptions } from './limits.js';
import { databaseWindows } from './db/rate-windows.js';
import { ProblemError, problem, validate } from './problem.js';
import { peopleRoutes } from './routes/people.js';
import { mentorRoutes } from './routes/mentors.js';
import { kudosRoutes } from './routes/kudos.js';
import { skillRoutes } from './routes/skills.js';
import { feedbackRoutes, forgetPastQuotas } from './routes/feedback.js';
import { EventBus } from './event-bus.js';
import { idempotency, pruneIdempotency } from './idempotency.js';
import { createTestHooks } from './test-hooks.js';
import { etags } from './etag.js';
import { allowedMethods, jsonBody } from './body.js';
import { addressesOf, LOOPBACK } from './proxies.js';

export interface AppOptions {
  db: Db;
  /** Origins allowed to call the API from a browser (CORS). Same-origin pages need none. */
  corsOrigins?: string[];
  /** A header set by an intranet SSO proxy naming the signed-in person (id or email). */
  trustedHeader?: string;
  /**
   * The addresses and ranges (`10.0.0.5`, `10.0.0.0/8`) of the proxies `trustedHeader` is believed
   * from; by default this machine's loopback addresses only. From anywhere else it is refused (401).
   */
  trustedProxies?: readonly string[];
  /** Largest request body in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** Requests per window and client; `false` turns the limit off. */
  rateLimit?: RateLimitOptions | false;
  /** The public URL of the API (`https://intranet.example/api`), when a proxy hides it. */
  publicUrl?: string;
  /** Lists the seeded people and their demo tokens at `/api/demo/identities`. */
  demoLogin?: boolean;
  /** Accept the demo organisation's well-known tokens (default true; the server passes `demoLogin`). */
  demoTokens?: boolean;
  /** Feedback one person may send per UTC day. */
  feedbackPerDay?: number;
  /**
   * A secret that keys today's feedback counts, so that a copy of the database cannot tell whose
   * count is whose. Processes that share a database need the same one to share the daily limit;
   * without one, each process makes its own, and its counts start again when it does.
   */
  secret?: string;
  /**
   * Writes a line for each answer: when, method, path (not the query, which may hold the names
   * someone searched for), status and milliseconds. Nothing of who asked.
   */
  accessLog?: (line: string) => void;
  /** Request log and fault injection under `/__test` (never in production). */
  testHooks?: boolean;
  /** The clock of feedback's daily counts and of when anonymous feedback shows; tests set it. */
  now?: () => Date;
  /**
   * How often, in ms, open live streams look for events stored by other server processes on the
   * same database (default 1000). Writes in this process wake them at once.
   */
  eventPollMs?: number;
}

const staticDir = fileURLToPath(new URL('./static/', import.meta.url));

export function createApp(options: AppOptions) {
  const { db } = options;
  const trustedFrom = addressesOf(options.trustedProxies ?? LOOPBACK);
  const app = new Hono<AppEnv>();
  const apiBase = (url: string) => options.publicUrl?.replace(/\/+$/, '') ?? `${new URL(url).origin}/api`;
  const allowed = new Set(options.corsOrigins ?? []);

  const { accessLog } = options;
  if (accessLog) {
    // First, so that it sees every answer as it leaves, errors and 304s included.
    app.use('*', async (c, next) => {
      const start = performance.now();
      await next();
      const { pathname } = new URL(c.req.url);
      const ms = Math.round(performance.now() - start);
      accessLog(`${new Date().toISOString()} ${c.req.method} ${pathname} ${c.res.status} ${ms}ms`);
    });
  }
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error);
    // The answer names the error without telling its cause; the log tells both, under the same name.
    const reference = randomBytes(6).toString('hex');
    console.error(`Internal server error ${reference} (${c.req.method} ${new URL(c.req.url).pathname}):`, error);
    return problem(
      c,
      new ProblemError(
        500,
        'Internal server error',
        `Something went wrong on the server. Its log names it ${reference}.`,
        { reference },
      ),
    );
  });
  let methodsAt: ((pathname: string) => string[]) | undefined;
  app.notFound((c) => {
    const pathname = new URL(c.req.url).pathname;
    methodsAt ??= allowedMethods(app.routes);
    const methods = methodsAt(pathname);
    // A path that takes this method but holds nothing (a file that is not there) is not found.
    if (methods.length && !methods.includes(c.req.method)) {
      return problem(
        c,
        new ProblemError(
          405,
          'Method not allowed',
          `${pathname} answers ${methods.join(', ')}.`,
          {},
          { Allow: methods.join(', ') },
        ),
      );
    }
    return problem(c, new ProblemError(404, 'Not found', `Nothing lives at ${pathname}.`));
  });

  // Every answer is read as what its Content-Type says, never sniffed as something else: a JSON
  // answer that holds someone's text must not be taken for HTML, nor a text file for a script.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });
  // JSON, scripts and pages travel compressed when the client accepts it (gzip or deflate). Live
  // streams never: each event must leave at once, not wait in a compressor's buffer.
  app.use('*', compress());

  const bus = new EventBus({
    latest: async () => {
      const row = await db
        .selectFrom('kudos_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },
    pollMs: options.eventPollMs,
    ...crossProcessMessages(db),
  });
  // A stopping server closes each connection after its answer: a kept-alive one would hold it open.
  app.use('*', async (c, next) => {
    await next();
    if (bus.stopped) c.header('Connection', 'close');
  });
  const hooks = options.testHooks ? createTestHooks(bus) : undefined;
  if (hooks) app.use('/api/*', hooks.recorder);

  app.use(
    '*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      credentials: true,
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'Last-Event-ID'],
      exposeHeaders: ['ETag', 'Retry-After', 'Location', 'RateLimit-Limit', 'RateLimit-Remaining'],
      maxAge: 600,
    }),
  );
  // Writes asked for by pages of other origins, which a session cookie would otherwise sign.
  // Pages of the server's public address count as its own, whatever Host a proxy in front passes on.
  const own = options.publicUrl && URL.canParse(options.publicUrl) ? [new URL(options.publicUrl).origin] : [];
  app.use('/api/*', crossOriginWrites(new Set([...allowed, ...own])));
  if (hooks) {
    app.route('/__test', hooks.routes);
    app.use('/api/*', hooks.injector);
  }

  const maxBody = options.bodyLimit ?? 64 * 1024;
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) =>
        problem(c, new ProblemError(413, 'Request body too large', `At most ${maxBody} bytes are accepted.`)),
    }),
  );
  let limiter: ReturnType<typeof rateLimit> | undefined;
  if (options.rateLimit !== false) {
    const identity = {
      trustedHeader: options.trustedHeader,
      trustedFrom,
      demoCookie: options.demoLogin ? DEMO_COOKIE : undefined,
    };
    // Counted with the other server processes on this database.
    limiter = rateLimit(options.rateLimit ?? { max: 1200, windowMs: 60_000 }, identity, databaseWindows(db));
    app.use('/api/*', limiter);
  }

  // Public routes: no credentials needed.
  // For a load balancer or an orchestrator: 200 while the database answers, 503 once it does not.
  app.get('/api/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await sql`select 1`.execute(db);
    } catch {
      throw new ProblemError(503, 'Database unavailable', 'The server runs but cannot reach its database.');
    }
    return c.json({ status: 'ok' });
  });
  app.get('/api/openapi.json', (c) => c.json(buildOpenApiDocument({ serverUrl: apiBase(c.req.url) })));
  const docsPage = readFileSync(`${staticDir}api-docs.html`, 'utf8');
  const docsScript = readFileSync(`${staticDir}api-docs.js`, 'utf8');
  // It sends requests with the reader's token: never inside another site's frame, where a reader
  // could be led to press its buttons.
  app.get('/api/docs', (c) =>
    c.html(docsPage, 200, { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' }),
  );
  app.get('/api/docs/api-docs.js', (c) =>
    c.body(docsScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/avatars/:file{[A-Za-z0-9_.:-]+\\.svg}', async (c) => {
    const id = c.req.param('file').replace(/\.svg$/, '');
    const person = await db.selectFrom('people').select('has_photo').where('id', '=', id).executeTakeFirst();
    if (!person?.has_photo) throw new ProblemError(404, 'Not found', 'This person has no photo.');
    return c.body(avatarSvg(id), 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
      'Content-Security-Policy': "default-src 'none'",
    });
  });
  if (options.demoLogin) {
    // Only the demo organisation's people, who have demo tokens, and who have not left: people
    // imported beside them (a real organisation, the demo left on by mistake) are neither listed
    // to anyone who asks nor signed in as.
    const demoPeople = () =>
      db
        .selectFrom('people')
        .innerJoin('access_tokens', 'access_tokens.person_id', 'people.id')
        .where('access_tokens.label', '=', DEMO_LABEL)
        .where('people.left_on', 'is', null);
    app.get('/api/demo/identities', async (c) => {
      const rows = await demoPeople()
        .innerJoin('departments', 'departments.id', 'people.department_id')
        .select(['people.id', 'people.name', 'people.title', 'departments.name as department'])
        .orderBy('people.name')
        .execute();
      return c.json(rows.map((row) => ({ ...row, token: demoToken(row.id) })));
    });
    // Sign in as a seeded person with a cookie, as an intranet SSO session would.
    app.post('/api/demo/session', async (c) => {
      const { personId } = validate(z.object({ personId: Id }), await jsonBody(c), 'body');
      const person = await demoPeople().select('people.id').where('people.id', '=', personId).executeTakeFirst();
      if (!person) throw new ProblemError(404, 'Not found', `No person of the demo has the id "${personId}".`);
      setCookie(c, DEMO_COOKIE, demoToken(person.id), { path: '/', httpOnly: true, sameSite: 'Strict' });
      return c.body(null, 204);
    });
  }

  app.use(
    '/api/*',
    authenticate(db, {
      trustedHeader: options.trustedHeader,
      trustedFrom,
      demoCookie: options.demoLogin,
      demoTokens: options.demoTokens,
    }),
  );
  app.use('/api/*', etags());
  app.use('/api/*', idempotency(db));
  app.route('/api', peopleRoutes(db, apiBase));
  app.route('/api', mentorRoutes(db, apiBase));
  app.route('/api', kudosRoutes(db, bus, apiBase));
  app.route('/api', skillRoutes(db, apiBase));
  app.route(
    '/api',
    feedbackRoutes(db, apiBase, {
      perDay: options.feedbackPerDay,
      secret: options.secret,
      now: options.now ?? hooks?.now,
    }),
  );

  return Object.assign(app, {
    /**
     * The server stops: open live streams end, new ones are refused (503), and every answer from now
     * on closes its connection, so that nothing holds the process open.
     */
    stop: () => bus.stop(),
    /** Pools the rate limit's counts with the other server processes now, not at the next `syncMs`. */
    syncRateLimit: () => limiter?.sync() ?? Promise.resolve(),
    /**
     * Forgets what is no longer needed even when nobody writes: past days' feedback counts and
     * answers kept for replays beyond 30 days. Writes do it too; `main.ts` also runs it hourly.
     */
    forgetStale: async (now = new Date()) => {
      await forgetPastQuotas(db, now);
      await pruneIdempotency(db, now.getTime());
    },
  });
}
