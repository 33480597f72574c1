import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createHash } from 'node:crypto';
import { ProblemError } from './problem.js';

export interface RateLimitOptions {
  /** Requests allowed per window and client. */
  max: number;
  windowMs: number;
}

function clientKey(c: Parameters<MiddlewareHandler>[0]): string {
  const auth = c.req.header('Authorization');
  if (auth) return `t:${createHash('sha256').update(auth).digest('hex').slice(0, 16)}`;
  try {
    return `a:${getConnInfo(c).remote.address ?? 'unknown'}`;
  } catch {
    return 'a:local'; // no socket: an in-process request
  }
}

/** A fixed-window limit per token (or address); 429 with Retry-After when exceeded. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const now = Date.now();
    const key = clientKey(c);
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k);
      }
    }
    window.count++;
    c.header('RateLimit-Limit', String(options.max));
    c.header('RateLimit-Remaining', String(Math.max(0, options.max - window.count)));
    if (window.count > options.max) {
      const retryAfter = Math.ceil((window.start + options.windowMs - now) / 1000);
      throw new ProblemError(
        429,
        'Too many requests',
        `At most ${options.max} requests per ${options.windowMs / 1000} s.`,
        {},
        {
          'Retry-After': String(retryAfter),
        },
      );
    }
    return next();
  };
}
