import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createHash } from 'node:crypto';
import { ProblemError } from './problem.js';
import { addressOf, onThisMachine, proxyClaim } from './proxies.js';

export interface RateLimitOptions {
  /** Requests allowed per window and client. */
  max: number;
  windowMs: number;
  /**
   * With `shared`: how often, in ms, this process adds its counts to those of the other server
   * processes on the same database and learns theirs (default 1000). Between two, a client that
   * spreads its requests over N processes gets at most N - 1 times what it sent in that time on top.
   */
  syncMs?: number;
}

/** A client's window as every server process sees it. */
export interface SharedWindow {
  client: string;
  /** When the window started, in ms since 1970. */
  started: number;
  hits: number;
}

/** Where the server processes on one database pool their counts (see `databaseWindows`). */
export interface SharedWindows {
  /**
   * Adds each client's new hits, counted in a window this process started at `started`, to its
   * shared window, which starts again when it ended before that; resolves to the shared windows.
   */
  add(counted: SharedWindow[], windowMs: number): Promise<SharedWindow[]>;
}

/** How the server knows who is asking, so that each person has a window of their own. */
export interface ClientIdentity {
  /** The header an SSO proxy sets (the proxy vouches for it; see `authenticate`). */
  trustedHeader?: string;
  /** Whether an address is a proxy's whose header is believed (see `authenticate`); loopback only by default. */
  trustedFrom?: (address: string) => boolean;
  /** The demo sign-in cookie. */
  demoCookie?: string;
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);

/**
 * Who a request claims to be, before it is checked: the proxy's header, a bearer token or the
 * demo cookie; else its address. Behind an SSO proxy every request comes from the proxy's address,
 * so the address alone would give the whole organisation one window.
 */
function clientKey(c: Context, identity: ClientIdentity, address: string): string {
  // A header sent past the proxy is refused later; it must not use up the window of whom it names.
  const { claimed } = proxyClaim(c, identity.trustedHeader, identity.trustedFrom ?? onThisMachine);
  if (claimed) return `h:${hash(claimed.toLowerCase())}`;
  const auth = c.req.header('Authorization');
  if (auth) return `t:${hash(auth)}`;
  const cookie = identity.demoCookie ? getCookie(c, identity.demoCookie) : undefined;
  if (cookie) return `c:${hash(cookie)}`;
  return `a:${address}`;
}

interface Window {
  start: number;
  /** Every request counted in it, by every process as far as this one knows. */
  count: number;
  /** Those this process has not yet added to the shared window. */
  unsent: number;
}

/**
 * A fixed-window limit per client; 429 with Retry-After when exceeded. A claimed identity is
 * checked only later, so an address whose requests fail to sign in (401) has a window of its own
 * for those failures too: made-up tokens, one per request, do not get round the limit. Behind an
 * SSO proxy, that window is the proxy header's name instead.
 *
 * With `shared`, the processes on one database pool their counts every `syncMs`, so a client
 * sending to several of them (behind a load balancer) still gets `max` requests a window, not
 * `max` from each. Should the database fail to take them, each process goes on counting alone.
 */
export function rateLimit(options: RateLimitOptions, identity: ClientIdentity = {}, shared?: SharedWindows) {
  const windows = new Map<string, Window>();
  const expired = (window: Window, now: number) => now - window.start >= options.windowMs;
  const windowOf = (key: string, now: number) => {
    let window = windows.get(key);
    if (!window || expired(window, now)) {
      window = { start: now, count: 0, unsent: 0 };
      windows.set(key, window);
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (expired(w, now) && !w.unsent) windows.delete(k);
      }
    }
    return window;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue = Promise.resolve();
  let failing = false;
  const send = async () => {
    const sent = [...windows].filter(([, w]) => w.unsent > 0).map(([client, w]) => ({ client, w, hits: w.unsent }));
    if (!sent.length || !shared) return;
    for (const s of sent) s.w.unsent = 0;
    try {
      const got = await shared.add(
        sent.map(({ client, w, hits }) => ({ client, started: w.start, hits })),
        options.windowMs,
      );
      const byClient = new Map(got.map((g) => [g.client, g]));
      for (const { client, w } of sent) {
        const pooled = byClient.get(client);
        // Unless this process has started a new window for the client meanwhile.
        if (pooled && windows.get(client) === w)
          Object.assign(w, { start: pooled.started, count: pooled.hits + w.unsent });
      }
      failing = false;
    } catch (error) {
      for (const s of sent) s.w.unsent += s.hits;
      if (!failing) console.warn(`Rate limit: counting in this process alone for now: ${(error as Error).message}`);
      failing = true;
      schedule();
    }
  };
  /** Pools this process's counts with the other processes' now (also at every `syncMs`). */
  const sync = () => (queue = queue.then(send));
  const schedule = () => {
    if (!shared || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void sync();
    }, options.syncMs ?? 1000);
    timer.unref?.();
  };
  const hit = (window: Window) => {
    window.count++;
    // Alone, nothing is sent: `unsent` stays 0, so ended windows can be swept.
    if (!shared) return;
    window.unsent++;
    schedule();
  };

  const refuse = (window: { start: number }, now: number) =>
    new ProblemError(
      429,
      'Too many requests',
      `At most ${options.max} requests per ${options.windowMs / 1000} s.`,
      {},
      { 'Retry-After': String(Math.max(1, Math.ceil((window.start + options.windowMs - now) / 1000))) },
    );
  const middleware: MiddlewareHandler = async (c, next) => {
    const now = Date.now();
    const address = addressOf(c);
    const client = clientKey(c, identity, address);
    // The proxy vouches for its header: failures count against the name it sends, not against the
    // proxy's address, which would stop the whole organisation for the failures of a few.
    const failures = windowOf(`f:${client.startsWith('h:') ? client : address}`, now);
    if (failures.count >= options.max) throw refuse(failures, now);
    const window = windowOf(client, now);
    hit(window);
    c.header('RateLimit-Limit', String(options.max));
    c.header('RateLimit-Remaining', String(Math.max(0, options.max - window.count)));
    if (window.count > options.max) throw refuse(window, now);
    await next();
    if (c.res.status === 401) hit(failures);
  };
  return Object.assign(middleware, { sync });
}
