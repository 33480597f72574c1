import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { relative } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createApp } from './app.js';
import { DEMO_COOKIE } from './auth.js';
import { revalidated } from './static-files.js';
import { demoToken } from './db/seed.js';
import { configuredSecret, openConfiguredDatabase, root, seedsDemo, serverSettings } from './settings.js';

/*
 * The reference server: the API under /api, the built library under /dist, and the demo page
 * at /. Settings come from the environment:
 *   PORT (8080), HOST (0.0.0.0), DATABASE_URL (postgres://…: PostgreSQL instead of SQLite),
 *   PEERKIT_DB (the SQLite file, data/peerkit.db; ":memory:" for a throw-away one),
 *   PEERKIT_DB_POOL (PostgreSQL connections in the pool, default 10),
 *   PEERKIT_SEED (demo: an empty database gets the demo organisation; none: it stays empty),
 *   PEERKIT_CORS_ORIGINS (comma-separated), PEERKIT_TRUSTED_HEADER, PEERKIT_TRUSTED_PROXIES
 *   (addresses and ranges the header is believed from, default loopback), PEERKIT_PUBLIC_URL,
 *   PEERKIT_BODY_LIMIT (bytes), PEERKIT_RATE_LIMIT (requests a minute, 0 = off),
 *   PEERKIT_DEMO_LOGIN (1 or 0, default 1), PEERKIT_TEST_HOOKS (1 = request log and fault injection),
 *   PEERKIT_ACCESS_LOG (1 = a line on stdout for each answer: time, method, path, status, ms),
 *   PEERKIT_FEEDBACK_PER_DAY (feedback one person may send a day, default 20),
 *   PEERKIT_SECRET (the key of today's feedback counts; the same for every process on one database),
 *   PEERKIT_SECRET_FILE (a file holding that key, made when missing; for SQLite, <database>.secret),
 *   PEERKIT_EVENT_POLL_MS (how often live streams look for events stored by other server
 *   processes on the same database, default 1000).
 */

const env = process.env;

const {
  settings,
  db,
  shown: shownDb,
  secret,
} = await Promise.resolve()
  .then(async () => {
    // Checked before the database is opened: a wrong setting stops the server at once.
    const settings = serverSettings(env);
    return { settings, ...(await openConfiguredDatabase(env, seedsDemo(env))), secret: configuredSecret(env) };
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });

const app = createApp({
  db,
  corsOrigins: settings.corsOrigins,
  trustedHeader: settings.trustedHeader,
  trustedProxies: settings.trustedProxies,
  publicUrl: settings.publicUrl,
  bodyLimit: settings.bodyLimit,
  rateLimit: settings.rateLimit > 0 ? { max: settings.rateLimit, windowMs: 60_000 } : false,
  demoLogin: settings.demoLogin,
  // The demo people's tokens are known to everyone: with the demo sign-in off, they open nothing.
  demoTokens: settings.demoLogin,
  testHooks: settings.testHooks,
  accessLog: settings.accessLog ? (line) => console.log(line) : undefined,
  feedbackPerDay: settings.feedbackPerDay,
  eventPollMs: settings.eventPollMs,
  secret,
});

// Past days' feedback counts and old answers kept for retries: forgotten each hour, even on a quiet server.
const forget = () =>
  app.forgetStale().catch((error: Error) => console.warn(`Could not forget stale data: ${error.message}`));
void forget();
setInterval(forget, 60 * 60 * 1000).unref();

const staticRoot = relative(process.cwd(), root) || '.';
// Every demo page starts signed in as the first seeded person, whichever is opened first; the
// picker on `/` changes who you are.
const signInDemo: MiddlewareHandler = async (c, next) => {
  if (settings.demoLogin && !getCookie(c, DEMO_COOKIE)) {
    setCookie(c, DEMO_COOKIE, demoToken('u0001'), { path: '/', httpOnly: true, sameSite: 'Strict' });
  }
  return next();
};
app.get('/', signInDemo);
app.get('/demo/*', signInDemo);
for (const path of ['/', '/demo/*', '/dist/*']) app.use(path, revalidated());
app.get('/', serveStatic({ path: `${staticRoot}/demo/index.html` }));
app.use('/demo/*', serveStatic({ root: staticRoot }));
app.use('/dist/*', serveStatic({ root: staticRoot }));

const server = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, (info) => {
  const shown = settings.host !== '0.0.0.0' ? settings.host : 'localhost';
  console.log(`Database: ${shownDb}`);
  if (!secret && shownDb.startsWith('PostgreSQL')) {
    console.warn(
      'PEERKIT_SECRET and PEERKIT_SECRET_FILE are unset: this process keys the daily feedback counts on its own, so they start again after a restart and are not shared with other processes.',
    );
  }
  if (settings.trustedHeader) {
    console.log(
      `Signed in by the ${settings.trustedHeader} header from ${settings.trustedProxies.join(', ')} only (PEERKIT_TRUSTED_PROXIES).`,
    );
  }
  if (settings.demoLogin) {
    console.warn(
      "Demo sign-in is on: whoever reaches this server can sign in as any of the demo organisation's people. Set PEERKIT_DEMO_LOGIN=0 in production.",
    );
  }
  console.log(`Peerkit is running at http://${shown}:${info.port}/  (API: /api, reference: /api/docs)`);
});
// The address cannot be had: said in a line, not a stack trace, and the process ends with 1.
server.on('error', (error: NodeJS.ErrnoException) => {
  const where = `${settings.host}:${settings.port}`;
  const why: Record<string, string> = {
    EADDRINUSE: `${where} is in use: another program (another Peerkit server?) listens there. Stop it, or set PORT to another port.`,
    EACCES: `${where} may not be listened on by this user (ports below 1024 need rights). Set PORT to 1024 or above.`,
    EADDRNOTAVAIL: `${settings.host} is not an address of this machine. Set HOST to one of its addresses, or 0.0.0.0 for all.`,
  };
  console.error(`Could not listen on ${where}: ${why[error.code ?? ''] ?? error.message}`);
  void db.destroy().finally(() => process.exit(1));
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing open requests, then stopping.`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  app.stop();
  server.close(async () => {
    await db.destroy();
    process.exit(0);
  });
  // Idle keep-alive connections would hold close() open.
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
