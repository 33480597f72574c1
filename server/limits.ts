import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createHash } from 'node:crypto';
import { ProblemError } from './problem.js';

export interface RateLimitOptions {
  /** Requests allowed per window and client. */
  max: number;
  windowMs: number;
}

/** How the server knows who is asking, so that each person has a window of their own. */
export interface ClientIdentity {
  /** The header an SSO proxy sets (the proxy vouches for it; see `authenticate`). */
  trustedHeader?: string;
  /** The demo sign-in cookie. */
  demoCookie?: string;
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);

function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // no socket: an in-process request
  }
}

/**
 * Who a request claims to be, before it is checked: the proxy's header, a bearer token or the
 * demo cookie; else its address. Behind an SSO proxy every request comes from the proxy's address,
 * so the address alone would give the whole organisation one window.
 */
function clientKey(c: Context, identity: ClientIdentity, address: string): string {
  const claimed = identity.trustedHeader ? c.req.header(identity.trustedHeader)?.trim() : undefined;
  if (claimed) return `h:${hash(claimed.toLowerCase())}`;
  const auth = c.req.header('Authorization');
  if (auth) return `t:${hash(auth)}`;
  const cookie = identity.demoCookie ? getCookie(c, identity.demoCookie) : undefined;
  if (cookie) return `c:${hash(cookie)}`;
  return `a:${address}`;
}

/**
 * A fixed-window limit per client; 429 with Retry-After when exceeded. A claimed identity is
 * checked only later, so an address whose requests fail to sign in (401) has a window of its own
 * for those failures too: made-up tokens, one per request, do not get round the limit. Behind an
 * SSO proxy, that window is the proxy header's name instead.
 */
export function rateLimit(options: RateLimitOptions, identity: ClientIdentity = {}): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  const windowOf = (key: string, now: number) => {
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k);
      }
    }
    return window;
  };
  const refuse = (window: { start: number }, now: number) =>
    new ProblemError(
      429,
      'Too many requests',
      `At most ${options.max} requests per ${options.windowMs / 1000} s.`,
      {},
      { 'Retry-After': String(Math.ceil((window.start + options.windowMs - now) / 1000)) },
    );
  return async (c, next) => {
    const now = Date.now();
    const address = addressOf(c);
    const client = clientKey(c, identity, address);
    // The proxy vouches for its header: failures count against the name it sends, not against the
    // proxy's address, which would stop the whole organisation for the failures of a few.
    const failures = windowOf(`f:${client.startsWith('h:') ? client : address}`, now);
    if (failures.count >= options.max) throw refuse(failures, now);
    const window = windowOf(client, now);
    window.count++;
    c.header('RateLimit-Limit', String(options.max));
    c.header('RateLimit-Remaining', String(Math.max(0, options.max - window.count)));
    if (window.count > options.max) throw refuse(window, now);
    await next();
    if (c.res.status === 401) failures.count++;
  };
}
